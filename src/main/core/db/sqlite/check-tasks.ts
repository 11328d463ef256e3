// The inspection's database tasks as the check's worker thread runs them: on a read-only connection of
// its own, from source text (the worker evaluates it; see check/check-worker.ts).
import { createRequire } from 'node:module';
import { verifyChain } from './audit-chain';
import { findDiscrepancies, reconcileQueries, type ReconcileQueries } from './reconcile';
import { databaseSelfTest } from './self-test';
import { SCAN_PRAGMAS } from './snapshot';

/**
 * Defines, in the worker, `openCheckedDatabase()`, `databaseSelfTest(db, full)`,
 * `verifyChain(db, hash, v1Hash, v2Hash, genesis)` and `findDiscrepancies(db, queries)`; reads
 * `w.engine` (checkTasksData's value).
 */
export const CHECK_TASKS_SOURCE = `
const verifyChain = ${verifyChain.toString()};
const databaseSelfTest = ${databaseSelfTest.toString()};
const findDiscrepancies = ${findDiscrepancies.toString()};
const openCheckedDatabase = () => {
  const Database = require(w.engine.module);
  const db = new Database(w.engine.path, { readonly: true, fileMustExist: true });
  for (const p of w.engine.pragmas) db.pragma(p);
  return db;
};
`;

/** What the worker needs to open `file` itself (plain data: it crosses to the thread). */
export function checkTasksData(file: string): { module: string; path: string; pragmas: string[]; reconcile: ReconcileQueries } {
  return { module: createRequire(import.meta.url).resolve('better-sqlite3'), path: file, pragmas: SCAN_PRAGMAS, reconcile: reconcileQueries() };
}
