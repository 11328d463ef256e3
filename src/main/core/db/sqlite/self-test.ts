// The database file's self-test. By default `PRAGMA quick_check` of the stored tables: every page of
// each b-tree, its structure and its NOT NULL/CHECK/type constraints. Left out are virtual tables (FTS5's
// check re-reads the whole search index and cost more than all stored tables together; the search index
// is derived data whose own pages are checked as its shadow tables) and the audit log, whose every row
// the chain walk reads and re-hashes anyway. `--full` runs `PRAGMA integrity_check` over the whole file:
// also every index against its table, UNIQUE, the free list, the audit log's indexes and the search index.
import type Database from 'better-sqlite3';
import { openForInspection } from './connection';
import { SCAN_PRAGMAS } from './snapshot';

/**
 * The lines the self-test reports (["ok"] when sound). Self-contained because the check's worker thread
 * runs its source text.
 */
export function databaseSelfTest(db: Database.Database, full: boolean): string[] {
  if (full) return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'audit_log' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rootpage`)
    .pluck()
    .all() as string[];
  const lines: string[] = [];
  for (const table of ['sqlite_schema', ...tables]) {
    for (const row of db.pragma(`quick_check("${table.replaceAll('"', '""')}")`) as { quick_check: string }[]) {
      if (row.quick_check !== 'ok') lines.push(row.quick_check);
    }
  }
  return lines.length > 0 ? lines : ['ok'];
}

/** The self-test on its own read-only connection, for when no worker thread can run it. */
export function databaseSelfTestHere(path: string, full: boolean): string[] {
  const db = openForInspection(path);
  try {
    for (const p of SCAN_PRAGMAS) db.pragma(p);
    return databaseSelfTest(db, full);
  } finally {
    db.close();
  }
}
