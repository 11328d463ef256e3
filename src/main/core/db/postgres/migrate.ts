// Brings a server archive to the app's schema in ONE transaction (PostgreSQL's DDL is transactional)
// under the write lock, so two clerks starting the app at once never both upgrade it. A database that
// holds something else is refused untouched; a new archive's database must class Chinese characters as
// letters (its LC_CTYPE), or search could not find them.
import { sql, type Kysely } from 'kysely';
import type { LongTaskOptions } from '../../../../shared/domain';
import { SanwuError } from '../../../../shared/errors';
import type { Database } from '../handles';
import { planOf, type MigrateOptions, type MigrationList, type MigrationPlan } from '../migrate';
import type { DB } from '../schema';
import { PG_MIGRATIONS } from './migrations';

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`;

const tableExists = async (db: Kysely<DB>, name: string): Promise<boolean> =>
  (await sql<{ ok: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS ok`.execute(db)).rows[0]!.ok;

/** What the database holds: nothing, one of our archives, or something else. */
export async function databaseState(db: Kysely<DB>): Promise<'empty' | 'archive' | 'foreign'> {
  if (await tableExists(db, 'kysely_migration')) return (await tableExists(db, 'street_office')) ? 'archive' : 'foreign';
  const tables = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(db);
  return tables.rows[0]!.n === 0 ? 'empty' : 'foreign';
}

async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  if (!(await tableExists(db, 'kysely_migration'))) return [];
  return (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);
}

export async function planPostgresMigrations(db: Database, list: MigrationList = PG_MIGRATIONS): Promise<MigrationPlan> {
  return planOf(await appliedMigrations(db.read as unknown as Kysely<DB>), list);
}

/** Refuses a database whose encoding or character classes would break Chinese search. */
async function requireChineseLetters(trx: Kysely<DB>): Promise<void> {
  const info = (await sql<{ encoding: string; ctype: string; name: string }>`
    SELECT pg_encoding_to_char(encoding) AS encoding, datctype AS ctype, datname AS name FROM pg_database WHERE datname = current_database()`.execute(trx)).rows[0]!;
  const fix = `请用 createdb -E UTF8 --locale=C.UTF-8 -T template0 新建数据库（或由管理员按 README 建库）后再运行 sanwu init。`;
  if (info.encoding !== 'UTF8') {
    throw new SanwuError('INVALID_INPUT', `数据库“${info.name}”的编码是 ${info.encoding}，不能存放中文档案，未建立档案库。${fix}`);
  }
  const trigrams = (await sql<{ n: number }>`SELECT cardinality(show_trgm('档案馆')) AS n`.execute(trx)).rows[0]!.n;
  if (trigrams === 0) {
    throw new SanwuError(
      'INVALID_INPUT',
      `数据库“${info.name}”的字符分类（LC_CTYPE=${info.ctype}）不把汉字当作文字，中文检索将无法工作，未建立档案库。${fix}`,
    );
  }
}

/** Applies the pending migrations inside `trx` (which holds the write lock). Returns the names applied. */
async function applyMigrations(trx: Kysely<DB>, list: MigrationList): Promise<string[]> {
  // Planned again under the write lock: another clerk's app may have upgraded meanwhile.
  const state = await databaseState(trx);
  if (state === 'foreign') {
    throw new SanwuError('NOT_AN_ARCHIVE', '这个数据库里已有别的数据，不是三务档案库，已拒绝使用，未做任何修改。请换一个空数据库。');
  }
  const { pending } = planOf(await appliedMigrations(trx), list);
  const byName = new Map(list);
  try {
    await sql.raw(BOOKKEEPING).execute(trx);
    for (const name of pending) {
      await byName.get(name)!.up(trx);
      if (name === list[0]![0] && state === 'empty') await requireChineseLetters(trx);
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(trx);
    }
  } catch (e) {
    if (e instanceof SanwuError) throw e;
    throw new SanwuError('INTERNAL', `升级档案库结构失败：${(e as Error).message ?? String(e)}。档案库未被修改。`);
  }
  return pending;
}

/** Applies every pending migration, and `initialize`, in one transaction. Returns the names applied. */
export async function runPostgresMigrations(db: Database, list: MigrationList = PG_MIGRATIONS, options: MigrateOptions = {}): Promise<string[]> {
  const plan = await planPostgresMigrations(db, list);
  if (plan.pending.length === 0 && !options.initialize) return [];
  if (plan.pending.length > 0 && plan.applied.length > 0) await options.beforeUpgrade?.(plan);
  return db.write.transaction(async (trx) => {
    const pending = await applyMigrations(trx, list);
    await options.initialize?.(trx);
    return pending;
  });
}

/** Every table and function of the archive in this database's schema (the extension's own kept). */
async function dropArchive(trx: Kysely<DB>): Promise<void> {
  const tables = (await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(trx)).rows;
  if (tables.length > 0) await sql`DROP TABLE ${sql.join(tables.map((t) => sql.table(t.name)))} CASCADE`.execute(trx);
  const functions = (await sql<{ signature: string }>`SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`.execute(trx)).rows;
  for (const f of functions) await sql.raw(`DROP FUNCTION IF EXISTS ${f.signature} CASCADE`).execute(trx);
}

/**
 * The archive in this database replaced in ONE transaction (a restore onto the server): what is there
 * dropped, the schema created anew, then `fill` — so a crash or a refusal at any point leaves the old
 * archive whole. A database holding something else is refused untouched.
 */
export function replaceServerArchive<T>(db: Database, fill: (trx: Kysely<DB>) => Promise<T>, opts?: LongTaskOptions): Promise<T> {
  return db.write.transaction(async (trx) => {
    const state = await databaseState(trx);
    if (state === 'foreign') {
      throw new SanwuError('NOT_AN_ARCHIVE', '这个数据库里已有别的数据，不是三务档案库，已拒绝使用，未做任何修改。请换一个空数据库。');
    }
    if (state === 'archive') await dropArchive(trx);
    await applyMigrations(trx, PG_MIGRATIONS);
    return fill(trx);
  }, opts);
}
