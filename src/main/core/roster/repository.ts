// The roster: people and bodies of a community with date ranges (法律顾问, 人民调解员 …).
import type { Kysely } from 'kysely';
import type { RosterEntry } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { ROSTER_LABELS } from '../../../shared/labels';
import { rosterInputSchema, rosterPatchSchema, type RosterInput, type RosterPatch } from '../../../shared/schemas';
import { appendAudit } from '../audit-log/append';
import { stateColumn } from '../db';
import { nowIso, type ArchiveContext } from '../context';
import type { DB, RosterRow } from '../db/schema';
import type { Reader } from '../db/handles';

export function toRosterEntry(r: RosterRow): RosterEntry {
  return {
    id: r.id,
    communityId: r.community_id,
    kind: r.kind,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    note: r.note,
  };
}

export async function listRoster(db: Reader, communityId?: number): Promise<RosterEntry[]> {
  let q = db.selectFrom('roster').selectAll().where('voided_at', 'is', null);
  if (communityId !== undefined) q = q.where('community_id', '=', communityId);
  return (await q.orderBy('community_id').orderBy('kind').orderBy('id').execute()).map(toRosterEntry);
}

/** Inserts entries inside the caller's transaction; an entry whose fingerprint exists is skipped. */
export async function insertRoster(ctx: ArchiveContext, trx: Kysely<DB>, inputs: RosterInput[]): Promise<{ inserted: number; duplicates: number }> {
  const at = nowIso(ctx);
  let inserted = 0;
  const audit = [];
  for (const input of inputs) {
    const e = rosterInputSchema.parse(input);
    const row = await trx
      .insertInto('roster')
      .values({
        community_id: e.communityId,
        kind: e.kind,
        name: e.name,
        start_date: e.startDate ?? null,
        end_date: e.endDate ?? null,
        note: e.note,
        fingerprint: e.fingerprint ?? null,
        source: e.source ?? null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .returning(['id', stateColumn(trx, 'roster').as('state')])
      .executeTakeFirst();
    if (row) {
      inserted++;
      audit.push({ action: 'create', entity: 'roster', entityId: row.id, afterJson: row.state, source: e.source ?? null });
    }
  }
  await appendAudit(ctx, trx, audit);
  return { inserted, duplicates: inputs.length - inserted };
}

export async function addRosterEntry(ctx: ArchiveContext, input: RosterInput): Promise<void> {
  await ctx.write.transaction((trx) => insertRoster(ctx, trx, [input]));
}

export async function endRosterEntry(ctx: ArchiveContext, id: number, endDate: string): Promise<void> {
  await updateRosterEntry(ctx, id, { endDate });
}

/** Corrects an entry (kind, name, dates, note) or ends it on a chosen day; the change is audited. */
export async function updateRosterEntry(ctx: ArchiveContext, id: number, patch: RosterPatch): Promise<RosterEntry> {
  const p = rosterPatchSchema.parse(patch);
  return ctx.write.transaction(async (trx) => {
    const before = await trx.selectFrom('roster').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
    if (!before) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的人员与组织记录，可能已被删除。请刷新后再试。`);
    const start = p.startDate === undefined ? before.start_date : p.startDate;
    const end = p.endDate === undefined ? before.end_date : p.endDate;
    if (start && end && end < start) {
      throw new SanwuError('INVALID_INPUT', `${ROSTER_LABELS.endDate} ${end} 早于${ROSTER_LABELS.startDate} ${start}，未保存。`, [{ column: ROSTER_LABELS.endDate, message: `${ROSTER_LABELS.endDate}不能早于${ROSTER_LABELS.startDate}（${start}）` }]);
    }
    const row = await trx
      .updateTable('roster')
      .set({
        ...(p.kind !== undefined ? { kind: p.kind } : {}),
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.note !== undefined ? { note: p.note } : {}),
        start_date: start,
        end_date: end,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .returningAll()
      .returning(stateColumn(trx, 'roster').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'roster', entityId: id, before: toRosterEntry(before), afterJson: row.state }]);
    return toRosterEntry(row);
  });
}
