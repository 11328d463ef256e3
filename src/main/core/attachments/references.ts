// What references a stored file: an attachment of a record (removed ones keep theirs), or a file of
// the office's own documents (lifecycle/office-fonds.ts). The files of destroyed records are the one
// exception: nothing live references them, and the destruction takes their bytes out of the store.
import type { Reader } from '../db/handles';

/** Whether any attachment or office document holds this digest. */
export async function digestReferenced(db: Reader, sha256: string): Promise<boolean> {
  const a = await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (a) return true;
  const o = await db.selectFrom('office_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return o !== undefined;
}

/** Whether a record not destroyed holds this digest (an attachment, removed or not), or an office document does. */
export async function digestLive(db: Reader, sha256: string): Promise<boolean> {
  const a = await db
    .selectFrom('attachments')
    .innerJoin('records', 'records.id', 'attachments.record_id')
    .select('attachments.id')
    .where('attachments.sha256', '=', sha256)
    .where('records.status', '<>', '已销毁')
    .limit(1)
    .executeTakeFirst();
  if (a) return true;
  const o = await db.selectFrom('office_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return o !== undefined;
}

/** The files whose bytes the store must hold (storedDigestsSql's), with their sizes, by digest. */
export function storedFiles(db: Reader): Promise<{ sha256: string; size: number }[]> {
  return db
    .selectFrom('attachments')
    .select(['sha256', 'size'])
    .where('record_id', 'not in', (eb) => eb.selectFrom('records').select('id').where('status', '=', '已销毁'))
    .union(db.selectFrom('office_files').select(['sha256', 'size']))
    .orderBy('sha256')
    .execute();
}

/**
 * The digests whose bytes the store must hold (a backup copies them, a restore accepts only them): every
 * attachment's but those of destroyed records, and the office documents'. `lifecycle`: the database has
 * the lifecycle's tables (an archive older than migration 0009 does not).
 */
export const storedDigestsSql = (lifecycle = true): string =>
  lifecycle
    ? `SELECT sha256 FROM attachments WHERE record_id NOT IN (SELECT id FROM records WHERE status = '已销毁') UNION SELECT sha256 FROM office_files`
    : 'SELECT DISTINCT sha256 FROM attachments';
