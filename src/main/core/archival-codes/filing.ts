// 归档: gives 件号 and 档号 to a year's unfiled records, per cell (全宗 × 门类 × 年度 × 保管期限 × 问题),
// in date order after the cell's last number. A number once given is never given again.
import { sql } from 'kysely';
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
import { stateColumn, stateSql, writeSql } from '../db';
import type { Reader } from '../db/handles';

export const filingScopeSchema = z.object({
  year: yearSchema,
  community: z.string().trim().min(1).optional(),
  /** only these records (a selection in the list); the rest of the year stays unfiled */
  ids: z.array(z.number().int().positive()).max(10_000).optional(),
});
export type FilingScope = z.input<typeof filingScopeSchema>;

export interface FilingAssignment {
  id: number;
  archivalCode: string;
  parts: ArchivalCodeParts;
  /** what the preview shows beside the 档号 */
  community: string;
  title: string;
  date: string;
  cell: string;
}

export interface FiledCell {
  /** the cell's 档号 without the 件号, e.g. S101-WS·2025-Y-JW */
  cell: string;
  /** the community (全宗) the cell belongs to */
  community: string;
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

async function planFiling(db: Reader, scope: FilingScope): Promise<{ assignments: FilingAssignment[]; cells: PlannedCell[] }> {
  const s = filingScopeSchema.parse(scope);
  const communityId = s.community ? (await requireCommunityByName(db, s.community)).id : undefined;
  const template = await codeTemplate(db);
  let query = db
    .selectFrom('records')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .select(['records.id', 'records.affair', 'records.retention', 'records.category_code', 'records.title', 'records.date', 'communities.code as fonds_code', 'communities.name as community'])
    .where('records.year', '=', s.year)
    .where('records.item_no', 'is', null)
    .where('records.voided_at', 'is', null)
    .where('records.status', '=', '未归档');
  if (communityId !== undefined) query = query.where('records.community_id', '=', communityId);
  if (s.ids) query = s.ids.length > 0 ? query.where('records.id', 'in', s.ids) : query.where(sql<boolean>`0 = 1`);
  const rows = await query.orderBy('records.date').orderBy('records.id').execute();

  const lastNo = new Map<string, number>();
  const cellRows = await db.selectFrom('filing_cells').selectAll().where('year', '=', s.year).execute();
  for (const c of cellRows) {
    lastNo.set(cellKey({ fondsCode: c.fonds_code, categoryCode: c.category_code, year: c.year, retentionCode: c.retention_code, problemCode: c.problem_code }), c.last_item_no);
  }

  const assignments: FilingAssignment[] = [];
  const cells = new Map<string, PlannedCell>();
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
    assignments.push({ id: r.id, archivalCode: renderArchivalCode(parts, template), parts, community: r.community, title: r.title, date: r.date, cell: key });
    const cell = cells.get(key);
    if (cell) cell.to = itemNo;
    else cells.set(key, { cell: key, community: r.community, from: itemNo, to: itemNo, parts: cellParts });
  }
  return { assignments, cells: [...cells.values()].sort((a, b) => a.cell.localeCompare(b.cell)) };
}

/** The 档号 that `fileYear` would give, without writing anything, with what identifies each item. */
export async function previewFiling(ctx: ArchiveContext, scope: FilingScope): Promise<Omit<FilingAssignment, 'parts'>[]> {
  const { assignments } = await planFiling(ctx.db, scope);
  return assignments.map(({ parts: _parts, ...shown }) => shown);
}

const YIELD_EVERY = 1000;

export async function fileYear(ctx: ArchiveContext, scope: FilingScope, opts: LongTaskOptions = {}): Promise<FilingResult> {
  return ctx.write.transaction(async (trx) => {
    const { assignments, cells } = await planFiling(trx, scope);
    const at = nowIso(ctx);
    const total = assignments.length;
    // Raw prepared statements, a slice at a time: filing a whole street office's year is thousands of rows.
    const update = `UPDATE records SET fonds_code = ?, filing_year = ?, retention_code = ?, problem_code = ?, item_no = ?,
         archival_code = ?, filed_at = ?, status = '在保', updated_at = ? WHERE id = ? AND item_no IS NULL RETURNING ${stateSql('record')}`;
    const audit: AuditInput[] = [];
    for (let from = 0; from < total; from += YIELD_EVERY) {
      opts.onProgress?.({ phase: '归档', done: from, total });
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw cancelled();
      await writeSql(trx, (q) => {
        for (const a of assignments.slice(from, from + YIELD_EVERY)) {
          const p = a.parts;
          let state: string;
          try {
            state = q.value<string>(update, [p.fondsCode, p.year, p.retentionCode, p.problemCode, p.itemNo, a.archivalCode, at, at, a.id])!;
          } catch (e) {
            if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
              throw new SanwuError(
                'CONFLICT',
                `记录 ${a.id} 的档号 ${a.archivalCode} 与已有档案重复，未归档任何记录。请检查档号模板是否包含 {门类} 和 {问题}，并运行 sanwu check 检查档号。`,
              );
            }
            throw e;
          }
          audit.push({ action: 'file', entity: 'record', entityId: a.id, before: { status: '未归档' }, afterJson: state });
        }
      });
    }
    if (opts.signal?.aborted) throw cancelled();
    // The counters move in step, each change audited with the counter's new state.
    for (const { parts: p, to } of cells) {
      const { state } = await trx
        .insertInto('filing_cells')
        .values({ fonds_code: p.fondsCode, category_code: p.categoryCode, year: p.year, retention_code: p.retentionCode, problem_code: p.problemCode, last_item_no: to })
        .onConflict((oc) => oc.columns(['fonds_code', 'category_code', 'year', 'retention_code', 'problem_code']).doUpdateSet({ last_item_no: to }))
        .returning(stateColumn('filing_cell').as('state'))
        .executeTakeFirstOrThrow();
      audit.push({ action: 'file', entity: 'filing_cell', afterJson: state });
    }
    await appendAudit(ctx, trx, audit);
    opts.onProgress?.({ phase: '归档', done: total, total });
    return { filed: total, cells: cells.map(({ cell, community, from, to }) => ({ cell, community, from, to })) };
  }, opts);
}
