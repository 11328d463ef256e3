// 移交: a year's filed items (of some communities, or all) written as the electronic transfer carrier
// for the district archives — the items become 移交中 — then, once the receiver has signed, a 管理员
// confirms the carrier and its items become 已移交. Both steps are confirmed first: neither is undone.
import { DownloadOutlined, FolderOpenOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TransferInfo } from '../../../../shared/lifecycle';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { OfficeDocuments } from '../../components/OfficeDocuments';
import { useWorkingYear, YearAndCommunitiesItems } from '../../components/Pickers';
import { ProgressModal } from '../../components/ProgressModal';
import { formatBytes, formatDate } from '../../format';
import { toPayload } from '../../errors';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { useCan } from '../../hooks/useAuth';
import { useConfirmed } from '../../hooks/useConfirmed';
import { useLongTask } from '../../hooks/useLongTask';

export function TransferPage(): React.JSX.Element {
  const { info } = useArchive();
  const working = useWorkingYear();
  const [chosen, setYear] = useState<number | undefined>();
  const year = chosen ?? working;
  const [communities, setCommunities] = useState<string[]>([]);
  const [receiver, setReceiver] = useState('');
  const task = useLongTask('transfer.build');
  const transfers = useApi('transfer.list', {});
  const action = useConfirmed();
  const browser = info?.mode === 'browser';
  const r = task.result;
  const { message } = App.useApp();

  const build = (): void => {
    if (!year) return;
    action.confirm(
      {
        title: `生成${year}年度的移交载体？`,
        content: `${communities.length ? communities.join('、') : '全部社区'}${year}年度已归档、在保的档案将写入电子档案移交载体，状态改为“移交中”，之后不能再鉴定或修改；接收单位签收后由管理员确认移交。冻结、未归档或正在鉴定的档案会使移交被拒绝。`,
        okText: '生成移交载体',
      },
      async () => {
        // the confirmation closes; the progress shows with its 取消
        void task.run({ year, communities: communities.length ? communities : undefined, receiver: receiver.trim() || undefined }).then(transfers.reload);
      },
    );
  };
  const showFolder = (path: string): void => {
    api.call('shell.showInFolder', { path }).catch((e: unknown) => message.error(toPayload(e).message));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="生成电子档案移交载体">
        <Form layout="vertical" onFinish={build}>
          <YearAndCommunitiesItems year={year} onYear={setYear} communities={communities} onCommunities={setCommunities}>
            <Form.Item label="接收单位">
              <Input aria-label="接收单位" placeholder="区档案馆" value={receiver} onChange={(e) => setReceiver(e.target.value)} style={{ width: 200 }} />
            </Form.Item>
          </YearAndCommunitiesItems>
          <div>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} disabled={!year || task.running}>
              生成移交载体
            </Button>
          </div>
        </Form>
      </Card>
      <ErrorAlert error={task.error ?? action.error} onClose={action.error ? action.clear : undefined} />
      {task.cancelled && <Alert type="info" showIcon title="已取消，未生成移交载体，档案状态未变。" />}
      {r && (
        <Card title={`已生成载体 ${r.carrier}`} data-testid="transfer-result">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'path', label: '保存位置', children: <code>{r.path}</code>, span: 2 },
              { key: 'items', label: '档案', children: `${r.items} 件（状态已改为“移交中”）` },
              { key: 'files', label: '电子文件', children: `${r.files} 个，${formatBytes(r.bytes)}` },
            ]}
          />
          <Space style={{ margin: '12px 0' }}>
            {r.downloadUrl && (
              <FileLink url={r.downloadUrl} type="primary" icon={<DownloadOutlined />}>
                下载移交载体（zip）
              </FileLink>
            )}
            {!browser && (
              <Button icon={<FolderOpenOutlined />} onClick={() => showFolder(r.path)}>
                打开所在文件夹
              </Button>
            )}
          </Space>
          <OfficeDocuments documents={r.documents} header="移交登记表（本单位档案，永久保存）" />
        </Card>
      )}
      <Card title="移交记录">
        <ErrorAlert error={transfers.error} />
        <TransferTable transfers={transfers.data ?? []} loading={transfers.loading} onConfirmed={transfers.reload} />
      </Card>
      <ProgressModal open={task.running} title="正在生成移交载体" progress={task.progress} onCancel={task.cancel} />
    </Space>
  );
}

function TransferTable({ transfers, loading, onConfirmed }: { transfers: TransferInfo[]; loading: boolean; onConfirmed: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const can = useCan();
  const action = useConfirmed();
  const confirm = (t: TransferInfo): void =>
    action.confirm(
      {
        title: `确认载体 ${t.carrier} 已移交？`,
        content: `请在接收单位签收《电子档案移交与接收登记表》后确认。确认后载体中的 ${t.items} 件档案状态改为“已移交”，不能撤销。`,
        okText: '确认移交',
        danger: true,
      },
      async () => {
        await api.call('transfer.confirm', { carrier: t.carrier });
        message.success(`载体 ${t.carrier} 已确认移交`);
        onConfirmed();
      },
    );
  return (
    <>
      <ErrorAlert error={action.error} onClose={action.clear} />
      <Table<TransferInfo>
        data-testid="transfers-table"
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={[...transfers].reverse()}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '载体编号', dataIndex: 'carrier', width: 190 },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '社区', dataIndex: 'communities', render: (v: string[]) => (v.length ? v.join('、') : '全部社区') },
          { title: '档案', dataIndex: 'items', width: 70, render: (v: number) => `${v} 件` },
          { title: '文件', key: 'files', width: 130, render: (_, t) => `${t.files} 个，${formatBytes(t.bytes)}` },
          { title: '生成', key: 'created', width: 190, render: (_, t) => `${formatDate(t.createdAt)} ${t.createdBy}` },
          {
            title: '移交',
            key: 'confirmed',
            width: 200,
            render: (_, t) =>
              t.confirmedAt ? (
                <Tag color="blue">
                  已移交 {formatDate(t.confirmedAt)} {t.confirmedBy}
                </Tag>
              ) : can('transfer.confirm') ? (
                <Button size="small" onClick={() => confirm(t)}>
                  确认移交
                </Button>
              ) : (
                <Tag color="cyan">移交中，待管理员确认</Tag>
              ),
          },
        ]}
        locale={{ emptyText: <EmptyState title="还没有移交记录" hint="选择年度后点“生成移交载体”。" /> }}
      />
    </>
  );
}
