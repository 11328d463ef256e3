// The search index on PostgreSQL, giving what SQLite's gives (db/sqlite/search.ts): terms of 3+
// characters through pg_trgm's GIN index on the searchable text (ILIKE; the index finds candidates,
// the pattern decides), 2 through record_grams (a record's character pairs), 1 by ILIKE on each column.
// Count and page come from one snapshot.
import { sql, type RawBuilder } from 'kysely';
import type { SearchPage, SearchPlan } from '../engine';
import type { ReadDb } from '../handles';
import { SEARCH_COLUMNS } from '../search-columns';
import { inSnapshot } from './snapshot';

const TRIGRAM = 3;
const PAIR = 2;
/** Code points, as sanwu_grams numbers a pair: first × 0x110000 + second. */
const PLANE = 0x110000;

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A pair of characters as record_grams holds it (lower-cased as db/grams.ts does for SQLite). */
export function pairCode(pair: string): number {
  const [a, b] = [...pair.toLowerCase()];
  return a!.codePointAt(0)! * PLANE + b!.codePointAt(0)!;
}

const searchText = sql.raw(`sanwu_search_text(${SEARCH_COLUMNS.join(', ')})`);

function termClause(term: string): RawBuilder<unknown> {
  const length = [...term].length;
  // U+001F joins the columns in the indexed text: a term holding it would match across two of them.
  if (term.includes('\x1f')) return sql`FALSE`;
  if (length >= TRIGRAM) return sql`${searchText} ILIKE ${likePattern(term)}`;
  if (length === PAIR) return sql`id IN (SELECT record_id FROM record_grams WHERE grams @> ARRAY[${pairCode(term)}]::bigint[])`;
  const pattern = likePattern(term);
  return sql`(${sql.join(SEARCH_COLUMNS.map((c) => sql`${sql.ref(c)} ILIKE ${pattern}`), sql` OR `)})`;
}

export function searchPostgres(db: ReadDb, plan: SearchPlan): Promise<SearchPage> {
  const clauses = [sql`voided_at IS NULL`, ...plan.filters.map(([column, value]) => sql`${sql.ref(column)} = ${value}`), ...plan.terms.map(termClause)];
  const where = sql.join(clauses, sql` AND `);
  return inSnapshot(db, async (s) => {
    const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM records WHERE ${where}`.execute(s)).rows[0]!.n;
    if (total === 0 || plan.limit === 0 || plan.offset >= total) return { total, ids: [] };
    const page = await sql<{ id: number }>`SELECT id FROM records WHERE ${where} ORDER BY year DESC, date DESC, id DESC LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(s);
    return { total, ids: page.rows.map((r) => r.id) };
  });
}
