// The one door to the database for the rest of core: handle types, raw statements inside Kysely's
// locks, and the few engine seams (locking, backup, consistency check, long reads). SQLite is the
// engine today (./sqlite); another engine plugs in behind these same functions.
import type { hash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { AuditFields } from '../audit-log/append';
import { STATES, type StateEntity } from '../audit-log/states';
import type { ChainVerdict } from '../audit-log/verify';
import type { ReadDb, Trx } from './handles';
import { verifyChain } from './sqlite/audit-chain';
import { withRaw } from './sqlite/driver';
import { findDiscrepancies, reconcileQueries, type Discrepancy } from './sqlite/reconcile';
import { stateSql } from './sqlite/states';

export type { CommitHooks, Database, ReadDb, Reader, SqlParams, Statements, Trx, WriteDb, WriteStatements } from './handles';
export { openSqliteDatabase as openDatabase, WAITING_PHASE } from './sqlite/open';
export { planMigrations, runMigrations, type MigrationPlan } from './sqlite/migrate';
export { readSql, writeSql } from './sqlite/sql';
export { openSnapshot, streamRows, withSnapshot, type Snapshot } from './sqlite/snapshot';
export { copyDatabase } from './sqlite/backup';
export { auditArchiveFile, databaseFileProblem, type ArchiveFileAudit, type ChainHashers } from './sqlite/inspect';
export { databaseSelfTestHere } from './sqlite/self-test';
export { CHECK_TASKS_SOURCE, checkTasksData } from './sqlite/check-tasks';
export { stateSql } from './sqlite/states';
export { beginBulkIndexing, withBulkCache, type BulkIndexing } from './sqlite/bulk-index';
export type { Discrepancy } from './sqlite/reconcile';

/** The audit chain walked on this thread, holding the reader. */
export function walkAuditChain(
  db: ReadDb,
  hashFn: typeof hash,
  v1Hash: (prevHash: string, fields: AuditFields) => string,
  v2Hash: (prevHash: string, fields: AuditFields) => string,
  genesis: string,
): Promise<ChainVerdict> {
  return withRaw(db, (raw) => verifyChain(raw, hashFn, v1Hash, v2Hash, genesis));
}

/** Reconciliation on this thread, holding the reader (when the check's worker cannot run it). */
export function reconcileHere(db: ReadDb): Promise<Discrepancy[]> {
  return withRaw(db, (raw) => findDiscrepancies(raw, reconcileQueries()));
}

/** The recorded state of `entity`'s row (for RETURNING or a SELECT list): text the audit log stores. */
export function stateColumn(entity: StateEntity): RawBuilder<string> {
  return sql<string>`${sql.raw(stateSql(entity))}`;
}

/** The recorded state of the row `id` of `entity` as the transaction sees it now. */
export async function stateOf(trx: Trx, entity: StateEntity, id: number): Promise<string> {
  const row = await sql<{ state: string }>`SELECT ${sql.raw(stateSql(entity))} AS state FROM ${sql.table(STATES[entity].table)} WHERE id = ${id}`.execute(trx);
  return row.rows[0]!.state;
}
