// 接收: drop the street offices' packages (.zip), each verified whole with its progress shown, then
// taken in, found unchanged, replacing an older one, or refused with the reason; a package from an
// office the district does not know yet asks before adding it. Below, every package received.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { DistrictPackageInfo, ReceiveResult } from '../../../../shared/district';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlainList } from '../../components/PlainList';
import { ProgressModal } from '../../components/ProgressModal';
import { fileToBase64 } from '../../files';
import { formatBytes, formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { useLongTask } from '../../hooks/useLongTask';

const said = (r: ReceiveResult['received'][number]): [string, string] => {
  if (r.unchanged) return ['default', '与已接收的相同，未新增'];
  return r.replaced ? ['blue', `已接收 ${r.records} 件，替换了较旧的一份`] : ['green', `已接收 ${r.records} 件`];
};

export function ReceivePage(): React.JSX.Element {
  const { modal } = App.useApp();
  const archive = useArchive();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [results, setResults] = useState<ReceiveResult[]>([]);
  const task = useLongTask('district.receive');
  const history = useApi('district.packages', {});

  const send = async (chosen: UploadFile[], addOffice: boolean): Promise<void> => {
    const payload = await Promise.all(chosen.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f.originFileObj as File) })));
    const result = await task.run({ files: payload, addOffice });
    if (!result) return;
    // what was sent is done with (received, unchanged or refused): the next drop starts afresh
    setFiles([]);
    setResults((rs) => [...rs, result]);
    history.reload();
    archive.reload();
    const unknown = result.errors.filter((e) => e.unknownOffice);
    if (unknown.length === 0) return;
    const offices = [...new Set(unknown.map((e) => e.unknownOffice!))];
    modal.confirm({
      title: '添加新的街道办事处？',
      content: `报送包来自本区尚未登记的${offices.map((o) => `“${o}”`).join('、')}。报送包本身核验无误。如确属本区，请确认添加并接收。`,
      okText: '添加并接收',
      cancelText: '不接收',
      onOk: () => send(chosen.filter((f) => unknown.some((e) => e.path === f.name)), true),
    });
  };

  const last = results.at(-1);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="接收街道的年度报送包">
        <Upload.Dragger
          data-testid="receive-drop"
          accept=".zip"
          multiple
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList);
            task.reset();
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>把报送包的 .zip 文件拖到这里，或点击选择</p>
          <p style={{ color: '#595959' }}>每份先整体核验（清单、每个文件的摘要、报送数据），有任何问题整份拒收，不写入任何内容。</p>
        </Upload.Dragger>
        <Button type="primary" style={{ marginTop: 16 }} disabled={files.length === 0 || task.running} onClick={() => void send(files, false)}>
          核验并接收
        </Button>
      </Card>
      <ErrorAlert error={task.error} />
      {task.cancelled && <Alert type="info" showIcon title="已取消，未接收任何报送包。" />}
      {last && (
        <Card title="接收结果" data-testid="receive-result">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {last.received.length > 0 && (
              <PlainList
                items={last.received}
                render={(r) => {
                  const [colour, text] = said(r);
                  return (
                    <>
                      <Tag color={colour}>{r.unchanged ? '未变化' : r.replaced ? '已替换' : '已接收'}</Tag>
                      <span>
                        {r.office} {r.year}年度{r.kind === 'carrier' ? '移交载体' : '报送包'}：{text}
                      </span>
                    </>
                  );
                }}
              />
            )}
            {last.errors.map((e) => (
              <Alert key={e.path} type={e.unknownOffice ? 'warning' : 'error'} showIcon title={e.message} />
            ))}
          </Space>
        </Card>
      )}
      <Card title="接收记录">
        <ErrorAlert error={history.error} />
        <Table<DistrictPackageInfo>
          data-testid="receive-history"
          size="small"
          rowKey="id"
          loading={history.loading}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '街道办事处', dataIndex: 'office' },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => (k === 'carrier' ? '移交载体' : '报送包') },
            { title: '生成时间', dataIndex: 'created', width: 150, render: formatDate },
            { title: '接收时间', dataIndex: 'receivedAt', width: 150, render: formatDate },
            { title: '档案（件）', dataIndex: 'records', width: 90 },
            { title: '文件', width: 130, render: (_, p) => `${p.files} 个，${formatBytes(p.bytes)}` },
            { title: '状态', width: 120, render: (_, p) => (p.replacedAt ? <Tag>已被替换（{formatDate(p.replacedAt).split(" ")[0]}）</Tag> : <Tag color="green">现行</Tag>) },
          ]}
        />
      </Card>
      <ProgressModal open={task.running} title="正在核验并接收报送包" progress={task.progress} onCancel={task.cancel} />
    </Space>
  );
}
