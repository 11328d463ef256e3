// 到期鉴定: the items whose term in force ran out before a day's year began (RETENTION.md counting);
// a 档案员 makes them one batch (they become 待鉴定).
import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DueItem } from '../../../../shared/lifecycle';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunitySelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { useConfirmed } from '../../hooks/useConfirmed';
import { dueColumns, today } from './columns';

export function DuePanel({ onOpened }: { onOpened: (batch: number) => void }): React.JSX.Element {
  const { message } = App.useApp();
  const can = useCan();
  const [asOf, setAsOf] = useState(today());
  const [community, setCommunity] = useState<string | undefined>();
  const due = useApi('appraisal.due', /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf, community } : null);
  const action = useConfirmed();
  const items = due.data?.items ?? [];
  const held = items.filter((i) => i.held).length;

  const open = (): void =>
    action.confirm(
      {
        title: '建立鉴定批次？',
        content: `截至 ${asOf}${community ? `，${community}` : ''}到期的 ${items.length} 件档案将列入一批鉴定，状态改为“待鉴定”：鉴定结束前不能移交。${held ? `其中 ${held} 件已冻结，可以鉴定，但冻结解除前不能销毁。` : ''}`,
        okText: '建立鉴定批次',
      },
      async () => {
        const opened = await api.call('appraisal.open', { asOf, community });
        message.success(`已建立第 ${opened.batch} 批鉴定（${opened.items.length} 件）`);
        onOpened(opened.batch);
      },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label="截至日期" extra="保管期限从文件形成年度的次年1月1日起算，期满次年起到期">
            <Input type="date" aria-label="截至日期" value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="社区">
            <CommunitySelect by="name" allowClear placeholder="全部社区" value={community} onChange={setCommunity} />
          </Form.Item>
          {can('appraisal.open') && (
            <Button type="primary" icon={<AuditOutlined />} disabled={items.length === 0 || due.loading} onClick={open}>
              建立鉴定批次（{items.length} 件）
            </Button>
          )}
        </Form>
      </Card>
      <ErrorAlert error={due.error ?? action.error} onClose={action.error ? action.clear : undefined} />
      <Table<DueItem>
        data-testid="due-table"
        size="small"
        rowKey="id"
        loading={due.loading}
        dataSource={items}
        columns={[...dueColumns<DueItem>(), { title: '到期日', dataIndex: 'dueFrom', width: 110 }, { title: '冻结', dataIndex: 'held', width: 160, render: (v: string | null) => (v ? <Tag color="purple">已冻结：{v}</Tag> : '—') }]}
        pagination={{ pageSize: 100, showTotal: (n) => `到期 ${n} 件` }}
        locale={{ emptyText: <EmptyState title={`截至 ${asOf} 没有到期需要鉴定的档案`} hint="永久保存的档案不需鉴定；已列入鉴定批次的档案在“鉴定批次与销毁”中。" /> }}
      />
    </Space>
  );
}
