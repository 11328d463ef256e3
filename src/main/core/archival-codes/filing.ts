// 归档: gives 件号 and 档号 to a year's unfiled records, per cell (全宗 × 门类 × 年度 × 保管期限 × 问题),
// in date order after the cell's last number. A number once given is never given again.
import { z } from 'zod';
import type { ArchivalCodeParts, LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import { yearSchema } from '../../../shared/schemas';
import type { Affair, Retention } from '../../../shared/vocabulary';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { requireCommunityByName } from '../communities/repository';
import { nowIso, type ArchiveContext } from '../context';
import { problemCode, retentionCode } from '../retention/schedule';
import { getSetting } from '../settings/store';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE, renderArchivalCode, templateProblems } from './template';
import { engineOf } from '../db/engine';
import type { Reader } from '../db/handles';

export const filingScopeSchema = z.object({
  year: yearSchema,
  community: z.string().trim().min(1).optional(),
});
export type FilingScope = z.input<typeof filingScopeSchema>;

export interface FilingAssignment {
  id: number;
  archivalCode: string;
  parts: ArchivalCodeParts;
}

export interface FiledCell {
  /** the cell's 档号 without the 件号, e.g. S101-WS·2025-Y-JW */
  cell: string;
  from: number;
  to: number;
}

export interface FilingResult {
  filed: number;
  cells: FiledCell[];
}

const cellKey = (p: Omit<ArchivalCodeParts, 'itemNo'>): string =>
  `${p.fondsCode}-${p.categoryCode}·${p.year}-${p.retentionCode}-${p.problemCode}`;

/** The 档号 template in force, refused when it cannot give unique codes. */
export async function codeTemplate(db: Reader): Promise<string> {
  const template = await getSetting(db, CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE);
  const problems = templateProblems(template);
  if (problems.length > 0) {
    throw new SanwuError('INVALID_INPUT', `档号模板“${template}”不可用，请在设置中修改后再归档。`, problems.map((message) => ({ message })));
  }
  return template;
}

/** What filing would give, computed over `db` (the transaction when filing for real). */
type CellParts = Omit<ArchivalCodeParts, 'itemNo'>;
interface PlannedCell extends FiledCell {
  parts: CellParts;
}

/** `lock`: filing for real, inside its transaction: the year's cell counters are row-locked until it commits. */
async function planFiling(db: Reader, scope: FilingScope, lock = false): Promise<{ assignments: FilingAssignment[]; cells: PlannedCell[] }> {
  const s = filingScopeSchema.parse(scope);
  const communityId = s.community ? (await requireCommunityByName(db, s.community)).id : undefined;
  const template = await codeTemplate(db);
  let query = db
    .selectFrom('records')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .select(['records.id', 'records.affair', 'records.retention', 'records.category_code', 'communities.code as fonds_code'])
    .where('records.year', '=', s.year)
    .where('records.item_no', 'is', null)
    .where('records.voided_at', 'is', null)
    .where('records.status', '=', '未归档');
  if (communityId !== undefined) query = query.where('records.community_id', '=', communityId);
  const rows = await query.orderBy('records.date').orderBy('records.id').execute();

  const lastNo = new Map<string, number>();
  const cells = db.selectFrom('filing_cells').selectAll().where('year', '=', s.year);
  const cellRows = await (lock ? engineOf(db).forUpdate(cells) : cells).execute();
  for (const c of cellRows) {
    lastNo.set(cellKey({ fondsCode: c.fonds_code, categoryCode: c.category_code, year: c.year, retentionCode: c.retention_code, problemCode: c.problem_code }), c.last_item_no);
  }

  const assignments: FilingAssignment[] = [];
  const planned = new Map<string, PlannedCell>();
  for (const r of rows) {
    const cellParts: CellParts = {
      fondsCode: r.fonds_code,
      categoryCode: r.category_code,
      year: s.year,
      retentionCode: retentionCode(r.retention as Retention),
      problemCode: problemCode(r.affair as Affair),
    };
    const key = cellKey(cellParts);
    const itemNo = (lastNo.get(key) ?? 0) + 1;
    lastNo.set(key, itemNo);
    const parts = { ...cellParts, itemNo };
    assignments.push({ id: r.id, archivalCode: renderArchivalCode(parts, template), parts });
    const cell = planned.get(key);
    if (cell) cell.to = itemNo;
    else planned.set(key, { cell: key, from: itemNo, to: itemNo, parts: cellParts });
  }
  return { assignments, cells: [...planned.values()].sort((a, b) => a.cell.localeCompare(b.cell)) };
}

/** The 档号 that `fileYear` would give, without writing anything. */
export async function previewFiling(ctx: ArchiveContext, scope: FilingScope): Promise<{ id: number; archivalCode: string }[]> {
  const { assignments } = await planFiling(ctx.db, scope);
  return assignments.map(({ id, archivalCode }) => ({ id, archivalCode }));
}

const YIELD_EVERY = 1000;

export async function fileYear(ctx: ArchiveContext, scope: FilingScope, opts: LongTaskOptions = {}): Promise<FilingResult> {
  return ctx.write.transaction(async (trx) => {
    const { assignments, cells } = await planFiling(trx, scope, true);
    const at = nowIso(ctx);
    const total = assignments.length;
    const engine = engineOf(trx);
    const audit: AuditInput[] = [];
    for (const [i, a] of assignments.entries()) {
      if (i % YIELD_EVERY === 0) {
        opts.onProgress?.({ phase: '归档', done: i, total });
        await new Promise((r) => setImmediate(r));
        if (opts.signal?.aborted) throw cancelled();
      }
      const p = a.parts;
      let updated: bigint;
      try {
        const result = await trx
          .updateTable('records')
          .set({ fonds_code: p.fondsCode, filing_year: p.year, retention_code: p.retentionCode, problem_code: p.problemCode, item_no: p.itemNo, archival_code: a.archivalCode, filed_at: at, status: '在保', updated_at: at })
          .where('id', '=', a.id)
          .where('item_no', 'is', null)
          .executeTakeFirst();
        updated = result.numUpdatedRows;
      } catch (e) {
        if (engine.isUniqueViolation(e)) {
          throw new SanwuError(
            'CONFLICT',
            `记录 ${a.id} 的档号 ${a.archivalCode} 与已有档案重复，未归档任何记录。请检查档号模板是否包含 {门类} 和 {问题}，并运行 sanwu check 检查档号。`,
          );
        }
        throw e;
      }
      // Never a skipped number: a record someone else filed meanwhile stops the whole filing.
      if (updated !== 1n) throw new SanwuError('CONFLICT', `记录 ${a.id} 已被他人归档或改动，本次未归档任何记录。请重新归档。`);
      audit.push({ action: 'file', entity: 'record', entityId: a.id, before: { status: '未归档' }, after: { archivalCode: a.archivalCode, ...p, status: '在保', filedAt: at } });
    }
    if (opts.signal?.aborted) throw cancelled();
    for (const { parts: p, to } of cells) {
      await trx
        .insertInto('filing_cells')
        .values({ fonds_code: p.fondsCode, category_code: p.categoryCode, year: p.year, retention_code: p.retentionCode, problem_code: p.problemCode, last_item_no: to })
        .onConflict((oc) => oc.columns(['fonds_code', 'category_code', 'year', 'retention_code', 'problem_code']).doUpdateSet({ last_item_no: to }))
        .execute();
    }
    await appendAudit(ctx, trx, audit);
    opts.onProgress?.({ phase: '归档', done: total, total });
    return { filed: total, cells: cells.map(({ cell, from, to }) => ({ cell, from, to })) };
  }, opts);
}
