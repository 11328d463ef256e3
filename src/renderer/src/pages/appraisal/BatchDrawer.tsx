// One appraisal batch: its items and their decisions; while open, a 档案员 decides on the chosen items
// and closes it (the 鉴定意见书 and the draft 销毁清册 are written and kept); once closed with items
// to destroy, a 管理员 who did not close it approves the destruction. Each step says what it cannot undo.
import { Descriptions, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DECISION_LABELS, type AppraisalItem } from '../../../../shared/lifecycle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OfficeDocuments } from '../../components/OfficeDocuments';
import { RecordStatusTag } from '../../components/StatusTags';
import { formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { BATCH_STATE_COLORS } from './BatchesPanel';
import { CloseForm } from './CloseForm';
import { dueColumns } from './columns';
import { DecisionBar } from './DecisionBar';
import { DestructionForm } from './DestructionForm';

export function BatchDrawer({ batch, onClose }: { batch: number | null; onClose: () => void }): React.JSX.Element {
  const detail = useApi('appraisal.get', batch ? { batch } : null);
  const can = useCan();
  const [selected, setSelected] = useState<number[]>([]);
  const d = batch && detail.data?.batch.id === batch ? detail.data : undefined;
  const b = d?.batch;
  const open = b?.state === '鉴定中';
  const changed = (): void => {
    setSelected([]);
    detail.reload();
  };

  return (
    <Drawer open={batch !== null} onClose={onClose} size={1200} title={batch ? `第 ${batch} 批鉴定` : '鉴定批次'} destroyOnHidden>
      <ErrorAlert error={detail.error} />
      {!d && !detail.error && <Spin />}
      {b && d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={3}
            data-testid="batch-detail"
            items={[
              { key: 'state', label: '状态', children: <Tag color={BATCH_STATE_COLORS[b.state]}>{b.state}</Tag> },
              { key: 'asOf', label: '截至日期', children: b.asOf },
              { key: 'scope', label: '范围', children: b.community ?? '全部社区' },
              { key: 'tally', label: '件数', children: `${b.items} 件，已鉴定 ${b.decided} 件（继续保存 ${b.keep}，拟销毁 ${b.destroy}）`, span: 2 },
              { key: 'opened', label: '建立', children: `${formatDate(b.openedAt)} ${b.openedBy}` },
              ...(b.closedAt
                ? [
                    { key: 'closed', label: '结束鉴定', children: `${b.closedOn} ${b.closedBy ?? ''}` },
                    { key: 'group', label: '鉴定小组', children: b.group.join('、'), span: 2 },
                    { key: 'opinion', label: '鉴定意见', children: b.opinion, span: 3 },
                  ]
                : []),
              ...(b.destruction
                ? [
                    { key: 'approver', label: '批准人', children: b.destruction.approver },
                    { key: 'supervisors', label: '监销人', children: b.destruction.supervisors.join('、') },
                    { key: 'date', label: '销毁日期', children: `${b.destruction.date}（${b.destruction.items} 件，${b.destruction.filesRemoved === null ? '文件待移除' : `移除文件 ${b.destruction.filesRemoved} 个`}）` },
                  ]
                : []),
            ]}
          />
          {open && can('appraisal.decide') && <DecisionBar batch={b.id} selected={selected} onDecided={changed} />}
          <Table<AppraisalItem>
            data-testid="batch-items"
            size="small"
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 1400 }}
            rowSelection={open && can('appraisal.decide') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), selections: [Table.SELECTION_ALL, Table.SELECTION_NONE] } : undefined}
            pagination={{ pageSize: 100, hideOnSinglePage: true }}
            columns={[
              ...dueColumns<AppraisalItem>(),
              { title: '状态', dataIndex: 'status', width: 86, render: (s: AppraisalItem['status']) => <RecordStatusTag status={s} /> },
              {
                title: '鉴定意见',
                key: 'decision',
                width: 150,
                render: (_, i) => (i.decision ? `${DECISION_LABELS[i.decision]}${i.newRetention ? `（${i.newRetention}）` : ''}` : <Typography.Text type="secondary">未鉴定</Typography.Text>),
              },
              { title: '理由', dataIndex: 'reason', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: '冻结', dataIndex: 'held', width: 120, ellipsis: true, render: (v: string | null) => (v ? <Tag color="purple">{v}</Tag> : '—') },
            ]}
          />
          {open && can('appraisal.close') && <CloseForm batch={b} onClosed={changed} />}
          {b.state === '待批准销毁' && can('destruction.approve') && <DestructionForm batch={b} onDestroyed={changed} />}
          <OfficeDocuments documents={d.documents} header="鉴定意见书与销毁清册（本单位档案，永久保存）" />
        </Space>
      )}
    </Drawer>
  );
}
