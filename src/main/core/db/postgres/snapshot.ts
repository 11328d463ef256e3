// Reads from one committed state on PostgreSQL: a reader connection in a REPEATABLE READ READ ONLY
// transaction (the counterpart of SQLite's read snapshot).
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import type { ReadDb } from '../handles';
import type { DB } from '../schema';

/** Runs `fn` on one reader connection whose every statement sees the same committed state. */
export function inSnapshot<T>(db: ReadDb, fn: (snapshot: Kysely<DB>) => Promise<T>): Promise<T> {
  return (db as unknown as Kysely<DB>).connection().execute(async (c) => {
    await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(c);
    try {
      const value = await fn(c);
      await sql`COMMIT`.execute(c);
      return value;
    } catch (e) {
      await sql`ROLLBACK`.execute(c).catch(() => {});
      throw e;
    }
  });
}

const BATCH = 1000;

/** Streams the rows of a compiled SELECT through a server-side cursor, from one snapshot. */
export async function* streamFromPool<T>(pool: pg.Pool, query: { sql: string; parameters: readonly unknown[] }): AsyncGenerator<T> {
  const client = await pool.connect();
  let cursor: Cursor<T> | undefined;
  let failed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    cursor = client.query(new Cursor<T>(query.sql, [...query.parameters]));
    for (;;) {
      const rows = await cursor.read(BATCH);
      if (rows.length === 0) break;
      yield* rows;
    }
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await cursor?.close().catch(() => {});
    await client.query('COMMIT').catch(() => (failed = true));
    client.release(failed);
  }
}
