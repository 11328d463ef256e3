// Raw statements inside Kysely's lock: the reader's (one read snapshot for the whole callback) or a
// write transaction's own connection.
import type { ReadDb, Statements, Trx, WriteStatements } from '../handles';
import { withRaw } from './driver';
import { statementsOn } from './statements';

/** Synchronous work only: a promise would hold the connection while other code awaits it. */
type Sync<T> = T extends PromiseLike<unknown> ? never : T;

/** Runs `fn` on the reader in one read transaction: every statement sees the same committed state. */
export function readSql<T>(db: ReadDb, fn: (q: Statements) => Sync<T>): Promise<T> {
  return withRaw(db, (raw) => {
    raw.exec('BEGIN');
    try {
      return fn(statementsOn(raw));
    } finally {
      raw.exec('COMMIT');
    }
  });
}

/** Runs `fn` inside the write transaction `trx` (which sees its own uncommitted writes). */
export function writeSql<T>(trx: Trx, fn: (q: WriteStatements) => Sync<T>): Promise<T> {
  return withRaw(trx, (raw) => fn(statementsOn(raw)));
}
