// Communities: each one a 全宗 whose code is the 全宗号.
import type { Kysely } from 'kysely';
import type { Community } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { communityInputSchema, communityRenameSchema, type CommunityInput, type CommunityRename } from '../../../shared/schemas';
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

/** Updates a community's profile (type and figures) in place; its name and code stay. */
async function updateProfile(ctx: ArchiveContext, trx: Kysely<DB>, existing: CommunityRow, c: ReturnType<typeof communityInputSchema.parse>, source?: string): Promise<Community> {
  const { state, ...after } = await trx
    .updateTable('communities')
    .set({ ...columns(c), code: existing.code, name: existing.name, updated_at: nowIso(ctx) })
    .where('id', '=', existing.id)
    .returningAll()
    .returning(stateColumn(trx, 'community').as('state'))
    .executeTakeFirstOrThrow();
  await appendAudit(ctx, trx, [{ action: 'update', entity: 'community', entityId: existing.id, before: toCommunity(existing), afterJson: state, source }]);
  return toCommunity(after);
}

async function createCommunity(ctx: ArchiveContext, trx: Kysely<DB>, c: ReturnType<typeof communityInputSchema.parse>, source?: string): Promise<Community> {
  const byName = await trx.selectFrom('communities').select(['id', 'code']).where('name', '=', c.name).executeTakeFirst();
  if (byName) throw new SanwuError('CONFLICT', `社区“${c.name}”已使用全宗号 ${byName.code}，不能再用 ${c.code}。请核对社区代码（全宗号）。`);
  const at = nowIso(ctx);
  const { state, ...row } = await trx
    .insertInto('communities')
    .values({ ...columns(c), created_at: at, updated_at: at })
    .returningAll()
    .returning(stateColumn(trx, 'community').as('state'))
    .executeTakeFirstOrThrow();
  await appendAudit(ctx, trx, [{ action: 'create', entity: 'community', entityId: row.id, afterJson: state, source }]);
  return toCommunity(row);
}

const renameHint = '如需改名或更改全宗号，请在“设置 → 社区”中用“更改名称/全宗号”办理（需确认，并记入操作日志）';

/**
 * A community profile from a workbook (import, demo): a new code creates the community, a known code
 * updates its figures. A known code with another name is refused: names change only by renameCommunity.
 */
export async function upsertCommunity(ctx: ArchiveContext, trx: Kysely<DB>, input: CommunityInput, source?: string): Promise<Community> {
  const c = communityInputSchema.parse(input);
  const existing = await trx.selectFrom('communities').selectAll().where('code', '=', c.code).executeTakeFirst();
  if (!existing) return createCommunity(ctx, trx, c, source);
  if (existing.name !== c.name) {
    throw new SanwuError('CONFLICT', `${source ? `${source}：` : ''}全宗号 ${c.code} 已属于 ${existing.name}，不能用于“${c.name}”。请核对社区代码；${renameHint}。`);
  }
  return updateProfile(ctx, trx, existing, c, source);
}

/**
 * communities.save: without `id` adds a community (an existing 全宗号 is refused, never overwritten);
 * with `id` updates that community's type and figures (its name and code change only by renaming).
 */
export async function saveCommunity(ctx: ArchiveContext, input: CommunityInput & { id?: number }): Promise<Community> {
  const c = communityInputSchema.parse(input);
  return ctx.write.transaction(async (trx) => {
    if (input.id === undefined) {
      const holder = await trx.selectFrom('communities').select('name').where('code', '=', c.code).executeTakeFirst();
      if (holder) throw new SanwuError('CONFLICT', `全宗号 ${c.code} 已属于 ${holder.name}，未添加。请换一个社区代码；如要修改 ${holder.name} 的资料，请在列表中点“编辑”。`);
      return createCommunity(ctx, trx, c);
    }
    const existing = await trx.selectFrom('communities').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw new SanwuError('NOT_FOUND', `没有编号为 ${input.id} 的社区。`);
    if (existing.code !== c.code || existing.name !== c.name) throw new SanwuError('CONFLICT', `社区资料未保存：${renameHint}。`);
    return updateProfile(ctx, trx, existing, c);
  });
}

/**
 * Renames a community or changes its 全宗号: an explicit, confirmed, audited act. A code already in use
 * is refused, and so is a new code once any of its records is filed (their 档号 carry the old one).
 */
export async function renameCommunity(ctx: ArchiveContext, input: CommunityRename): Promise<Community> {
  const r = communityRenameSchema.parse(input);
  return ctx.write.transaction(async (trx) => {
    const existing = await trx.selectFrom('communities').selectAll().where('id', '=', r.id).executeTakeFirst();
    if (!existing) throw new SanwuError('NOT_FOUND', `没有编号为 ${r.id} 的社区。`);
    const clash = await trx.selectFrom('communities').select(['name', 'code']).where('id', '<>', r.id).where((eb) => eb.or([eb('code', '=', r.code), eb('name', '=', r.name)])).executeTakeFirst();
    if (clash?.code === r.code) throw new SanwuError('CONFLICT', `全宗号 ${r.code} 已属于 ${clash.name}，未更改。`);
    if (clash) throw new SanwuError('CONFLICT', `已有名为“${r.name}”的社区（全宗号 ${clash.code}），未更改。`);
    if (r.code !== existing.code) {
      const filed = await trx.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', r.id).where('item_no', 'is not', null).executeTakeFirstOrThrow();
      if (Number(filed.n) > 0) {
        throw new SanwuError('CONFLICT', `${existing.name} 已有 ${filed.n} 件档案以全宗号 ${existing.code} 归档（档号中含此全宗号），全宗号不能再改，未更改。`);
      }
    }
    const { state, ...after } = await trx
      .updateTable('communities')
      .set({ name: r.name, code: r.code, updated_at: nowIso(ctx) })
      .where('id', '=', r.id)
      .returningAll()
      .returning(stateColumn(trx, 'community').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'rename', entity: 'community', entityId: r.id, before: toCommunity(existing), afterJson: state }]);
    return toCommunity(after);
  });
}
