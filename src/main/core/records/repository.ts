// Records (一件): create, bulk insert, read, update, void. Every change is audited in its transaction.
import type { Kysely } from 'kysely';
import type { ArchiveRecord } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { LOCKED_WHEN_FILED, recordFieldIssues } from '../../../shared/fields/record';
import { RECORD_LABELS } from '../../../shared/labels';
import { recordInputSchema, recordPatchSchema, type RecordInput, type RecordInputParsed, type RecordPatch } from '../../../shared/schemas';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { isoDay, nowIso, type ArchiveContext } from '../context';
import type { DB, NewRecordRow } from '../db/schema';
import { loadSchedule, retentionFor, type Schedule } from '../retention/schedule';
import { toFen, toRecord, type RecordRowWithJoins } from './mapping';
import { categoryCodeOf, loadKinds, type KindIndex } from './vocabulary';
import { stateColumn } from '../db';
import { engineOf } from '../db/engine';
import { staleEdit } from './versions';
import type { Reader } from '../db/handles';

export interface RecordRules {
  kinds: KindIndex;
  schedule: Schedule;
}

export async function loadRecordRules(db: Reader): Promise<RecordRules> {
  return { kinds: await loadKinds(db), schedule: await loadSchedule(db) };
}

/** Refuses what the shared field rules refuse (src/shared/fields), naming each field. */
function refuseFieldIssues(r: Parameters<typeof recordFieldIssues>[0], today: string): void {
  const issues = recordFieldIssues(r, today);
  if (issues.length === 0) return;
  throw new SanwuError(
    'INVALID_INPUT',
    `${issues.map((i) => i.message).join('；')}，未保存。请改正后再试。`,
    issues.map((i) => ({ column: RECORD_LABELS[i.field], message: i.message })),
  );
}

/**
 * Validates one input against the field rules and the vocabulary and turns it into a row (without id).
 * `today`: YYYY-MM-DD. `parsed`: the schema already gave the input back (an import's drafts).
 */
export function recordRow(rules: RecordRules, input: RecordInput, at: string, today: string, parsed = false): Omit<NewRecordRow, 'id' | 'year'> {
  const r = parsed ? (input as RecordInputParsed) : recordInputSchema.parse(input);
  refuseFieldIssues(r, today);
  const affair = rules.kinds.affairOf.get(r.kind);
  if (affair !== r.affair) {
    const hint = affair ? `它属于“${affair}”` : `${r.affair}的事项有：${rules.kinds.kindsOf[r.affair].join('、')}`;
    throw new SanwuError('INVALID_INPUT', `事项“${r.kind}”不属于类别“${r.affair}”，${hint}。`);
  }
  // Key order is the bound-parameter order of the prepared bulk insert: keep it fixed.
  return {
    community_id: r.communityId,
    affair: r.affair,
    kind: r.kind,
    title: r.title,
    title_supplied: r.titleSupplied ? 1 : 0,
    responsible: r.responsible,
    doc_number: r.docNumber,
    date: r.date,
    disclosure_date: r.disclosureDate ?? null,
    disclosure_channel: r.disclosureChannel ?? null,
    pages: r.pages ?? null,
    retention: r.retention ?? retentionFor(rules.schedule, r.kind),
    income_fen: toFen(r.income),
    expense_fen: toFen(r.expense),
    fund_category: r.fundCategory ?? null,
    notes: r.notes,
    secrecy: r.secrecy,
    category_code: categoryCodeOf(rules.kinds, r.kind),
    box_no: r.boxNo ?? null,
    status: '未归档',
    fingerprint: r.fingerprint ?? null,
    source: r.source ?? null,
    created_at: at,
    updated_at: at,
  };
}

export interface BulkInsertResult {
  ids: number[];
  /** each input's new id, null where it was skipped */
  each: (number | null)[];
  /** inputs skipped because a record with the same fingerprint exists */
  duplicates: number;
}

/** Rows inserted between two yields to the event loop. */
const SLICE = 2000;

/**
 * Inserts many records inside the caller's transaction (`trx`): validated, deduplicated by
 * fingerprint, each audited. The insert itself is the engine's bulk path (db/engine.ts).
 */
export async function insertRecords(
  ctx: ArchiveContext,
  trx: Kysely<DB>,
  inputs: RecordInput[] | RecordInputParsed[],
  rules?: RecordRules,
  opts: { parsed?: boolean } = {},
): Promise<BulkInsertResult> {
  if (inputs.length === 0) return { ids: [], each: [], duplicates: 0 };
  const r = rules ?? (await loadRecordRules(trx));
  const at = nowIso(ctx);
  const today = isoDay(ctx.clock.now());
  const rows = inputs.map((input) => recordRow(r, input, at, today, opts.parsed));
  const engine = engineOf(trx);
  const each: (number | null)[] = [];
  const audit: AuditInput[] = [];
  // A slice at a time, yielding between slices: other calls (reads, progress) get their turn meanwhile.
  for (let from = 0; from < rows.length; from += SLICE) {
    if (from > 0) await new Promise((r) => setImmediate(r));
    const slice = rows.slice(from, from + SLICE);
    for (const [i, inserted] of (await engine.insertRecordRows(trx, slice)).entries()) {
      each.push(inserted?.id ?? null);
      if (inserted === null) continue;
      audit.push({ action: 'create', entity: 'record', entityId: inserted.id, afterJson: inserted.state, source: slice[i]!.source });
    }
  }
  await appendAudit(ctx, trx, audit);
  const ids = each.filter((id) => id !== null);
  return { ids, each, duplicates: rows.length - ids.length };
}

