// The one door to the database for the rest of core: handle types, opening either engine, migrations,
// and the seams where the engines differ (db/engine.ts, reached through any handle with engineOf).
// Raw SQLite statements (readSql/writeSql, snapshots) are for SQLite-only code: the check's SQLite
// inspection and the engine itself.
import type { Database } from './handles';
import type { MigrateOptions, MigrationList, MigrationPlan } from './migrate';
import { planPostgresMigrations, runPostgresMigrations } from './postgres/migrate';
import { planMigrations as planSqliteMigrations, runMigrations as runSqliteMigrations } from './sqlite/migrate';
import { sql, type RawBuilder } from 'kysely';
import { STATES, type StateEntity } from '../audit-log/states';
import { engineOf } from './engine';
import type { ReadDb, Trx } from './handles';
import { withRaw } from './sqlite/driver';
import { findDiscrepancies, reconcileQueries, type Discrepancy } from './sqlite/reconcile';

export type { CommitHooks, Database, ReadDb, Reader, SqlParams, Statements, Trx, WriteDb, WriteStatements } from './handles';
export { engineOf, type BulkIndexing, type Engine, type FileStore, type StoredFile } from './engine';
export { isServerLocation, redactUrl, type EngineKind } from './location';
export type { MigrationPlan } from './migrate';
export { openSqliteDatabase as openDatabase } from './sqlite/open';
export { WAITING_PHASE } from './turns';
export { openPostgresDatabase } from './postgres/open';
export { readSql, writeSql } from './sqlite/sql';
export { openSnapshot, withSnapshot, type Snapshot } from './sqlite/snapshot';
export { copyDatabase } from './sqlite/backup';
export { auditArchiveFile, databaseFileProblem, type ArchiveFileAudit, type ChainHashers } from './sqlite/inspect';
export { databaseSelfTestHere } from './sqlite/self-test';
export { CHECK_TASKS_SOURCE, checkTasksData } from './sqlite/check-tasks';
export { stateSql } from './sqlite/states';
export type { Discrepancy } from './sqlite/reconcile';

/** The pending and applied migrations of the database's engine (`list`: that engine's, by default). */
export function planMigrations(db: Database, list?: MigrationList): Promise<MigrationPlan> {
  return db.engine.kind === 'postgres' ? planPostgresMigrations(db, list) : planSqliteMigrations(db, list);
}

/** Applies every pending migration of the database's engine, and `initialize`, in one transaction. */
export function runMigrations(db: Database, list?: MigrationList, options: MigrateOptions = {}): Promise<string[]> {
  return db.engine.kind === 'postgres' ? runPostgresMigrations(db, list, options) : runSqliteMigrations(db, list, options);
}

/** Reconciliation on this thread, holding the reader (when the check's worker cannot run it). */
export function reconcileHere(db: ReadDb): Promise<Discrepancy[]> {
  return withRaw(db, (raw) => findDiscrepancies(raw, reconcileQueries()));
}

/**
 * The recorded state of `entity`'s row (for RETURNING or a SELECT list) on the engine `db` runs on: the
 * text the audit log stores, byte for byte the same on both engines (db/engine.ts stateSql).
 */
export function stateColumn(db: unknown, entity: StateEntity): RawBuilder<string> {
  return sql<string>`${sql.raw(engineOf(db).stateSql(entity))}`;
}

/** The recorded state of the row `id` of `entity` as the transaction sees it now. */
export async function stateOf(trx: Trx, entity: StateEntity, id: number): Promise<string> {
  const row = await sql<{ state: string }>`SELECT ${stateColumn(trx, entity)} AS state FROM ${sql.table(STATES[entity].table)} WHERE id = ${id}`.execute(trx);
  return row.rows[0]!.state;
}
