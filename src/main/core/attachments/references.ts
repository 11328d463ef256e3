// What references a stored file: an attachment of a record (removed ones keep theirs), a file of the
// office's own documents (lifecycle/office-fonds.ts), or (a district) the pack of a received package
// (district/pack.ts). The files of destroyed records are the one
// exception: nothing live references them, and the destruction takes their bytes out of the store.
import type { Reader } from '../db/handles';

async function officeOrPack(db: Reader, sha256: string): Promise<boolean> {
  const o = await db.selectFrom('office_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (o) return true;
  const p = await db.selectFrom('district_packages').select('id').where('pack', '=', sha256).limit(1).executeTakeFirst();
  return p !== undefined;
}

/** Whether any attachment, office document or received pack holds this digest. */
export async function digestReferenced(db: Reader, sha256: string): Promise<boolean> {
  const a = await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (a) return true;
  return officeOrPack(db, sha256);
}

/** Whether a record not destroyed holds this digest (an attachment, removed or not), or an office document or received pack does. */
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
  return officeOrPack(db, sha256);
}

/** The files whose bytes the store must hold (storedDigestsSql's), with their sizes, by digest. */
export function storedFiles(db: Reader): Promise<{ sha256: string; size: number }[]> {
  return db
    .selectFrom('attachments')
    .select(['sha256', 'size'])
    .where('record_id', 'not in', (eb) => eb.selectFrom('records').select('id').where('status', '=', '已销毁'))
    .union(db.selectFrom('office_files').select(['sha256', 'size']))
    .union(db.selectFrom('district_packages').select(['pack as sha256', 'pack_size as size']))
    .orderBy('sha256')
    .execute();
}

/**
 * The digests whose bytes the store must hold (a backup copies them, a restore accepts only them): every
 * attachment's but those of destroyed records, the office documents' and the received packs'. `has`: which
 * tables the database has (an archive older than migration 0009 or 0010 lacks some).
 */
export const storedDigestsSql = (has: (table: 'office_files' | 'district_packages') => boolean = () => true): string =>
  [
    has('office_files')
      ? `SELECT sha256 FROM attachments WHERE record_id NOT IN (SELECT id FROM records WHERE status = '已销毁')`
      : 'SELECT sha256 FROM attachments',
    ...(has('office_files') ? ['SELECT sha256 FROM office_files'] : []),
    ...(has('district_packages') ? ['SELECT pack FROM district_packages'] : []),
  ].join(' UNION ');
