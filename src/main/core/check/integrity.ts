// 完整性: required metadata present; every listed file present; finished years filed by the deadline;
// the database file sound; the audit log's hash chain unbroken. (件号 gaps are in item-gaps.ts.)
import type { CheckProblem } from '../../../shared/check';
import type { ChainBreak } from '../audit-log/verify';
import type { Statements } from '../db';
import type { AttachmentRefs, CheckAttachment } from './attachment-checks';
import { problem, recordName, recordRefs } from './problems';
import { trimmedSql, type CheckRecord, type Communities, type Prefilter } from './record-suspects';
import type { FileScan } from './scan-files';

export const metadataPrefilter: Prefilter = {
  sql: `voided_at IS NULL AND (
          (item_no IS NOT NULL AND (pages IS NULL OR ${trimmedSql('responsible')} = ''))
          OR (income_fen > 0 AND (fund_category IS NULL OR fund_category = '')))`,
};

export function requiredMetadataProblems(records: CheckRecord[]): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of records) {
    if (r.voided_at !== null) continue;
    const missing: string[] = [];
    // The 归档章 and the catalogue need these once an item is filed.
    if (r.item_no !== null && r.responsible.trim() === '') missing.push('责任者');
    if (r.item_no !== null && r.pages === null) missing.push('页数');
    // Income counts toward a standard's fund only through its 资金类别 (a voucher bundle's expense need not have one).
    if (r.income_fen !== null && r.income_fen > 0 && !r.fund_category) missing.push('资金类别');
    if (missing.length > 0) out.push(problem('metadata', 'integrity', r, `${recordName(r)} 缺少${missing.join('、')}，请补录。`));
  }
  return out;
}

export function missingFileProblems(a: CheckAttachment, scan: FileScan | undefined, refs: AttachmentRefs, out: CheckProblem[]): void {
  if (scan?.state !== 'missing') return;
  out.push(problem('missing-file', 'integrity', refs(a), `${recordName(refs(a))} 登记的附件“${a.original_name}”在档案文件夹中找不到（files/${a.sha256.slice(0, 2)}/${a.sha256}）；请从备份恢复。`));
}

/** Filing deadlines as MM-DD of the next year, by 门类 (RETENTION.md: 文书 30 June, 会计 31 March). */
export type FilingDeadlines = Record<'文书' | '会计', string>;

export function unfiledPrefilter(today: string, deadlines: FilingDeadlines): Prefilter {
  return {
    sql: `item_no IS NULL AND voided_at IS NULL AND status = '未归档'
          AND @unfiledToday > ((year + 1) || '-' || CASE category_code WHEN 'KU' THEN @accountsDeadline ELSE @documentsDeadline END)`,
    params: { unfiledToday: today, accountsDeadline: deadlines.会计, documentsDeadline: deadlines.文书 },
  };
}

export function unfiledProblems(records: CheckRecord[], communities: Communities, today: string, deadlines: FilingDeadlines): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of records) {
    if (r.item_no !== null || r.voided_at !== null || r.status !== '未归档') continue;
    const deadline = `${r.year + 1}-${r.category_code === 'KU' ? deadlines.会计 : deadlines.文书}`;
    if (today > deadline) out.push(problem('unfiled', 'integrity', r, `${recordName(r)}（${communities.get(r.community_id)?.name ?? ''} ${r.year}年 ${r.kind}“${r.title}”）应在 ${deadline} 前归档，至今未归档；请运行“归档”。`));
  }
  return out;
}

/** `lines`: what PRAGMA integrity_check reported. */
export function databaseProblems(lines: string[]): CheckProblem[] {
  return lines
    .filter((line) => line !== 'ok')
    .map((line) => problem('database', 'integrity', null, `数据库文件自检发现问题：${line}。请立即备份档案文件夹并从最近的备份恢复。`));
}

/** `breaks`: where the audit log's hash chain is broken. */
export function auditChainProblems(q: Statements, breaks: ChainBreak[]): CheckProblem[] {
  const refs = recordRefs(q);
  return breaks.map((b) => {
    const row = q.get<{ entity: string; entity_id: number | null }>(`SELECT entity, entity_id FROM audit_log WHERE id = ?`, [b.id]);
    const rec = row?.entity === 'record' && row.entity_id !== null ? (refs(row.entity_id) ?? null) : null;
    return problem('audit-chain', 'integrity', rec, `操作日志第 ${b.id} 条${b.reason}${rec ? `，涉及 ${recordName(rec)}` : ''}；日志可能被篡改，请核查。`);
  });
}
