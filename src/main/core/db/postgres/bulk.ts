// Many rows in one statement on PostgreSQL: each column as one array parameter, unnested by the server
// (INSERT … SELECT FROM unnest(…)), so a thousand rows cost a handful of parameters instead of tens of
// thousands, and nothing is compiled per value.
import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../handles';

/** Column types by table (the schema does not change while an archive is open). */
export type TypeCache = Map<string, Map<string, string>>;

async function typesOf(trx: Trx, table: string, cache: TypeCache): Promise<Map<string, string>> {
  let types = cache.get(table);
  if (!types) {
    const rows = await sql<{ name: string; type: string }>`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped`.execute(trx);
    types = new Map(rows.rows.map((r) => [r.name, r.type]));
    cache.set(table, types);
  }
  return types;
}

/** Rows per statement: the arrays stay a few megabytes. */
export const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts `rows` (all with the same keys) into `table`; `tail` is appended to each statement (ON CONFLICT
 * …, RETURNING …) and the rows it returns are collected.
 */
export async function insertUnnest<R>(trx: Trx, cache: TypeCache, table: string, rows: Record<string, unknown>[], tail: RawBuilder<unknown> = sql``): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  return insertTuples(trx, cache, table, columns, rows.map((r) => columns.map((c) => r[c])), tail);
}

/** The same, the rows given as values in `columns` order. */
export async function insertTuples<R>(
  trx: Trx,
  cache: TypeCache,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail: RawBuilder<unknown> = sql``,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const types = await typesOf(trx, table, cache);
  const out: R[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const slice = rows.slice(from, from + ROWS_PER_STATEMENT);
    const arrays = columns.map((c, i) => sql`${slice.map((r) => r[i] ?? null)}::${sql.raw(types.get(c) ?? 'text')}[]`);
    const result = await sql<R>`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)}) ${tail}`.execute(trx);
    out.push(...result.rows);
  }
  return out;
}
