// An archive's SQLite database as two connections: the writer (one transaction at a time, waiting its
// turn behind writers in this process and in others) and a reader beside it (WAL: it sees only what
// has been committed, and never waits for a write to finish).
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../handles';
import { databaseOf, stillWaiting, type Waiting } from '../turns';
import { openReader, openWriter } from './connection';
import { dirname, join } from 'node:path';
import { kyselyOn, withRaw } from './driver';
import { sqliteEngine } from './engine';
import { diskFileStore } from './files';

const isBusy = (e: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((e as { code?: string }).code ?? '');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * BEGIN IMMEDIATE takes SQLite's write lock now, or fails at once if another connection holds it:
 * retried until it is free, soon (SQLite cannot say when it is released: a long pause would leave the
 * lock idle between writers of many processes, a try costs next to nothing).
 */
async function beginImmediate(raw: BetterSqlite3.Database, waiting: Waiting): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      raw.exec('BEGIN IMMEDIATE');
      return;
    } catch (e) {
      if (!isBusy(e)) throw e;
    }
    waiting.told();
    stillWaiting(waiting, '另一个操作（其他窗口或命令）');
    await pause(Math.min(5 * 2 ** attempt, 40));
  }
}

export interface SqliteOpenOptions {
  create: boolean;
  /** the writer's bounded wait (tests shorten it) */
  waitMs?: number;
  /** the attachments' folder (default: files/ beside the database file) */
  filesDir?: string;
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
  const engine = sqliteEngine(diskFileStore(options.filesDir ?? join(dirname(file), 'files')));
  const writer = kyselyOn(writerRaw, engine);
  const reader = kyselyOn(readerRaw, engine);
  return databaseOf({
    engine,
    reader,
    writer,
    steps: {
      begin: (conn, waiting) => withRaw(conn, (raw) => beginImmediate(raw, waiting)),
      commit: (conn) => withRaw(conn, (raw) => void raw.exec('COMMIT')),
      rollback: (conn) =>
        withRaw(conn, (raw) => {
          if (raw.inTransaction) raw.exec('ROLLBACK');
        }),
    },
    waitMs: options.waitMs,
    close: async () => {
      await reader.destroy();
      await writer.destroy();
    },
  });
}
