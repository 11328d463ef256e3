// Every file of the store the archive names: its attachments' bytes and (a district) the packs of the
// packages it received (district/pack.ts). Backups carry these, a move between engines copies them,
// and check calls any other stored file a stray.
import type { Reader } from '../db/handles';

export function namedFiles(db: Reader) {
  return db
    .selectFrom('attachments')
    .select(['sha256', 'size'])
    .union(db.selectFrom('district_packages').select(['pack as sha256', 'pack_size as size']))
    .orderBy('sha256');
}

/** The same, as SQL both engines run (a SQLite copy's statements, a server's consistency walk). */
export const NAMED_FILES_SQL = 'SELECT sha256 FROM attachments UNION SELECT pack FROM district_packages';
