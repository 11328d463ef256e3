// An archive's SQLite database as two connections: the writer (one transaction at a time, waiting its
// turn behind writers in this process and in others) and a reader beside it (WAL: it sees only what
// has been committed, and never waits for a write to finish).
import type BetterSqlite3 from 'better-sqlite3';
import type { LongTaskOptions } from '../../../../shared/domain';
import { cancelled, SanwuError } from '../../../../shared/errors';
import type { CommitHooks, Database, ReadDb, TransactionHooks, Trx } from '../handles';
import { openReader, openWriter } from './connection';
import { kyselyOn, withRaw } from './driver';

/** How long a writer waits for another before giving up (bounded; the user may cancel sooner). */
export const WRITER_WAIT_MS = 10 * 60_000;

export const WAITING_PHASE = '等待其他操作完成';

const isBusy = (e: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BEGIN IMMEDIATE takes SQLite's write lock now, or fails at once if another connection holds it: retried until it is free. */
async function beginImmediate(raw: BetterSqlite3.Database, opts: LongTaskOptions, started: number, waitMs: number, told: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      raw.exec('BEGIN IMMEDIATE');
      return;
    } catch (e) {
      if (!isBusy(e)) throw e;
    }
    told();
    if (opts.signal?.aborted) throw cancelled();
    if (Date.now() - started > waitMs) {
      throw new SanwuError(
        'CONFLICT',
        `另一个操作（其他窗口或命令）正在写入档案库，等了 ${Math.round(waitMs / 60_000)} 分钟仍未结束，本次操作未执行，档案库未改动。请等它完成后再试。`,
      );
    }
    await pause(Math.min(20 * 2 ** attempt, 250));
  }
}

export interface SqliteOpenOptions {
  create: boolean;
  /** the writer's bounded wait (tests shorten it) */
  waitMs?: number;
}

export function openSqliteDatabase(file: string, options: SqliteOpenOptions): Database {
  const writerRaw = openWriter(file, options.create);
  let readerRaw: BetterSqlite3.Database;
  try {
    readerRaw = openReader(file);
  } catch (e) {
    writerRaw.close();
    throw e;
  }
  const writer = kyselyOn(writerRaw);
  const reader = kyselyOn(readerRaw);
  const waitMs = options.waitMs ?? WRITER_WAIT_MS;
  let hooks: CommitHooks = { begin: async () => ({}) };
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
    let mine: TransactionHooks = {};
    try {
      const value = await writer
        .connection()
        .execute(async (conn) => {
          await withRaw(conn, (raw) => beginImmediate(raw, opts, started, waitMs, told));
          try {
            mine = await hooks.begin(conn);
            const result = await fn(conn);
            await mine.beforeCommit?.(conn);
            await withRaw(conn, (raw) => raw.exec('COMMIT'));
            return result;
          } catch (e) {
            await withRaw(conn, (raw) => raw.inTransaction && raw.exec('ROLLBACK'));
            throw e;
          }
        }, { signal: opts.signal })
        .catch((e: unknown) => {
          if (opts.signal?.aborted && !(e instanceof SanwuError)) throw cancelled();
          throw e;
        });
      mine.afterCommit?.();
      return value;
    } finally {
      writers--;
    }
  }

  return {
    read: reader as unknown as ReadDb,
    write: { transaction },
    setCommitHooks: (h) => void (hooks = h),
    close: async () => {
      await reader.destroy();
      await writer.destroy();
    },
  };
}
