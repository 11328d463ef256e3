// The roster: people and bodies of a community with date ranges (法律顾问, 人民调解员 …).
import type { Kysely } from 'kysely';
import type { RosterEntry } from '../../../shared/domain';
import { rosterInputSchema, type RosterInput } from '../../../shared/schemas';
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
  await ctx.write.transaction(async (trx) => {
    const before = await trx.selectFrom('roster').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { state } = await trx
      .updateTable('roster')
      .set({ end_date: endDate, updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .returning(stateColumn(trx, 'roster').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'roster', entityId: id, before: toRosterEntry(before), afterJson: state }]);
  });
}
