// PostgreSQL's side of the engine seams (db/engine.ts).
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { chainHash, GENESIS_HASH } from '../../audit-log/append';
import type { Engine } from '../engine';
import type { Trx } from '../handles';
import { verifyChainPostgres } from './audit-chain';
import { insertUnnest, type TypeCache } from './bulk';
import { sqlState } from './connect';
import { serverFileStore } from './files';
import { beginPostgresLoad, postgresDataTables } from './load';
import { searchPostgres } from './search';
import { inSnapshot, streamFromPool } from './snapshot';

/**
 * Ids are drawn from the records sequence first, so each row's id is known whatever the server skips
 * (a duplicate fingerprint): then the rows go in unnested, RETURNING the ids written.
 */
async function insertRecordRows(trx: Trx, types: TypeCache, rows: Parameters<Engine['insertRecordRows']>[1]): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  const drawn = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('records', 'id')) AS id FROM generate_series(1, ${rows.length})`.execute(trx);
  const ids = drawn.rows.map((r) => r.id);
  const inserted = await insertUnnest<{ id: number }>(trx, types, 'records', rows.map((row, i) => ({ id: ids[i]!, ...row })), sql`ON CONFLICT (fingerprint) DO NOTHING RETURNING id`);
  const written = new Set(inserted.map((r) => r.id));
  return ids.map((id) => (written.has(id) ? id : null));
}

export interface PostgresEngineParts {
  writerPool: pg.Pool;
  readerPool: pg.Pool;
  cacheDir: string;
}

export function postgresEngine(parts: PostgresEngineParts): Engine {
  const types: TypeCache = new Map();
  return {
    kind: 'postgres',
    files: serverFileStore(parts.writerPool, parts.readerPool, join(parts.cacheDir, 'files')),
    search: searchPostgres,
    insertRecordRows: (trx, rows) => insertRecordRows(trx, types, rows),
    insertRows: async (trx, table, rows) => void (await insertUnnest(trx, types, table, rows)),
    forUpdate: (query) => query.forUpdate(),
    isUniqueViolation: (e) => sqlState(e) === '23505',
    readSnapshot: inSnapshot,
    streamRows: (_db, query) => streamFromPool(parts.readerPool, query),
    verifyAuditChain: (db) => verifyChainPostgres(db, chainHash, GENESIS_HASH),
    dataTables: postgresDataTables,
    beginLoad: beginPostgresLoad,
  };
}
