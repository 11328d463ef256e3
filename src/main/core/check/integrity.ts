// 完整性: no gaps in 件号 within a cell; required metadata present; every listed file present; finished
// years filed by the deadline; the database file sound; the audit log's hash chain unbroken.
import type { CheckProblem } from '../../../shared/check';
import type { ChainBreak } from '../audit-log/verify';
import type { ArchiveContext } from '../context';
import type { CheckRecord, Inventory } from './inventory';
import { problem, recordName } from './problems';
import type { FileScan } from './scan-files';

const pad = (n: number) => String(n).padStart(4, '0');

export function gapProblems(inv: Inventory, lastNumbers: Map<string, number>): CheckProblem[] {
  const cells = new Map<string, CheckRecord[]>();
  for (const r of inv.records) {
    if (r.item_no === null || r.fonds_code === null) continue;
    const key = [r.fonds_code, r.category_code, r.filing_year, r.retention_code, r.problem_code].join('|');
    const list = cells.get(key);
    if (list) list.push(r);
    else cells.set(key, [r]);
  }
  const out: CheckProblem[] = [];
  for (const [key, list] of cells) {
    list.sort((a, b) => a.item_no! - b.item_no!);
    const [fonds, category, year, retention, problemCode] = key.split('|');
    const cell = `${fonds}-${category}·${year}-${retention}-${problemCode}`;
    let expected = 1;
    for (const r of list) {
      if (r.item_no! > expected) {
        const gap = r.item_no! - 1 === expected ? pad(expected) : `${pad(expected)}—${pad(r.item_no! - 1)}`;
        out.push(problem('item-gap', 'integrity', r, `${cell} 中缺件号 ${gap}（在 ${recordName(r)} 之前）；件号应从0001起连续，缺号请在备考表中说明。`));
      }
      expected = r.item_no! + 1;
    }
    const last = lastNumbers.get(key) ?? 0;
    if (last >= expected) {
      const r = list.at(-1)!;
      out.push(problem('item-gap', 'integrity', r, `${cell} 已编到件号 ${pad(last)}，但件号 ${pad(expected)}${last > expected ? `—${pad(last)}` : ''} 的档案不在库中（在 ${recordName(r)} 之后）。`));
    }
  }
  return out;
}

export function requiredMetadataProblems(inv: Inventory): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of inv.records) {
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

export function missingFileProblems(inv: Inventory, scans: Map<string, FileScan>): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const a of inv.attachments) {
    if (scans.get(a.sha256)?.state !== 'missing') continue;
    const rec = inv.byId.get(a.record_id) ?? { id: a.record_id, archival_code: null };
    out.push(problem('missing-file', 'integrity', rec, `${recordName(rec)} 登记的附件“${a.original_name}”在档案文件夹中找不到（files/${a.sha256.slice(0, 2)}/${a.sha256}）；请从备份恢复。`));
  }
  return out;
}

/** Filing deadlines as MM-DD of the next year, by 门类 (RETENTION.md: 文书 30 June, 会计 31 March). */
export type FilingDeadlines = Record<'文书' | '会计', string>;

export function unfiledProblems(inv: Inventory, today: string, deadlines: FilingDeadlines): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of inv.records) {
    if (r.item_no !== null || r.voided_at !== null || r.status !== '未归档') continue;
    const deadline = `${r.year + 1}-${r.category_code === 'KU' ? deadlines.会计 : deadlines.文书}`;
    if (today > deadline) out.push(problem('unfiled', 'integrity', r, `${recordName(r)}（${inv.communities.get(r.community_id)?.name ?? ''} ${r.year}年 ${r.kind}“${r.title}”）应在 ${deadline} 前归档，至今未归档；请运行“归档”。`));
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
export function auditChainProblems(ctx: ArchiveContext, inv: Inventory, breaks: ChainBreak[]): CheckProblem[] {
  const entity = ctx.sqlite.prepare(`SELECT entity, entity_id FROM audit_log WHERE id = ?`);
  return breaks.map((b) => {
    const row = entity.get(b.id) as { entity: string; entity_id: number | null } | undefined;
    const rec = row?.entity === 'record' && row.entity_id !== null ? (inv.byId.get(row.entity_id) ?? null) : null;
    return problem('audit-chain', 'integrity', rec, `操作日志第 ${b.id} 条${b.reason}${rec ? `，涉及 ${recordName(rec)}` : ''}；日志可能被篡改，请核查。`);
  });
}
