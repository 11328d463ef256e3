// Key/value settings (JSON), every change audited.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import type { DB } from '../db/schema';

export async function getSetting<T>(db: Kysely<DB>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function setSetting(ctx: ArchiveContext, key: string, value: unknown): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getSetting<unknown>(trx, key, null);
    const at = nowIso(ctx);
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }))
      .execute();
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'setting', before: { key, value: before }, after: { key, value } }]);
  });
}
