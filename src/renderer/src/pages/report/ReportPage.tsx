// 报表: build the year's reporting package (Word, Excel, catalogue, BagIt) with progress and cancel;
// then open its folder (desktop) or download it (browser mode).
import { DownloadOutlined, FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { ReportResult } from '../../../../shared/report';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { PlainList } from '../../components/PlainList';
import { useWorkingYear, YearAndCommunitiesItems } from '../../components/Pickers';
import { ProgressModal } from '../../components/ProgressModal';
import { useArchive } from '../../hooks/useArchive';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';
import { useLongTask } from '../../hooks/useLongTask';
import { ReportSettingsForm } from './ReportSettingsForm';

export function ReportPage(): React.JSX.Element {
  const { info } = useArchive();
  const working = useWorkingYear();
  const [chosen, setYear] = useState<number | undefined>();
  const year = chosen ?? working;
  const [communities, setCommunities] = useState<string[]>([]);
  const [nextSteps, setNextSteps] = useState('');
  const [withFiles, setWithFiles] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const task = useLongTask('report.build');
  const browser = info?.mode === 'browser';
  const r = task.result;

  // a year without records makes a package of empty forms: said before, asked again on 生成
  const inYear = useApi('records.search', year ? { year, limit: 0 } : null);
  const emptyYear = inYear.data?.total === 0 && !inYear.loading;
  const { modal } = App.useApp();
  const run = (): void => {
    if (!year) return;
    void task.run({ year, communities: communities.length ? communities : undefined, zip: browser || undefined, nextSteps: nextSteps.trim() || undefined, withFiles: withFiles || undefined });
  };
  const build = (): void => {
    if (!emptyYear) return run();
    modal.confirm({
      title: `${year} 年没有档案`,
      content: '报送包里的台账、目录和清单都会是空表，工作报告也没有可写的数字。确定仍要生成吗？',
      okText: '仍然生成',
      cancelText: '先不生成',
      onOk: run,
    });
  };
  const showFolder = async (path: string): Promise<void> => {
    try {
      await api.call('shell.showInFolder', { path });
    } catch (e) {
      setOpenError(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="年度报送包">
        {emptyYear && (
          <Alert
            type="warning"
            showIcon
            data-testid="report-empty-year"
            style={{ marginBottom: 16 }}
            title={`${year} 年还没有档案，生成的报送包将是空的。`}
            description="请先导入社区报送的工作簿或逐件登记该年度的档案，归档后再生成报送包；也可以换一个年度。"
            action={
              <Button size="small" onClick={() => navigate('/import')}>
                导入工作簿
              </Button>
            }
          />
        )}
        <Form layout="vertical" onFinish={build}>
          <YearAndCommunitiesItems year={year} onYear={setYear} communities={communities} onCommunities={setCommunities} />
          <Form.Item label="五、下一步打算（写入工作报告，可不填）">
            <Input.TextArea rows={3} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} placeholder="不填则按考评发现的问题逐项写出" />
          </Form.Item>
          <Form.Item extra="复制到报送包的“06_电子文件”文件夹；PDF 副本首页右上角加盖归档章，档案库中的原件不变">
            <Checkbox checked={withFiles} onChange={(e) => setWithFiles(e.target.checked)}>
              附带电子文件
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<FileZipOutlined />} disabled={!year || task.running}>
            生成报送包
          </Button>
        </Form>
      </Card>
      <Card title="工作报告的公文要素" size="small">
        <ReportSettingsForm />
      </Card>
      <ErrorAlert error={task.error ?? openError} />
      {task.cancelled && <Alert type="info" showIcon title="已取消，未生成报送包。" />}
      {r && (
        <Card title="已生成" data-testid="report-result">
          <div style={{ marginBottom: 12 }}>
            保存位置：<code>{r.zipPath ?? r.path}</code>
          </div>
          <Space style={{ marginBottom: 12 }}>
            {r.downloadUrl && (
              <FileLink url={r.downloadUrl} type="primary" icon={<DownloadOutlined />}>
                下载报送包
              </FileLink>
            )}
            {!browser && (
              <Button icon={<FolderOpenOutlined />} onClick={() => showFolder(r.zipPath ?? r.path)}>
                打开所在文件夹
              </Button>
            )}
          </Space>
          {r.itemFiles && <ItemFilesNote files={r.itemFiles} />}
          <PlainList header={`包内文件（${r.files.length}）`} items={r.files} render={(f) => f} />
        </Card>
      )}
      <ProgressModal open={task.running} title="正在生成报送包" progress={task.progress} onCancel={task.cancel} />
    </Space>
  );
}

/** What `withFiles` copied: how many files, how many PDFs stamped, and each PDF left unstamped with why. */
function ItemFilesNote({ files }: { files: NonNullable<ReportResult['itemFiles']> }): React.JSX.Element {
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={files.unstamped.length > 0 ? 'warning' : 'success'}
      showIcon
      title={`已复制电子文件 ${files.copied} 个，其中 ${files.stamped} 个 PDF 副本加盖了归档章。`}
      description={files.unstamped.length > 0 ? <PlainList header="未加盖归档章的 PDF" items={files.unstamped} render={(u) => `${u.path}：${u.note}`} /> : undefined}
    />
  );
}
