// 冻结: the holds in force (or every hold ever set), each releasable by a 档案员 with a note. A hold is
// set from the record's detail (档案管理).
import { Button, Checkbox, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { HoldInfo } from '../../../../shared/lifecycle';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordStatusTag } from '../../components/StatusTags';
import { formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { href } from '../../hooks/useHashRoute';
import { useReleaseHold } from '../records/HoldControl';

export function HoldsPanel(): React.JSX.Element {
  const [all, setAll] = useState(false);
  const holds = useApi('holds.list', { all });
  const can = useCan();
  const release = useReleaseHold(holds.reload);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
          包括已解除的冻结
        </Checkbox>
        <Typography.Text type="secondary">冻结的档案（涉及未结案件、未清债务等）不能销毁或移交。冻结在“档案管理”的档案详情中办理。</Typography.Text>
      </Space>
      <ErrorAlert error={holds.error} />
      <Table<HoldInfo>
        data-testid="holds-table"
        size="small"
        rowKey="id"
        loading={holds.loading}
        dataSource={holds.data ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        columns={[
          { title: '档号', dataIndex: 'archivalCode', width: 230, render: (v: string | null, h) => <a href={href('/records', { id: h.recordId })}>{v ?? `#${h.recordId}`}</a> },
          { title: '题名', dataIndex: 'title', ellipsis: true },
          { title: '社区', dataIndex: 'community', width: 110 },
          { title: '状态', dataIndex: 'status', width: 86, render: (s: HoldInfo['status']) => <RecordStatusTag status={s} /> },
          { title: '冻结原因', dataIndex: 'reason', width: 200, ellipsis: true },
          { title: '冻结', key: 'held', width: 200, render: (_, h) => `${formatDate(h.heldAt)} ${h.heldBy}` },
          {
            title: '解除',
            key: 'release',
            width: 200,
            render: (_, h) =>
              h.releasedAt ? `${formatDate(h.releasedAt)} ${h.releasedBy ?? ''}` : can('holds.release') ? <Button size="small" onClick={() => release.ask(h)}>解除冻结</Button> : '—',
          },
        ]}
        locale={{ emptyText: <EmptyState title={all ? '还没有冻结过档案' : '没有冻结中的档案'} /> }}
      />
      {release.modal}
    </Space>
  );
}

