// Brings an archive to the app's schema in ONE transaction (SQLite's DDL is transactional): an
// interrupted upgrade or creation leaves the old schema or the new, never a half. Refuses newer archives.
import { sql } from 'kysely';
import { SanwuError } from '../../../../shared/errors';
import type { Database, Statements } from '../handles';
import { planOf, type MigrateOptions, type MigrationList, type MigrationPlan } from '../migrate';
import { MIGRATIONS } from '../migrations';
import { readSql, writeSql } from './sql';

/** Kysely's bookkeeping tables, as its Migrator created them in archives made before this runner. */
const BOOKKEEPING = [
  `create table if not exists "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null)`,
  `create table if not exists "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null)`,
  `insert or ignore into "kysely_migration_lock" ("id", "is_locked") values ('migration_lock', 0)`,
];

function appliedMigrations(q: Statements): string[] {
  if (!q.value(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)) return [];
  return q.values<string>(`SELECT name FROM kysely_migration ORDER BY name`);
}

export function planFrom(q: Statements, migrations: MigrationList = MIGRATIONS): MigrationPlan {
  return planOf(appliedMigrations(q), migrations);
}

export function planMigrations(db: Database, migrations: MigrationList = MIGRATIONS): Promise<MigrationPlan> {
  return readSql(db.read, (q) => planFrom(q, migrations));
}


/** Applies every pending migration, and `initialize`, in one transaction. Returns the names applied. */
export async function runMigrations(db: Database, list: MigrationList = MIGRATIONS, options: MigrateOptions = {}): Promise<string[]> {
  const plan = await planMigrations(db, list);
  if (plan.pending.length === 0 && !options.initialize) return [];
  if (plan.pending.length > 0 && plan.applied.length > 0) await options.beforeUpgrade?.(plan);
  return db.write.transaction(async (trx) => {
    // Planned again under the write lock: another process may have upgraded meanwhile.
    const { pending } = await writeSql(trx, (q) => {
      for (const statement of BOOKKEEPING) q.run(statement);
      return planFrom(q, list);
    });
    const byName = new Map(list);
    try {
      for (const name of pending) {
        await byName.get(name)!.up(trx);
        await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(trx);
      }
    } catch (e) {
      throw new SanwuError('INTERNAL', `升级档案库结构失败：${(e as Error).message ?? String(e)}。档案库未被修改。`);
    }
    await writeSql(trx, (q) => q.run(`PRAGMA user_version = ${list.length}`));
    await options.initialize?.(trx);
    return pending;
  });
}
