// A private read connection holding one read transaction: long reads (the inspection, a report's
// record stream) see one committed state throughout, and never hold the shared reader's lock while
// they await other work.
import { sql, type Kysely } from 'kysely';
import type { ReadDb, Reader, Statements } from '../handles';
import type { DB } from '../schema';
import { openForInspection } from './connection';
import { withRaw } from './driver';
import { statementsOn } from './statements';

export interface Snapshot {
  q: Statements;
  close(): void;
}

/** Memory-mapped reads and a larger page cache make long scans of a big file several times faster. */
export const SCAN_PRAGMAS = ['mmap_size = 1073741824', 'cache_size = -131072'];

export async function openSnapshot(db: ReadDb): Promise<Snapshot> {
  const file = await withRaw(db, (raw) => raw.name);
  const raw = openForInspection(file);
  try {
    for (const p of SCAN_PRAGMAS) raw.pragma(p);
    raw.exec('BEGIN');
    // The snapshot starts with the first read.
    raw.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
  } catch (e) {
    raw.close();
    throw e;
  }
  return {
    q: statementsOn(raw),
    close: () => {
      if (raw.inTransaction) raw.exec('COMMIT');
      raw.close();
    },
  };
}

/** Runs `fn` on a snapshot and closes it however `fn` ends. */
export async function withSnapshot<T>(db: ReadDb, fn: (q: Statements) => Promise<T> | T): Promise<T> {
  const snapshot = await openSnapshot(db);
  try {
    return await fn(snapshot.q);
  } finally {
    snapshot.close();
  }
}

/** Streams the rows of a compiled query from a snapshot, which closes when the stream ends. */
export async function* streamRows<T>(db: ReadDb, query: { sql: string; parameters: readonly unknown[] }): AsyncGenerator<T> {
  const snapshot = await openSnapshot(db);
  try {
    yield* snapshot.q.each<T>(query.sql, query.parameters);
  } finally {
    snapshot.close();
  }
}

/** Runs `fn` on the reader inside one read transaction (Kysely queries, one committed state throughout). */
export function readSnapshot<T>(db: ReadDb, fn: (snapshot: Reader) => Promise<T>): Promise<T> {
  return (db as unknown as Kysely<DB>).connection().execute(async (c) => {
    await sql`BEGIN`.execute(c);
    try {
      return await fn(c);
    } finally {
      await sql`COMMIT`.execute(c);
    }
  });
}
