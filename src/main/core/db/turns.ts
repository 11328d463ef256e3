// Writers take turns, on either engine: one write transaction at a time per archive, each waiting
// (bounded, saying so once, cancellable) for the one before — in this process or in another. The engine
// says how to begin (taking its write lock, however long that takes), commit and roll back.
import type { Kysely } from 'kysely';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { Engine } from './engine';
import type { CommitHooks, Database, ReadDb, TransactionHooks, Trx, WriteDb } from './handles';
import type { DB } from './schema';

/** How long a writer waits for another before giving up (bounded; the user may cancel sooner). */
export const WRITER_WAIT_MS = 10 * 60_000;

export const WAITING_PHASE = '等待其他操作完成';

/** A writer's wait for its turn: what it was asked, since when, how long it may wait. */
export interface Waiting {
  opts: LongTaskOptions;
  started: number;
  waitMs: number;
  /** says, once, that the writer waits */
  told(): void;
}

/** The refusal once a writer has waited its bound, or cancel if it was cancelled meanwhile. */
export function stillWaiting(w: Waiting, who: string): void {
  if (w.opts.signal?.aborted) throw cancelled();
  if (Date.now() - w.started > w.waitMs) {
    throw new SanwuError(
      'CONFLICT',
      `${who}正在写入档案库，等了 ${Math.round(w.waitMs / 60_000)} 分钟仍未结束，本次操作未执行，档案库未改动。请等它完成后再试。`,
    );
  }
}

export interface TurnSteps {
  begin(conn: Trx, waiting: Waiting): Promise<void>;
  commit(conn: Trx): Promise<void>;
  rollback(conn: Trx): Promise<void>;
  /** an engine's own reading of what went wrong (a server that went away …) */
  failure?(e: unknown): unknown;
}

export function writerTurns(writer: Kysely<DB>, steps: TurnSteps, waitMs = WRITER_WAIT_MS): WriteDb & { setCommitHooks(h: CommitHooks): void } {
  let hooks: CommitHooks = { begin: async () => ({}) };
  /** writers of this process queued or running: the next one says it waits */
  let writers = 0;

  async function transaction<T>(fn: (trx: Trx) => Promise<T>, opts: LongTaskOptions = {}): Promise<T> {
    let said = false;
    const waiting: Waiting = {
      opts,
      started: Date.now(),
      waitMs,
      told: () => {
        if (said) return;
        said = true;
        opts.onProgress?.({ phase: WAITING_PHASE, done: 0, total: 1 });
      },
    };
    if (writers > 0) waiting.told();
    writers++;
    let mine: TransactionHooks = {};
    try {
      const value = await writer.connection().execute(
        async (conn) => {
          await steps.begin(conn, waiting);
          try {
            mine = await hooks.begin(conn);
            const result = await fn(conn);
            await mine.beforeCommit?.(conn);
            await steps.commit(conn);
            return result;
          } catch (e) {
            await steps.rollback(conn);
            throw e;
          }
        },
        { signal: opts.signal },
      );
      mine.afterCommit?.();
      return value;
    } catch (e) {
      if (opts.signal?.aborted && !(e instanceof SanwuError)) throw cancelled();
      throw steps.failure ? steps.failure(e) : e;
    } finally {
      writers--;
    }
  }

  return { transaction, setCommitHooks: (h) => void (hooks = h) };
}

/** An open database of either engine: its reader, and its writer whose transactions take turns through `steps`. */
export function databaseOf(parts: { engine: Engine; reader: Kysely<DB>; writer: Kysely<DB>; steps: TurnSteps; waitMs?: number; close(): Promise<void> }): Database {
  const turns = writerTurns(parts.writer, parts.steps, parts.waitMs);
  return { engine: parts.engine, read: parts.reader as unknown as ReadDb, write: { transaction: turns.transaction }, setCommitHooks: turns.setCommitHooks, close: parts.close };
}
