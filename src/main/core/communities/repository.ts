// Communities: each one a 全宗 whose code is the 全宗号.
import type { Kysely } from 'kysely';
import type { Community } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { communityInputSchema, type CommunityInput } from '../../../shared/schemas';
import type { CommunityType } from '../../../shared/vocabulary';
import { appendAudit } from '../audit-log/append';
import { stateColumn } from '../db';
import { nowIso, type ArchiveContext } from '../context';
import type { CommunityRow, DB } from '../db/schema';
import type { Reader } from '../db/handles';

export function toCommunity(r: CommunityRow): Community {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as CommunityType,
    households: r.households,
    population: r.population,
    areaKm2: r.area_km2,
    residentUnits: r.resident_units,
    stationArea: r.station_area,
    weeklyHours: r.weekly_hours,
  };
}

export async function listCommunities(db: Reader): Promise<Community[]> {
  const rows = await db.selectFrom('communities').selectAll().where('retired_at', 'is', null).orderBy('code').execute();
  return rows.map(toCommunity);
}

export async function findCommunityByName(db: Reader, name: string): Promise<Community | null> {
  const row = await db.selectFrom('communities').selectAll().where('name', '=', name.trim()).executeTakeFirst();
  return row ? toCommunity(row) : null;
}

export async function requireCommunityByName(db: Reader, name: string): Promise<Community> {
  const found = await findCommunityByName(db, name);
  if (!found) {
    const names = (await listCommunities(db)).map((c) => c.name);
    throw new SanwuError(
      'NOT_FOUND',
      `没有名为“${name}”的社区。${names.length ? `已有的社区：${names.join('、')}。` : '档案库中还没有社区，请先导入社区概况。'}`,
    );
  }
  return found;
}

function columns(c: ReturnType<typeof communityInputSchema.parse>) {
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    households: c.households ?? null,
    population: c.population ?? null,
    area_km2: c.areaKm2 ?? null,
    resident_units: c.residentUnits ?? null,
    station_area: c.stationArea ?? null,
    weekly_hours: c.weeklyHours ?? null,
  };
}

/** Creates the community, or updates the one with the same code. Runs inside the caller's transaction. */
export async function upsertCommunity(ctx: ArchiveContext, trx: Kysely<DB>, input: CommunityInput, source?: string): Promise<Community> {
  const c = communityInputSchema.parse(input);
  const at = nowIso(ctx);
  const existing = await trx.selectFrom('communities').selectAll().where('code', '=', c.code).executeTakeFirst();
  const byName = await trx.selectFrom('communities').select(['id', 'code']).where('name', '=', c.name).executeTakeFirst();
  if (byName && byName.code !== c.code) {
    throw new SanwuError('CONFLICT', `社区“${c.name}”已使用代码 ${byName.code}，不能再用 ${c.code}。请核对社区代码（全宗号）。`);
  }
  if (existing) {
    const { state, ...after } = await trx
      .updateTable('communities')
      .set({ ...columns(c), updated_at: at })
      .where('id', '=', existing.id)
      .returningAll()
      .returning(stateColumn('community').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'community', entityId: existing.id, before: toCommunity(existing), afterJson: state, source }]);
    return toCommunity(after);
  }
  const { state, ...row } = await trx
    .insertInto('communities')
    .values({ ...columns(c), created_at: at, updated_at: at })
    .returningAll()
    .returning(stateColumn('community').as('state'))
    .executeTakeFirstOrThrow();
  await appendAudit(ctx, trx, [{ action: 'create', entity: 'community', entityId: row.id, afterJson: state, source }]);
  return toCommunity(row);
}

export async function saveCommunity(ctx: ArchiveContext, input: CommunityInput): Promise<Community> {
  return ctx.write.transaction((trx) => upsertCommunity(ctx, trx, input));
}
