// Opens archive.sqlite with the pragmas the archive relies on, and recognises our files.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SanwuError } from '../../../shared/errors';
import { registerGrams } from './grams';
import type { DB } from './schema';

/** 'SANW' — marks a SQLite file as a Sanwu archive. */
export const APPLICATION_ID = 0x53414e57;

export function openSqlite(file: string, create: boolean): Database.Database {
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
    sqlite.pragma('busy_timeout = 5000');
    registerGrams(sqlite);
    return sqlite;
  } catch (e) {
    if (e instanceof SanwuError) throw e;
    try {
      sqlite.close();
    } catch {
      // already unusable
    }
    throw new SanwuError(
      'ARCHIVE_CORRUPT',
      `档案库文件 ${file} 已损坏或不是数据库（${(e as Error).message}），未做任何修改。请用 sanwu restore 从备份恢复。`,
    );
  }
}

export function kyselyOver(sqlite: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}
