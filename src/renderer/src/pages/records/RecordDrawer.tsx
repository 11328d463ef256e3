// The record detail: metadata, attachments with preview and upload, history from the audit log; edit,
// 作废 and 恢复. A voided record says so, with its reason, and offers only 恢复.
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RECORD_LABELS as L } from '../../../../shared/labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toPayload } from '../../errors';
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
  const voided = !!r?.voidedAt;
  const filed = !!r?.archivalCode;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={r ? `#${r.id} ${r.title}` : '档案详情'}
      extra={
        r &&
        (voided ? (
          can('records.restore') && <RestoreButton id={r.id} onRestored={changed} />
        ) : (
          <Space>
            {can('records.void') && (
              <Button danger disabled={filed} title={filed ? '已归档的档案只能通过鉴定处置，不能作废' : undefined} onClick={() => setVoiding(true)}>
                作废
              </Button>
            )}
            {can('records.update') && (
              <Button type="primary" onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
          </Space>
        ))
      }
    >
      <ErrorAlert error={detail.error} />
      {!d && !detail.error && <Spin />}
      {r && d && (
        <>
          {voided && (
            <Alert
              type="warning"
              showIcon
              data-testid="voided-notice"
              title={`这件档案已于 ${formatDate(r.voidedAt)} 作废`}
              description={`作废原因：${r.voidReason || '—'}。作废的档案不出现在列表、考评和报表中，也不能修改；如属误操作，可点“恢复”。`}
              style={{ marginBottom: 16 }}
            />
          )}
          <Descriptions
            size="small"
            column={2}
            bordered
            data-testid="record-detail"
            items={[
              { key: 'code', label: L.archivalCode, children: r.archivalCode ?? '未归档', span: 2 },
              { key: 'community', label: L.community, children: r.community },
              { key: 'affair', label: L.affair, children: <AffairTag affair={r.affair} /> },
              { key: 'kind', label: L.kind, children: r.kind },
              { key: 'status', label: L.status, children: <RecordStatusTag status={r.status} voided={voided} /> },
              { key: 'date', label: L.date, children: formatDate(r.date) },
              { key: 'retention', label: L.retention, children: r.retention },
              { key: 'responsible', label: L.responsible, children: r.responsible || '—' },
              { key: 'doc', label: L.docNumber, children: r.docNumber || '—' },
              { key: 'disclosure', label: L.disclosureDate, children: formatDate(r.disclosureDate) },
              { key: 'channel', label: L.disclosureChannel, children: r.disclosureChannel ?? '—' },
              { key: 'pages', label: L.pages, children: r.pages ?? '—' },
              { key: 'box', label: L.boxNo, children: r.boxNo ?? '—' },
              ...(r.affair === '财务'
                ? [
                    { key: 'income', label: L.income, children: formatMoney(r.income) },
                    { key: 'expense', label: L.expense, children: formatMoney(r.expense) },
                    { key: 'fund', label: L.fundCategory, children: r.fundCategory ?? '—', span: 2 },
                  ]
                : []),
              { key: 'notes', label: L.notes, children: r.notes || '—', span: 2 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            附件（{d.attachments.length}）
          </Typography.Title>
          <AttachmentsPanel record={r} attachments={d.attachments} onChanged={changed} canAdd={can('attachments.add')} />
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
              changed();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

function RestoreButton({ id, onRestored }: { id: number; onRestored: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const restore = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.call('records.restore', { id });
      message.success('已恢复，这件档案重新出现在列表、考评和报表中');
      onRestored();
    } catch (e) {
      message.error(toPayload(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="primary" loading={busy} onClick={restore}>
      恢复
    </Button>
  );
}

function VoidModal({ open, id, onClose, onVoided }: { open: boolean; id: number; onClose: () => void; onVoided: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.call('records.void', { id, reason });
      setReason('');
      setError(null);
      message.success('已作废；可在“状态”中选“已作废”找到它，需要时恢复');
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
