// Opens archive.sqlite with the pragmas the archive relies on, and recognises our files.
import Database from 'better-sqlite3';
import { SanwuError } from '../../../../shared/errors';
import { gramsOf } from '../grams';

/** 'SANW' — marks a SQLite file as a Sanwu archive. */
export const APPLICATION_ID = 0x53414e57;

/** Search and reports read most of the records table: a larger page cache and memory-mapped reads
 * keep 200,000 records in memory instead of re-reading 2 MB at a time (bench/engine.bench.ts). */
const READ_PRAGMAS = ['cache_size = -65536', 'mmap_size = 268435456'];

/** The search index's triggers call this: every connection that may write records registers it. */
function registerGrams(sqlite: Database.Database): void {
  sqlite.function('sanwu_grams', { deterministic: true, varargs: true }, (...texts: unknown[]) =>
    gramsOf(...texts.map((t) => (typeof t === 'string' ? t : null))),
  );
}

function closeQuietly(sqlite: Database.Database): void {
  try {
    sqlite.close();
  } catch {
    // already unusable
  }
}

/**
 * The writer connection. `create`: an empty new file becomes ours (application_id set). A file that is
 * not ours, or not a database, is refused untouched.
 */
export function openWriter(file: string, create: boolean): Database.Database {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: !create });
  } catch (e) {
    throw new SanwuError('NOT_AN_ARCHIVE', `无法打开档案库文件 ${file}：${(e as Error).message}。请检查路径是否正确。`);
  }
  try {
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
    if (appId !== APPLICATION_ID) {
      if (appId === 0 && tables.n === 0 && create) {
        sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      } else {
        sqlite.close();
        throw new SanwuError(
          'NOT_AN_ARCHIVE',
          `${file} 不是三务档案的档案库（文件标识不符），已拒绝打开，未做任何修改。请用 --db 指向由 sanwu init 创建的档案文件夹。`,
        );
      }
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    // Writers wait their turn in JavaScript (open.ts), with progress and cancel, never blocked in SQLite.
    sqlite.pragma('busy_timeout = 0');
    for (const p of READ_PRAGMAS) sqlite.pragma(p);
    registerGrams(sqlite);
    return sqlite;
  } catch (e) {
    if (e instanceof SanwuError) throw e;
    closeQuietly(sqlite);
    throw new SanwuError(
      'ARCHIVE_CORRUPT',
      `档案库文件 ${file} 已损坏或不是数据库（${(e as Error).message}），未做任何修改。请用 sanwu restore 从备份恢复。`,
    );
  }
}

/** A reader beside the writer: WAL lets it read the last committed state while a write is open. */
export function openReader(file: string): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('query_only = ON');
    sqlite.pragma('busy_timeout = 5000');
    for (const p of READ_PRAGMAS) sqlite.pragma(p);
    return sqlite;
  } catch (e) {
    closeQuietly(sqlite);
    throw e;
  }
}

/**
 * A database file opened only to look at it (the check's worker, a snapshot). `readonly: false` for a
 * file no archive has open (a backup being restored): a WAL file cannot be read without its -shm.
 */
export function openForInspection(file: string, readonly = true): Database.Database {
  return new Database(file, { readonly, fileMustExist: true });
}
