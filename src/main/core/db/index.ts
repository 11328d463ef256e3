// The one door to the database for the rest of core: handle types, raw statements inside Kysely's
// locks, and the few engine seams (locking, backup, consistency check, long reads). SQLite is the
// engine today (./sqlite); another engine plugs in behind these same functions.
import type { hash } from 'node:crypto';
import type { AuditFields } from '../audit-log/append';
import type { ChainVerdict } from '../audit-log/verify';
import type { ReadDb } from './handles';
import { verifyChain } from './sqlite/audit-chain';
import { withRaw } from './sqlite/driver';

export type { CommitHooks, Database, ReadDb, Reader, SqlParams, Statements, Trx, WriteDb, WriteStatements } from './handles';
export { openSqliteDatabase as openDatabase, WAITING_PHASE } from './sqlite/open';
export { planMigrations, runMigrations, type MigrationPlan } from './sqlite/migrate';
export { readSql, writeSql } from './sqlite/sql';
export { openSnapshot, streamRows, withSnapshot, type Snapshot } from './sqlite/snapshot';
export { copyDatabase } from './sqlite/backup';
export { databaseFileProblem } from './sqlite/inspect';
export { databaseSelfTestHere } from './sqlite/self-test';
export { CHECK_TASKS_SOURCE, checkTasksData } from './sqlite/check-tasks';

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
