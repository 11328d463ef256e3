// Brings an archive to the app's schema: refuses newer archives, backs up before migrating.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { SanwuError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';
import type { DB } from './schema';

export const SCHEMA_VERSION = MIGRATIONS.length;

export type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>;

function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM kysely_migration ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export interface MigrationPlan {
  applied: string[];
  pending: string[];
}

export function planMigrations(sqlite: Database.Database, migrations: MigrationList = MIGRATIONS): MigrationPlan {
  const applied = appliedMigrations(sqlite);
  const known = new Set(migrations.map(([name]) => name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new SanwuError(
      'ARCHIVE_NEWER',
      `这个档案库由更新版本的三务档案创建（含本版本不认识的结构 ${unknown.join('、')}），为防止损坏已拒绝打开。请升级软件后再打开。`,
    );
  }
  const done = new Set(applied);
  return { applied, pending: migrations.map(([n]) => n).filter((n) => !done.has(n)) };
}

export async function runMigrations(db: Kysely<DB>, sqlite: Database.Database, list: MigrationList = MIGRATIONS): Promise<string[]> {
  const migrations: Record<string, Migration> = Object.fromEntries(list);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new SanwuError('INTERNAL', `升级档案库结构失败：${(error as Error).message ?? String(error)}。档案库未被修改。`);
  }
  sqlite.pragma(`user_version = ${list.length}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
