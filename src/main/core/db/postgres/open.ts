// An archive's PostgreSQL database: a pool of readers that cannot write (MVCC: they see only committed
// rows and never wait for a writer) and a pool of writers. A write transaction takes the archive's
// write lock first — one advisory lock, the audit chain's — so writers take turns as on SQLite, from
// any number of processes and machines, waiting (bounded, with progress and cancel) for the one before.
import { sql, type Kysely } from 'kysely';
import type { LongTaskOptions } from '../../../../shared/domain';
import { cancelled, SanwuError } from '../../../../shared/errors';
import type { CommitHooks, Database, ReadDb, Trx } from '../handles';
import type { DB } from '../schema';
import { connectionError, createPool, kyselyOnPool, sqlState } from './connect';
import { postgresEngine } from './engine';

/** How long a writer waits for another before giving up (bounded; the user may cancel sooner). */
export const WRITER_WAIT_MS = 10 * 60_000;

export const WAITING_PHASE = '等待其他操作完成';

/** The advisory lock every writer holds for its transaction: 'SANW', as SQLite's application_id. */
export const WRITE_LOCK = 0x53414e57;

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Takes the write lock inside the open transaction. The first try does not wait; after that the wait
 * is in slices (a savepoint each), so progress is told once and cancel and the bound are honoured.
 */
async function takeWriteLock(trx: Kysely<DB>, opts: LongTaskOptions, started: number, waitMs: number, told: () => void): Promise<void> {
  const first = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${WRITE_LOCK}) AS ok`.execute(trx);
  if (first.rows[0]!.ok) return;
  told();
  await sql`SET LOCAL lock_timeout = '250ms'`.execute(trx);
  for (;;) {
    if (opts.signal?.aborted) throw cancelled();
    if (Date.now() - started > waitMs) {
      throw new SanwuError(
        'CONFLICT',
        `另一位用户或另一个操作正在写入档案库，等了 ${Math.round(waitMs / 60_000)} 分钟仍未结束，本次操作未执行，档案库未改动。请等它完成后再试。`,
      );
    }
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
  const waitMs = options.waitMs ?? WRITER_WAIT_MS;
  let hooks: CommitHooks = {};
  /** writers of this process queued or running: the next one says it waits */
  let writers = 0;

  async function transaction<T>(fn: (trx: Trx) => Promise<T>, opts: LongTaskOptions = {}): Promise<T> {
    const started = Date.now();
    let said = false;
    const told = () => {
      if (said) return;
      said = true;
      opts.onProgress?.({ phase: WAITING_PHASE, done: 0, total: 1 });
    };
    if (writers > 0) told();
    writers++;
    try {
      const value = await writer.connection().execute(async (conn) => {
        await sql`BEGIN`.execute(conn);
        try {
          await takeWriteLock(conn, opts, started, waitMs, told);
          const result = await fn(conn);
          await hooks.beforeCommit?.(conn);
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (e) {
          await sql`ROLLBACK`.execute(conn).catch(() => {});
          throw e;
        }
      });
      hooks.afterCommit?.();
      return value;
    } catch (e) {
      if (opts.signal?.aborted && !(e instanceof SanwuError)) throw cancelled();
      throw connectionError(e, url);
    } finally {
      writers--;
    }
  }

  return {
    engine,
    read: read as unknown as ReadDb,
    write: { transaction },
    setCommitHooks: (h) => void (hooks = h),
    close: async () => {
      await Promise.allSettled([read.destroy(), writer.destroy()]);
    },
  };
}
