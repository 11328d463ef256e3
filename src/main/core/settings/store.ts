// Key/value settings (JSON), every change audited.
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import type { Reader } from '../db/handles';

export async function getSetting<T>(db: Reader, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function setSetting(ctx: ArchiveContext, key: string, value: unknown): Promise<void> {
  await setSettings(ctx, [[key, value]]);
}

/** Several settings in one transaction: all saved or none. */
export async function setSettings(ctx: ArchiveContext, entries: [key: string, value: unknown][]): Promise<void> {
  await ctx.write.transaction(async (trx) => {
    const at = nowIso(ctx);
    for (const [key, value] of entries) {
      const before = await getSetting<unknown>(trx, key, null);
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }))
        .execute();
      await appendAudit(ctx, trx, [{ action: 'update', entity: 'setting', before: { key, value: before }, after: { key, value } }]);
    }
  });
}
