// PostgreSQL's side of moving whole archives (db/transfer.ts): its data tables from the catalogue, and
// a transaction taking rows as they are — the BEFORE row triggers (guards, the version count) disabled
// until finish() (ALTER TABLE is transactional), the AFTER ones that keep the search index working, and the
// identity sequences moved past the ids that came in.
import { sql, type Kysely } from 'kysely';
import type { BulkLoad, TableSpec } from '../engine';
import type { Reader, Trx } from '../handles';
import type { DB } from '../schema';
import { parentsFirst } from '../sqlite/load';

/** This engine's own machinery: the search index, attachment bytes, migration bookkeeping. */
export const ENGINE_TABLES = ['record_grams', 'search_term_counts', 'file_blobs', 'file_chunks', 'kysely_migration', 'kysely_migration_lock'];

export async function postgresDataTables(db: Reader): Promise<TableSpec[]> {
  const k = db as unknown as Kysely<DB>;
  const rows = (
    await sql<{ name: string; columns: string[]; key: string | null; parents: string[] }>`
      SELECT c.relname AS name,
             ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum)::text[] AS columns,
             (SELECT a.attname FROM pg_constraint p JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = p.conkey[1]
               WHERE p.conrelid = c.oid AND p.contype = 'p' AND cardinality(p.conkey) = 1 AND a.atttypid IN ('int8'::regtype, 'int4'::regtype)) AS key,
             ARRAY(SELECT f.confrelid::regclass::text FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f')::text[] AS parents
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'
       ORDER BY c.relname`.execute(k)
  ).rows;
  return parentsFirst(rows.filter((t) => !ENGINE_TABLES.includes(t.name)));
}

export async function beginPostgresLoad(trx: Trx): Promise<BulkLoad> {
  const tables = await postgresDataTables(trx);
  // tgtype bit 1: BEFORE; bit 0: FOR EACH ROW
  const guards = (
    await sql<{ table: string; name: string }>`
      SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND (t.tgtype & 2) <> 0 AND (t.tgtype & 1) <> 0 ORDER BY 1, 2`.execute(trx)
  ).rows;
  const alter = (t: { table: string; name: string }, how: 'ENABLE' | 'DISABLE') =>
    sql`ALTER TABLE ${sql.table(t.table)} ${sql.raw(how)} TRIGGER ${sql.id(t.name)}`.execute(trx);
  for (const t of guards) await alter(t, 'DISABLE');
  return {
    finish: async () => {
      for (const t of tables.filter((x) => x.key !== null)) {
        await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${t.key}), coalesce((SELECT max(${sql.ref(t.key!)}) FROM ${sql.table(t.name)}), 0) + 1, false)
                   WHERE pg_get_serial_sequence(${t.name}, ${t.key}) IS NOT NULL`.execute(trx);
      }
      for (const t of guards) await alter(t, 'ENABLE');
    },
  };
}
