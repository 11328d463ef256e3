// PostgreSQL's side of the engine seams (db/engine.ts).
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { chainHash, GENESIS_HASH } from '../../audit-log/append';
import type { Engine } from '../engine';
import type { Trx } from '../handles';
import { verifyChainPostgres } from './audit-chain';
import { insertTuples, insertUnnest, type TypeCache } from './bulk';
import { sqlState } from './connect';
import { serverFileStore } from './files';
import { beginPostgresLoad, postgresDataTables } from './load';
import { searchPostgres } from './search';
import { stateSqlPostgres } from './states';
import { inSnapshot, streamFromPool } from './snapshot';

/**
 * Rows whose fingerprint is already there (or earlier in the batch) are skipped first; the others are
 * numbered after the largest id, as SQLite numbers them (writers take turns), and go in unnested.
 */
async function insertRecordRows(trx: Trx, types: TypeCache, rows: Parameters<Engine['insertRecordRows']>[1]): Promise<({ id: number; state: string } | null)[]> {
  if (rows.length === 0) return [];
  const fingerprints = rows.flatMap((r) => (r.fingerprint ? [r.fingerprint] : []));
  const seen = new Set(
    fingerprints.length === 0 ? [] : (await sql<{ fingerprint: string }>`SELECT fingerprint FROM records WHERE fingerprint = ANY(${fingerprints}::text[])`.execute(trx)).rows.map((r) => r.fingerprint),
  );
  let next = (await sql<{ id: number }>`SELECT coalesce(max(id), 0) AS id FROM records`.execute(trx)).rows[0]!.id;
  const ids = rows.map((r) => {
    if (r.fingerprint) {
      if (seen.has(r.fingerprint)) return null;
      seen.add(r.fingerprint);
    }
    return ++next;
  });
  const fresh = rows.flatMap((row, i) => (ids[i] === null ? [] : [{ id: ids[i]!, ...row }]));
  const inserted = await insertUnnest<{ id: number; state: string }>(
    trx,
    types,
    'records',
    fresh,
    sql`ON CONFLICT (fingerprint) DO NOTHING RETURNING id, ${sql.raw(stateSqlPostgres('record'))} AS state`,
  );
  const written = new Map(inserted.map((r) => [r.id, r]));
  return ids.map((id) => (id !== null ? (written.get(id) ?? null) : null));
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
    // records_search_insert indexes each multi-row insert (a statement trigger over its new rows)
    bulkRecords: (_trx, fn) => fn({ takesGrams: false, added: async () => {}, finish: async () => {} }),
    insertRows: async (trx, table, columns, rows) => void (await insertTuples(trx, types, table, columns, rows)),
    forUpdate: (query) => query.forUpdate(),
    attempt: async (trx, fn) => {
      await sql`SAVEPOINT sanwu_attempt`.execute(trx);
      try {
        const value = await fn();
        await sql`RELEASE SAVEPOINT sanwu_attempt`.execute(trx);
        return value;
      } catch (e) {
        await sql`ROLLBACK TO SAVEPOINT sanwu_attempt`.execute(trx);
        throw e;
      }
    },
    isUniqueViolation: (e) => sqlState(e) === '23505',
    readSnapshot: inSnapshot,
    streamRows: (_db, query) => streamFromPool(parts.readerPool, query),
    verifyAuditChain: (db) => verifyChainPostgres(db, chainHash, GENESIS_HASH),
    stateSql: (entity, alias) => stateSqlPostgres(entity, alias),
    dataTables: postgresDataTables,
    beginLoad: beginPostgresLoad,
  };
}
