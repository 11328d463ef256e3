// A consistent copy of the database file while the archive is in use: SQLite's online backup API on
// the reader, inside one read transaction (a copy of one committed state, whatever writers do meanwhile).
import type { ReadDb } from '../handles';
import { withRaw } from './driver';

export function copyDatabase(db: ReadDb, target: string): Promise<void> {
  return withRaw(db, async (raw) => {
    raw.exec('BEGIN');
    try {
      raw.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
      await raw.backup(target);
    } finally {
      raw.exec('COMMIT');
    }
  });
}
