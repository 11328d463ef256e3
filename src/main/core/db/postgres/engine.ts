// PostgreSQL's side of the engine seams (db/engine.ts).
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { chainHash, GENESIS_HASH } from '../../audit-log/append';
import type { Engine } from '../engine';
import type { Trx } from '../handles';
import { verifyChainPostgres } from './audit-chain';
import { sqlState } from './connect';
import { serverFileStore } from './files';
import { beginPostgresLoad, postgresDataTables } from './load';
import { searchPostgres } from './search';
import { inSnapshot, streamFromPool } from './snapshot';

/** Rows per INSERT: well under the protocol's 65,535 bound parameters at ~26 columns a row. */
const ROWS_PER_INSERT = 1000;

/**
 * Ids are drawn from the records sequence first, so each row's id is known whatever the server skips
 * (a duplicate fingerprint): then one multi-row INSERT per batch, RETURNING the ids it wrote.
 */
async function insertRecordRows(trx: Trx, rows: Parameters<Engine['insertRecordRows']>[1]): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  const drawn = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('records', 'id')) AS id FROM generate_series(1, ${rows.length})`.execute(trx);
  const ids = drawn.rows.map((r) => r.id);
  const written = new Set<number>();
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const batch = rows.slice(from, from + ROWS_PER_INSERT).map((row, i) => ({ id: ids[from + i]!, ...row }));
    const inserted = await trx
      .insertInto('records')
      .values(batch)
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .returning('id')
      .execute();
    for (const r of inserted) written.add(r.id);
  }
  return ids.map((id) => (written.has(id) ? id : null));
}

export interface PostgresEngineParts {
  writerPool: pg.Pool;
  readerPool: pg.Pool;
  cacheDir: string;
}

export function postgresEngine(parts: PostgresEngineParts): Engine {
  return {
    kind: 'postgres',
    files: serverFileStore(parts.writerPool, parts.readerPool, join(parts.cacheDir, 'files')),
    search: searchPostgres,
    insertRecordRows,
    forUpdate: (query) => query.forUpdate(),
    isUniqueViolation: (e) => sqlState(e) === '23505',
    readSnapshot: inSnapshot,
    streamRows: (_db, query) => streamFromPool(parts.readerPool, query),
    verifyAuditChain: (db) => verifyChainPostgres(db, chainHash, GENESIS_HASH),
    dataTables: postgresDataTables,
    beginLoad: beginPostgresLoad,
  };
}
