// A record's history from the audit log: who did what when, and which fields changed.
import { Timeline, Typography } from 'antd';
import type { AuditEntry } from '../../../../shared/domain';
import { formatDate } from '../../format';

const ACTIONS: Record<string, string> = { create: '登记', update: '修改', void: '作废', attach: '添加附件', file: '归档', import: '导入' };

const FIELDS: Record<string, string> = {
  title: '题名', kind: '事项', affair: '类别', date: '成文日期', responsible: '责任者', doc_number: '文号', docNumber: '文号',
  disclosure_date: '公开日期', disclosureDate: '公开日期', disclosure_channel: '公开形式', disclosureChannel: '公开形式',
  pages: '页数', retention: '保管期限', income_fen: '收入（分）', expense_fen: '支出（分）', income: '收入', expense: '支出',
  fund_category: '资金类别', fundCategory: '资金类别', notes: '备注', status: '状态', archival_code: '档号', archivalCode: '档号',
  box_no: '盒号', boxNo: '盒号', original_name: '文件名', originalName: '文件名',
};

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
  if (entry.action === 'file') return `档号 ${show(after.archivalCode)}`;
  if (entry.action === 'void') return `原因：${show(after.void_reason)}`;
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
            <Typography.Text strong>{ACTIONS[h.action] ?? h.action}</Typography.Text>{' '}
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
