// A consistent copy of the database file while the archive is in use: SQLite's online backup API on
// the reader, inside one read transaction (a copy of one committed state, whatever writers do meanwhile).
import type { ReadDb, Statements } from '../handles';
import { withRaw } from './driver';
import { statementsOn } from './statements';

/** Copies the database to `target`; `inside` reads the very state copied (e.g. the audit log's head). */
export function copyDatabase<T = void>(db: ReadDb, target: string, inside?: (q: Statements) => T): Promise<T> {
  return withRaw(db, async (raw) => {
    raw.exec('BEGIN');
    try {
      raw.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
      const value = inside?.(statementsOn(raw)) as T;
      await raw.backup(target);
      return value;
    } finally {
      raw.exec('COMMIT');
    }
  });
}
