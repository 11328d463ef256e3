// Holds (冻结): an item tied to an unsettled matter (an open case, a debt) must be neither destroyed nor
// transferred until the hold is released. Set and released by 档案员, each audited; shown on the record
// and listed. At most one hold is in force per record (a unique index says so too).
import { SanwuError } from '../../../shared/errors';
import type { HoldInfo } from '../../../shared/lifecycle';
import type { RecordStatus } from '../../../shared/vocabulary';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Reader } from '../db/handles';
import { recordLabel } from './names';

const SETTLED: RecordStatus[] = ['已销毁', '已移交'];

function holdQuery(db: Reader) {
  return db
    .selectFrom('holds')
    .innerJoin('records', 'records.id', 'holds.record_id')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .select([
      'holds.id',
      'holds.record_id',
      'records.archival_code',
      'records.title',
      'records.status',
      'communities.name as community',
      'holds.reason',
      'holds.held_at',
      'holds.held_by',
      'holds.released_at',
      'holds.released_by',
    ]);
}

type HoldRow = Awaited<ReturnType<ReturnType<typeof holdQuery>['executeTakeFirstOrThrow']>>;

const toHold = (r: HoldRow): HoldInfo => ({
  id: r.id,
  recordId: r.record_id,
  archivalCode: r.archival_code,
  title: r.title,
  community: r.community,
  status: r.status as RecordStatus,
  reason: r.reason,
  heldAt: r.held_at,
  heldBy: r.held_by,
  releasedAt: r.released_at,
  releasedBy: r.released_by,
});

/** Holds in force (or, `all`, every hold ever set), newest first. */
export async function listHolds(db: Reader, all = false): Promise<HoldInfo[]> {
  let q = holdQuery(db).orderBy('holds.id', 'desc');
  if (!all) q = q.where('holds.released_at', 'is', null);
  return (await q.execute()).map(toHold);
}

/** The hold in force on a record, if any. */
export async function holdOf(db: Reader, recordId: number): Promise<HoldInfo | null> {
  const row = await holdQuery(db).where('holds.record_id', '=', recordId).where('holds.released_at', 'is', null).executeTakeFirst();
  return row ? toHold(row) : null;
}

/** Of `ids`, those held, with the reason. */
export async function heldAmong(db: Reader, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('holds').select(['record_id', 'reason']).where('released_at', 'is', null).where('record_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.record_id, r.reason);
  }
  return out;
}

export async function setHold(ctx: ArchiveContext, recordId: number, reason: string): Promise<HoldInfo> {
  await ctx.write.transaction(async (trx) => {
    const r = await trx.selectFrom('records').select(['id', 'archival_code', 'title', 'status', 'voided_at']).where('id', '=', recordId).executeTakeFirst();
    if (!r) throw new SanwuError('NOT_FOUND', `没有编号为 ${recordId} 的档案记录。`);
    const name = recordLabel(r);
    if (r.voided_at) throw new SanwuError('CONFLICT', `${name} 已作废，不能冻结。`);
    if (SETTLED.includes(r.status as RecordStatus)) throw new SanwuError('CONFLICT', `${name} ${r.status}，不能再冻结。`);
    const held = await trx.selectFrom('holds').select(['reason', 'held_at']).where('record_id', '=', recordId).where('released_at', 'is', null).executeTakeFirst();
    if (held) throw new SanwuError('CONFLICT', `${name} 已于 ${held.held_at.slice(0, 10)} 冻结（原因：${held.reason}），无需重复冻结。`);
    const { id, state } = await trx
      .insertInto('holds')
      .values({ record_id: recordId, reason, held_at: nowIso(ctx), held_by: ctx.actor })
      .returning(['id', stateColumn(trx, 'hold').as('state')])
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'hold', entity: 'hold', entityId: id, afterJson: state }]);
  });
  return (await holdOf(ctx.db, recordId))!;
}

export async function releaseHold(ctx: ArchiveContext, recordId: number, note?: string): Promise<HoldInfo> {
  const id = await ctx.write.transaction(async (trx) => {
    const held = await trx.selectFrom('holds').select(['id']).where('record_id', '=', recordId).where('released_at', 'is', null).executeTakeFirst();
    if (!held) {
      const r = await trx.selectFrom('records').select(['id', 'archival_code', 'title']).where('id', '=', recordId).executeTakeFirst();
      if (!r) throw new SanwuError('NOT_FOUND', `没有编号为 ${recordId} 的档案记录。`);
      throw new SanwuError('CONFLICT', `${recordLabel(r)} 没有冻结，无需解除。`);
    }
    const { state } = await trx
      .updateTable('holds')
      .set({ released_at: nowIso(ctx), released_by: ctx.actor, release_note: note ?? null })
      .where('id', '=', held.id)
      .returning(stateColumn(trx, 'hold').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'release', entity: 'hold', entityId: held.id, afterJson: state }]);
    return held.id;
  });
  return toHold(await holdQuery(ctx.db).where('holds.id', '=', id).executeTakeFirstOrThrow());
}
