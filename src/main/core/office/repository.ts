// The street office (one per archive).
import { z } from 'zod';
import type { StreetOffice } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export const officeInputSchema = z.object({
  name: z.string().trim().min(1, '街道名称不能为空').max(100),
  code: z.string().trim().max(20).optional().default(''),
});

export async function getOffice(ctx: ArchiveContext): Promise<StreetOffice | null> {
  const row = await ctx.db.selectFrom('street_office').select(['name', 'code']).executeTakeFirst();
  return row ?? null;
}

export async function requireOffice(ctx: ArchiveContext): Promise<StreetOffice> {
  const office = await getOffice(ctx);
  if (!office) throw new SanwuError('NOT_FOUND', '档案库还没有设置街道办事处。请运行 sanwu init --name 街道名称。');
  return office;
}

/** Writes the street office inside the caller's transaction (also the creating one of a new archive). */
export async function putOffice(ctx: ArchiveContext, trx: Kysely<DB>, input: z.input<typeof officeInputSchema>): Promise<StreetOffice> {
  const office = officeInputSchema.parse(input);
  const before = await trx.selectFrom('street_office').select(['name', 'code']).executeTakeFirst();
  const at = nowIso(ctx);
  await trx
    .insertInto('street_office')
    .values({ id: 1, name: office.name, code: office.code, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: office.name, code: office.code, updated_at: at }))
    .execute();
  await appendAudit(ctx, trx, [{ action: before ? 'update' : 'create', entity: 'street_office', entityId: 1, before, after: office }]);
  return office;
}

export async function saveOffice(ctx: ArchiveContext, input: z.input<typeof officeInputSchema>): Promise<StreetOffice> {
  return ctx.write.transaction((trx) => putOffice(ctx, trx, input));
}
