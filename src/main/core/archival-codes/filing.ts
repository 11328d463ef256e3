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
import { stateColumn } from '../db';
import { engineOf } from '../db/engine';
import type { Reader, Trx } from '../db/handles';

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

/** `lock`: filing for real, inside its transaction: the year's cell counters are row-locked until it commits. */
async function planFiling(db: Reader, scope: FilingScope, lock = false): Promise<{ assignments: FilingAssignment[]; cells: PlannedCell[] }> {
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
    assignments.push({ id: r.id, archivalCode: renderArchivalCode(parts, template), parts, community: r.community, title: r.title, date: r.date, cell: key });
    const cell = planned.get(key);
    if (cell) cell.to = itemNo;
    else planned.set(key, { cell: key, community: r.community, from: itemNo, to: itemNo, parts: cellParts });
  }
  return { assignments, cells: [...planned.values()].sort((a, b) => a.cell.localeCompare(b.cell)) };
}

/** The 档号 that `fileYear` would give, without writing anything, with what identifies each item. */
export async function previewFiling(ctx: ArchiveContext, scope: FilingScope): Promise<Omit<FilingAssignment, 'parts'>[]> {
  const { assignments } = await planFiling(ctx.db, scope);
  return assignments.map(({ parts: _parts, ...shown }) => shown);
}

/** Records given their 档号 per statement (7 bound values each: well under either engine's limit). */
const BATCH = 1000;

/** The 档号 a batch would give that another record holds already, or that two of the batch would share. */
async function codeClash(trx: Trx, batch: FilingAssignment[], given: Set<string>): Promise<FilingAssignment | undefined> {
  for (const a of batch) {
    if (given.has(a.archivalCode)) return a;
    given.add(a.archivalCode);
  }
  const held = await trx.selectFrom('records').select('archival_code').where('archival_code', 'in', batch.map((a) => a.archivalCode)).executeTakeFirst();
  return held ? batch.find((a) => a.archivalCode === held.archival_code) : undefined;
}

/**
 * Gives a batch of records their 件号 and 档号 in one UPDATE … FROM (VALUES …) (both engines name the
 * columns column1…): each record changed, with its state now (audited). The first row's casts type
 * every column on PostgreSQL.
 */
async function fileBatch(trx: Trx, batch: FilingAssignment[], at: string): Promise<Map<number, string>> {
  const rows = batch.map((a, i) => {
    const p = a.parts;
    const n = (v: number) => (i === 0 ? sql`CAST(${v} AS bigint)` : sql`${v}`);
    return sql`(${n(a.id)}, ${p.fondsCode}, ${n(p.year)}, ${p.retentionCode}, ${p.problemCode}, ${n(p.itemNo)}, ${a.archivalCode})`;
  });
  const updated = await sql<{ id: number; state: string }>`UPDATE records SET fonds_code = v.column2, filing_year = v.column3, retention_code = v.column4,
      problem_code = v.column5, item_no = v.column6, archival_code = v.column7, filed_at = ${at}, status = '在保', updated_at = ${at}
      FROM (VALUES ${sql.join(rows)}) AS v WHERE records.id = v.column1 AND records.item_no IS NULL
      RETURNING records.id, ${sql.raw(engineOf(trx).stateSql('record', 'records'))} AS state`.execute(trx);
  return new Map(updated.rows.map((r) => [r.id, r.state]));
}

export async function fileYear(ctx: ArchiveContext, scope: FilingScope, opts: LongTaskOptions = {}): Promise<FilingResult> {
  return ctx.write.transaction(async (trx) => {
    const { assignments, cells } = await planFiling(trx, scope, true);
    const at = nowIso(ctx);
    const total = assignments.length;
    const audit: AuditInput[] = [];
    const given = new Set<string>();
    for (let from = 0; from < total; from += BATCH) {
      opts.onProgress?.({ phase: '归档', done: from, total });
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw cancelled();
      const batch = assignments.slice(from, from + BATCH);
      const clash = await codeClash(trx, batch, given);
      if (clash) {
        throw new SanwuError(
          'CONFLICT',
          `记录 ${clash.id} 的档号 ${clash.archivalCode} 与已有档案重复，未归档任何记录。请检查档号模板是否包含 {门类} 和 {问题}，并运行 sanwu check 检查档号。`,
        );
      }
      const filed = await fileBatch(trx, batch, at);
      // Never a skipped number: a record someone else filed meanwhile stops the whole filing.
      const missed = batch.find((a) => !filed.has(a.id));
      if (missed) throw new SanwuError('CONFLICT', `记录 ${missed.id} 已被他人归档或改动，本次未归档任何记录。请重新归档。`);
      for (const a of batch) audit.push({ action: 'file', entity: 'record', entityId: a.id, before: { status: '未归档' }, afterJson: filed.get(a.id)! });
    }
    if (opts.signal?.aborted) throw cancelled();
    // The counters move in step, each change audited with the counter's new state.
    for (const { parts: p, to } of cells) {
      const { state } = await trx
        .insertInto('filing_cells')
        .values({ fonds_code: p.fondsCode, category_code: p.categoryCode, year: p.year, retention_code: p.retentionCode, problem_code: p.problemCode, last_item_no: to })
        .onConflict((oc) => oc.columns(['fonds_code', 'category_code', 'year', 'retention_code', 'problem_code']).doUpdateSet({ last_item_no: to }))
        .returning(stateColumn(trx, 'filing_cell').as('state'))
        .executeTakeFirstOrThrow();
      audit.push({ action: 'file', entity: 'filing_cell', afterJson: state });
    }
    await appendAudit(ctx, trx, audit);
    opts.onProgress?.({ phase: '归档', done: total, total });
    return { filed: total, cells: cells.map(({ cell, community, from, to }) => ({ cell, community, from, to })) };
  }, opts);
}
