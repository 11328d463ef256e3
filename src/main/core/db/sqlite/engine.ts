// SQLite's side of the engine seams (db/engine.ts).
import { hash } from 'node:crypto';
import type { Trx } from '../handles';
import type { Engine, FileStore } from '../engine';
import { chainHash, chainHashV2With, GENESIS_HASH } from '../../audit-log/append';
import { verifyChain } from './audit-chain';
import { withRaw } from './driver';
import { bulkRecordsSqlite } from './bulk-index';
import { beginSqliteLoad, sqliteDataTables } from './load';
import { searchSqlite } from './search';
import { stateSql } from './states';
import { readSnapshot, streamRows } from './snapshot';
import { writeSql } from './sql';

/**
 * Kysely compiles the insert once; a raw prepared statement runs it per row inside the transaction,
 * since compiling per row would cost more than the insert itself. The states are read back in one query
 * after the rows: SQLite runs RETURNING as a trigger, and any trigger on records makes each insert
 * several times dearer (see bulk-index.ts). New rows take ids above the largest, in insert order.
 */
async function insertRecordRows(trx: Trx, rows: Parameters<Engine['insertRecordRows']>[1]): Promise<({ id: number; state: string } | null)[]> {
  if (rows.length === 0) return [];
  const insert = trx
    .insertInto('records')
    .values(rows[0]!)
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .compile().sql;
  const states = `SELECT id, ${stateSql('record')} AS state FROM records WHERE id > ? ORDER BY id`;
  return writeSql(trx, (q) => {
    const last = q.value<number>('SELECT coalesce(max(id), 0) FROM records')!;
    const inserted = rows.map((row) => q.run(insert, Object.values(row)).changes === 1);
    const written = q.all<{ id: number; state: string }>(states, [last]);
    if (written.length !== inserted.filter(Boolean).length) throw new Error('insertRecordRows: the new records are not the rows just inserted');
    let next = 0;
    return inserted.map((ok) => (ok ? written[next++]! : null));
  });
}

/** One prepared INSERT run per row inside the transaction (SQLite: faster than any multi-row statement). */
async function insertRows(trx: Trx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  await writeSql(trx, (q) => q.runEach(text, rows));
}

export function sqliteEngine(files: FileStore): Engine {
  return {
    kind: 'sqlite',
    files,
    search: searchSqlite,
    insertRecordRows,
    bulkRecords: bulkRecordsSqlite,
    insertRows,
    // One writer holds the whole file: nothing to lock row by row.
    forUpdate: (query) => query,
    attempt: (_trx, fn) => fn(),
    isUniqueViolation: (e) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((e as { code?: string }).code ?? ''),
    readSnapshot,
    streamRows: (db, query) => streamRows(db, query),
    verifyAuditChain: (db) =>
      withRaw(db, (raw) => verifyChain(raw, hash, chainHash, (prev, fields) => chainHashV2With(hash, prev, fields), GENESIS_HASH)),
    stateSql: (entity, alias) => stateSql(entity, alias),
    dataTables: sqliteDataTables,
    beginLoad: beginSqliteLoad,
  };
}
