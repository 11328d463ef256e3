// The record detail: metadata, attachments with preview and upload, history from the audit log; edit and 作废.
import { Button, Descriptions, Drawer, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AffairTag, RecordStatusTag } from '../../components/StatusTags';
import { formatDate, formatMoney } from '../../format';
import { useApi } from '../../hooks/useApi';
import { AttachmentsPanel } from './AttachmentsPanel';
import { RecordForm } from './RecordForm';
import { RecordHistory } from './RecordHistory';
import { useCan } from '../../hooks/useAuth';

export function RecordDrawer({
  id,
  changes = 0,
  onClose,
  onChanged,
}: {
  id: number | null;
  /** counts others' changes: each one reloads the record shown */
  changes?: number;
  onClose: () => void;
  onChanged: () => void;
}): React.JSX.Element {
  const detail = useApi('records.get', id ? { id } : null);
  const reloadDetail = detail.reload;
  useEffect(() => {
    if (changes > 0) reloadDetail();
  }, [changes, reloadDetail]);
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const changed = (): void => {
    detail.reload();
    onChanged();
  };
  const d = id && detail.data?.record.id === id ? detail.data : undefined;
  const can = useCan();
  const r = d?.record;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={r ? `#${r.id} ${r.title}` : '档案详情'}
      extra={
        r && (
          <Space>
            {can('records.void') && (
              <Button danger onClick={() => setVoiding(true)}>
                作废
              </Button>
            )}
            {can('records.update') && (
              <Button type="primary" onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={detail.error} />
      {!d && !detail.error && <Spin />}
      {r && d && (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            data-testid="record-detail"
            items={[
              { key: 'code', label: '档号', children: r.archivalCode ?? '未归档', span: 2 },
              { key: 'community', label: '社区', children: r.community },
              { key: 'affair', label: '类别', children: <AffairTag affair={r.affair} /> },
              { key: 'kind', label: '事项', children: r.kind },
              { key: 'status', label: '状态', children: <RecordStatusTag status={r.status} /> },
              { key: 'date', label: '成文日期', children: formatDate(r.date) },
              { key: 'retention', label: '保管期限', children: r.retention },
              { key: 'responsible', label: '责任者', children: r.responsible || '—' },
              { key: 'doc', label: '文号', children: r.docNumber || '—' },
              { key: 'disclosure', label: '公开日期', children: formatDate(r.disclosureDate) },
              { key: 'channel', label: '公开形式', children: r.disclosureChannel ?? '—' },
              { key: 'pages', label: '页数', children: r.pages ?? '—' },
              { key: 'box', label: '盒号', children: r.boxNo ?? '—' },
              ...(r.affair === '财务'
                ? [
                    { key: 'income', label: '收入金额', children: formatMoney(r.income) },
                    { key: 'expense', label: '支出金额', children: formatMoney(r.expense) },
                    { key: 'fund', label: '资金类别', children: r.fundCategory ?? '—', span: 2 },
                  ]
                : []),
              { key: 'notes', label: '备注', children: r.notes || '—', span: 2 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            附件（{d.attachments.length}）
          </Typography.Title>
          <AttachmentsPanel recordId={r.id} attachments={d.attachments} onAdded={changed} canAdd={can('attachments.add')} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            修改历史
          </Typography.Title>
          <RecordHistory history={d.history} />
          <RecordForm
            open={editing}
            record={r}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              changed();
            }}
          />
          <VoidModal
            open={voiding}
            id={r.id}
            onClose={() => setVoiding(false)}
            onVoided={() => {
              setVoiding(false);
              onChanged();
              onClose();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

function VoidModal({ open, id, onClose, onVoided }: { open: boolean; id: number; onClose: () => void; onVoided: () => void }): React.JSX.Element {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.call('records.void', { id, reason });
      setReason('');
      setError(null);
      onVoided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="作废这件档案" okText="作废" okButtonProps={{ danger: true, loading: busy }} onOk={submit} onCancel={onClose}>
      <Typography.Paragraph type="secondary">档案不会被删除：作废记录和原因写入修改历史，之后不再出现在列表、考评和报表中。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Input.TextArea aria-label="作废原因" placeholder="作废原因（必填），如：重复登记" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
    </Modal>
  );
}