export async function createRecord(ctx: ArchiveContext, input: RecordInput): Promise<ArchiveRecord> {
  const { ids } = await ctx.write.transaction((trx) => insertRecords(ctx, trx, [input]));
  if (ids.length === 0) throw new SanwuError('CONFLICT', '同一条记录已经存在（指纹相同），未重复添加。');
  return getRecord(ctx, ids[0]!);
}

export function selectRecords(db: Reader) {
  return db
    .selectFrom('records')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .selectAll('records')
    .select('communities.name as community')
    .select((eb) =>
      eb
        .selectFrom('attachments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('attachments.record_id', '=', 'records.id')
        .where('attachments.removed_at', 'is', null)
        .as('attachments'),
    );
}

export async function findRecord(db: Reader, id: number): Promise<ArchiveRecord | null> {
  const row = await selectRecords(db).where('records.id', '=', id).executeTakeFirst();
  return row ? toRecord(row as RecordRowWithJoins) : null;
}

export async function getRecord(ctx: ArchiveContext, id: number): Promise<ArchiveRecord> {
  const found = await findRecord(ctx.db, id);
  if (!found) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的档案记录。`);
  return found;
}

/**
 * `version`: the record's version the edit was made from (ArchiveRecord.version); an edit of a record
 * changed since then is refused, naming who changed it and when. Without it the edit applies to what
 * is stored now (callers that just read the record).
 */
export async function updateRecord(ctx: ArchiveContext, id: number, patch: RecordPatch, version?: number): Promise<ArchiveRecord> {
  const p = recordPatchSchema.parse(patch);
  // an edit from a version already gone is refused at once, without waiting for the writers' turn
  if (version !== undefined) {
    const now = await ctx.db.selectFrom('records').select('version').where('id', '=', id).executeTakeFirst();
    if (now && now.version !== version) throw await staleEdit(ctx.db, ctx.clock, id);
  }
  await ctx.write.transaction(async (trx) => {
    const before = await engineOf(trx).forUpdate(trx.selectFrom('records').selectAll().where('id', '=', id)).executeTakeFirst();
    if (!before) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的档案记录。`);
    if (version !== undefined && before.version !== version) throw await staleEdit(trx, ctx.clock, id);
    if (before.voided_at) throw new SanwuError('CONFLICT', `记录 ${id} 已作废，不能修改。`);
    if (before.item_no !== null) {
      const locked = LOCKED_WHEN_FILED.filter((k) => p[k] !== undefined && p[k] !== (before as Record<string, unknown>)[k]);
      if (locked.length > 0) {
        throw new SanwuError('CONFLICT', `记录 ${id} 已归档（档号 ${before.archival_code}），不能再改类别、事项、成文日期或保管期限；如需调整保管期限，请在“鉴定”页通过到期鉴定办理（继续保存并给出新的保管期限）。`);
      }
    }
    const rules = await loadRecordRules(trx);
    // The stored record as input (zod drops the read-only fields), with the patch on top.
    const current = toRecord({ ...before, community: '', attachments: 0 });
    const merged = recordRow(rules, { ...current, ...p, communityId: before.community_id }, nowIso(ctx), isoDay(ctx.clock.now()));
    const { created_at: _c, fingerprint: _f, source: _s, status: _st, ...changes } = merged;
    const written = await trx
      .updateTable('records')
      .set(changes)
      .where('id', '=', id)
      .where('version', '=', before.version)
      .returning(stateColumn(trx, 'record').as('state'))
      .executeTakeFirst();
    if (!written) throw await staleEdit(trx, ctx.clock, id);
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'record', entityId: id, before, afterJson: written.state }]);
  });
  return getRecord(ctx, id);
}

/** An unfiled record entered by mistake is voided (kept, hidden, restorable until filed), never deleted. */
export async function voidRecord(ctx: ArchiveContext, id: number, reason: string): Promise<void> {
  await ctx.write.transaction(async (trx) => {
    const before = await trx.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的档案记录。`);
    if (before.item_no !== null) {
      throw new SanwuError('CONFLICT', `记录 ${id} 已归档（档号 ${before.archival_code}），只能通过鉴定和销毁清册处置，不能作废。`);
    }
    if (before.voided_at) throw new SanwuError('CONFLICT', `记录 ${id} 已于 ${before.voided_at.slice(0, 10)} 作废，无需再次作废。`);
    const at = nowIso(ctx);
    const { state } = await trx
      .updateTable('records')
      .set({ voided_at: at, void_reason: reason, updated_at: at })
      .where('id', '=', id)
      .returning(stateColumn(trx, 'record').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'void', entity: 'record', entityId: id, before, afterJson: state }]);
  });
}

/** Undoes a void: the record returns to lists, audits and filing. Only before filing (a voided record is never filed). */
export async function restoreRecord(ctx: ArchiveContext, id: number): Promise<ArchiveRecord> {
  await ctx.write.transaction(async (trx) => {
    const before = await trx.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的档案记录。`);
    if (!before.voided_at) throw new SanwuError('CONFLICT', `记录 ${id} 没有作废，无需恢复。`);
    if (before.item_no !== null) throw new SanwuError('CONFLICT', `记录 ${id} 已归档（档号 ${before.archival_code}），不能恢复。`);
    const at = nowIso(ctx);
    const { state } = await trx
      .updateTable('records')
      .set({ voided_at: null, void_reason: null, updated_at: at })
      .where('id', '=', id)
      .returning(stateColumn(trx, 'record').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'restore', entity: 'record', entityId: id, before: { voided_at: before.voided_at, void_reason: before.void_reason }, afterJson: state }]);
  });
  return getRecord(ctx, id);
}
