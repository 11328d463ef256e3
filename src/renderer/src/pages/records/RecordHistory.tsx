// A record's history from the audit log: who did what when, and which fields changed.
import { Timeline, Typography } from 'antd';
import type { AuditEntry } from '../../../../shared/domain';
import { AUDIT_ACTION_LABELS, COLUMN_LABELS, RECORD_LABELS } from '../../../../shared/labels';
import { formatDate } from '../../format';

/** Audit entries keep rows as stored (doc_number) or as the contract names them (docNumber). */
const FIELDS: Record<string, string> = { ...RECORD_LABELS, ...COLUMN_LABELS, originalName: COLUMN_LABELS.original_name! };

function describe(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (entry.action === 'update') {
    const changes = Object.keys(after)
      .filter((k) => k in FIELDS && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${FIELDS[k]}：${show(before[k])} → ${show(after[k])}`);
    return changes.join('；');
  }
  if (entry.action === 'attach') return String(after.originalName ?? after.original_name ?? '');
  if (entry.action === 'detach') return `${show(before.originalName)}${(after.reason ?? before.reason) ? `（${String(after.reason ?? before.reason)}）` : ''}`;
  if (entry.action === 'file') return `档号 ${show(after.archivalCode ?? after.archival_code)}`;
  if (entry.action === 'void') return `原因：${show(after.void_reason)}`;
  if (entry.action === 'restore') return `撤销作废（原作废原因：${show(before.void_reason)}）`;
  return '';
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '空' : String(v));

export function RecordHistory({ history }: { history: AuditEntry[] }): React.JSX.Element {
  if (history.length === 0) return <Typography.Text type="secondary">没有修改记录。</Typography.Text>;
  return (
    <Timeline
      data-testid="record-history"
      items={history.map((h) => ({
        key: h.id,
        content: (
          <>
            <Typography.Text strong>{AUDIT_ACTION_LABELS[h.action] ?? '其他操作'}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDate(h.at)} · {h.actorDisplay ?? h.actor}
            </Typography.Text>
            <div>{describe(h)}</div>
          </>
        ),
      }))}
    />
  );
}
