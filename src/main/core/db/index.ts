// The one door to the database for the rest of core: handle types, opening either engine, migrations,
// and the seams where the engines differ (db/engine.ts, reached through any handle with engineOf).
// Raw SQLite statements (readSql/writeSql, snapshots) are for SQLite-only code: the check's SQLite
// inspection and the engine itself.
import type { Database } from './handles';
import type { MigrateOptions, MigrationList, MigrationPlan } from './migrate';
import { planPostgresMigrations, runPostgresMigrations } from './postgres/migrate';
import { planMigrations as planSqliteMigrations, runMigrations as runSqliteMigrations } from './sqlite/migrate';

export type { CommitHooks, Database, ReadDb, Reader, SqlParams, Statements, Trx, WriteDb, WriteStatements } from './handles';
export { engineOf, type Engine, type FileStore, type StoredFile } from './engine';
export { isServerLocation, redactUrl, type EngineKind } from './location';
export type { MigrationPlan } from './migrate';
export { openSqliteDatabase as openDatabase } from './sqlite/open';
export { WAITING_PHASE } from './turns';
export { openPostgresDatabase } from './postgres/open';
export { readSql, writeSql } from './sqlite/sql';
export { openSnapshot, withSnapshot, type Snapshot } from './sqlite/snapshot';
export { copyDatabase } from './sqlite/backup';
export { databaseFileProblem } from './sqlite/inspect';
export { databaseSelfTestHere } from './sqlite/self-test';
export { CHECK_TASKS_SOURCE, checkTasksData } from './sqlite/check-tasks';

/** The pending and applied migrations of the database's engine (`list`: that engine's, by default). */
export function planMigrations(db: Database, list?: MigrationList): Promise<MigrationPlan> {
  return db.engine.kind === 'postgres' ? planPostgresMigrations(db, list) : planSqliteMigrations(db, list);
}

/** Applies every pending migration of the database's engine, and `initialize`, in one transaction. */
export function runMigrations(db: Database, list?: MigrationList, options: MigrateOptions = {}): Promise<string[]> {
  return db.engine.kind === 'postgres' ? runPostgresMigrations(db, list, options) : runSqliteMigrations(db, list, options);
}
