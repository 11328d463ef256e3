// The district's street offices: added when the district first hears of one (`receive --add-office`,
// the UI's confirmation) or by hand; never removed. Names are unique; each office's communities keep
// their 全宗号 unique within it (communities.ts).
import { z } from 'zod';
import type { DistrictOffice } from '../../../shared/district';
import { SanwuError } from '../../../shared/errors';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Reader, Trx } from '../db/handles';
import { requireDistrict } from './kind';

export const officeNameSchema = z.string().trim().min(1, '街道名称不能为空').max(100, '街道名称不能超过 100 个字');

export async function listOffices(db: Reader): Promise<DistrictOffice[]> {
  return db.selectFrom('district_offices').select(['id', 'name', 'code']).orderBy('name').execute();
}

export async function findOffice(db: Reader, name: string): Promise<DistrictOffice | null> {
  return (await db.selectFrom('district_offices').select(['id', 'name', 'code']).where('name', '=', name.trim()).executeTakeFirst()) ?? null;
}

/** Adds an office inside the caller's transaction (audited); an office of that name is returned as it is. */
export async function putOffice(ctx: ArchiveContext, trx: Trx, name: string, code: string, source?: string): Promise<DistrictOffice> {
  const existing = await findOffice(trx, name);
  if (existing) return existing;
  const at = nowIso(ctx);
  const { state, ...office } = await trx
    .insertInto('district_offices')
    .values({ name: name.trim(), code: code.trim(), created_at: at, updated_at: at })
    .returning(['id', 'name', 'code', stateColumn(trx, 'district_office').as('state')])
    .executeTakeFirstOrThrow();
  await appendAudit(ctx, trx, [{ action: 'create', entity: 'district_office', entityId: office.id, afterJson: state, source }]);
  return office;
}

export async function addOffice(ctx: ArchiveContext, input: { name: string; code?: string }): Promise<DistrictOffice> {
  await requireDistrict(ctx, '登记街道办事处');
  const name = officeNameSchema.parse(input.name);
  return ctx.write.transaction(async (trx) => {
    if (await findOffice(trx, name)) throw new SanwuError('CONFLICT', `街道办事处“${name}”已经登记过了。`);
    return putOffice(ctx, trx, name, input.code ?? '');
  });
}
