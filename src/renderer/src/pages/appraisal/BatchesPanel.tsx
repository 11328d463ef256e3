// The appraisal batches, newest first, each with its state; a row opens the batch.
import { Table, Tag } from 'antd';
import type { AppraisalBatch, BatchState } from '../../../../shared/lifecycle';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';

export const BATCH_STATE_COLORS: Record<BatchState, string> = { 鉴定中: 'gold', 待批准销毁: 'volcano', 已销毁: 'default', 已结束: 'green' };

export function BatchesPanel({ onOpen }: { onOpen: (batch: number) => void }): React.JSX.Element {
  const batches = useApi('appraisal.list', {});
  return (
    <>
      <ErrorAlert error={batches.error} />
      <Table<AppraisalBatch>
        data-testid="batches-table"
        size="small"
        rowKey="id"
        loading={batches.loading}
        dataSource={[...(batches.data ?? [])].reverse()}
        onRow={(b) => ({ onClick: () => onOpen(b.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '批次', dataIndex: 'id', width: 80, render: (v: number) => `第 ${v} 批` },
          { title: '截至日期', dataIndex: 'asOf', width: 110 },
          { title: '范围', dataIndex: 'community', width: 120, render: (v: string | null) => v ?? '全部社区' },
          { title: '件数', dataIndex: 'items', width: 70 },
          { title: '已鉴定', dataIndex: 'decided', width: 80 },
          { title: '继续保存', dataIndex: 'keep', width: 80 },
          { title: '拟销毁', dataIndex: 'destroy', width: 80 },
          { title: '建立', key: 'opened', render: (_, b) => `${formatDate(b.openedAt)} ${b.openedBy}` },
          { title: '状态', dataIndex: 'state', width: 110, render: (s: BatchState) => <Tag color={BATCH_STATE_COLORS[s]}>{s}</Tag> },
        ]}
        locale={{ emptyText: <EmptyState title="还没有鉴定批次" hint="在“到期鉴定”中选定截至日期，把到期的档案建立为一批鉴定。" /> }}
      />
    </>
  );
}
