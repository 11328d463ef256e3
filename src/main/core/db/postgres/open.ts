// An archive's PostgreSQL database: a pool of readers that cannot write (MVCC: they see only committed
// rows and never wait for a writer) and a pool of writers. A write transaction takes the archive's
// write lock first — one advisory lock, the audit chain's — so writers take turns as on SQLite, from
// any number of processes and machines, waiting (bounded, with progress and cancel) for the one before.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../handles';
import { databaseOf, stillWaiting, type Waiting } from '../turns';
import type { DB } from '../schema';
import { connectionError, createPool, kyselyOnPool, sqlState } from './connect';
import { postgresEngine } from './engine';

/** The advisory lock every writer holds for its transaction: 'SANW', as SQLite's application_id. */
export const WRITE_LOCK = 0x53414e57;

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Takes the write lock inside the open transaction. The first try does not wait; after that the wait
 * is in slices (a savepoint each), so progress is told once and cancel and the bound are honoured.
 */
async function takeWriteLock(trx: Kysely<DB>, waiting: Waiting): Promise<void> {
  const first = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${WRITE_LOCK}) AS ok`.execute(trx);
  if (first.rows[0]!.ok) return;
  waiting.told();
  await sql`SET LOCAL lock_timeout = '250ms'`.execute(trx);
  for (;;) {
    stillWaiting(waiting, '另一位用户或另一个操作');
    await sql`SAVEPOINT sanwu_wait`.execute(trx);
    try {
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
      await sql`RELEASE SAVEPOINT sanwu_wait`.execute(trx);
      break;
    } catch (e) {
      if (sqlState(e) !== LOCK_NOT_AVAILABLE) throw e;
      await sql`ROLLBACK TO SAVEPOINT sanwu_wait`.execute(trx);
    }
  }
  await sql`SET LOCAL lock_timeout = 0`.execute(trx);
}

export interface PostgresOpenOptions {
  /** the writer's bounded wait (tests shorten it) */
  waitMs?: number;
  /** where a server archive keeps local copies of files it hands out (FileStore.localPath) */
  cacheDir: string;
}

export async function openPostgresDatabase(url: string, options: PostgresOpenOptions): Promise<Database> {
  const readerPool = createPool(url, { readOnly: true, max: 4 });
  const writerPool = createPool(url, { max: 4 });
  const engine = postgresEngine({ writerPool, readerPool, cacheDir: options.cacheDir });
  const read = kyselyOnPool(readerPool, engine);
  const writer = kyselyOnPool(writerPool, engine);
  try {
    await sql`SELECT 1`.execute(read);
  } catch (e) {
    await Promise.allSettled([read.destroy(), writer.destroy()]);
    throw connectionError(e, url);
  }
  return databaseOf({
    engine,
    reader: read,
    writer,
    steps: {
      begin: async (conn, waiting) => {
        await sql`BEGIN`.execute(conn);
        await takeWriteLock(conn, waiting);
      },
      commit: async (conn) => void (await sql`COMMIT`.execute(conn)),
      rollback: async (conn) => void (await sql`ROLLBACK`.execute(conn).catch(() => {})),
      failure: (e) => connectionError(e, url),
    },
    waitMs: options.waitMs,
    close: async () => {
      await Promise.allSettled([read.destroy(), writer.destroy()]);
    },
  });
}
