// The search index on PostgreSQL, giving what SQLite's gives (db/sqlite/search.ts): terms of 3+
// characters through pg_trgm's GIN index on the lower-cased searchable text (LIKE: the index finds
// candidates, the pattern decides), 2 through record_grams (a record's character pairs), 1 by ILIKE on
// each column. The exact total of a search by one term of 2 or 3 characters (or by nothing) comes from
// search_term_counts, less the few voided records that match: no visit to the matches themselves.
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

/** A run of 2 or 3 characters as search_term_counts numbers it (a bigint: JavaScript needs BigInt for 3). */
export function termCode(term: string): bigint {
  return [...term.toLowerCase()].reduce((n, ch) => n * BigInt(PLANE) + BigInt(ch.codePointAt(0)!), 0n);
}

const searchText = sql.raw(`sanwu_search_text(${SEARCH_COLUMNS.join(', ')})`);

function termClause(term: string): RawBuilder<unknown> {
  const length = [...term].length;
  // U+001F joins the columns in the indexed text: a term holding it would match across two of them.
  if (term.includes('\x1f')) return sql`FALSE`;
  if (length >= TRIGRAM) return sql`${searchText} LIKE lower(${likePattern(term)} COLLATE "default")`;
  if (length === PAIR) return sql`id IN (SELECT record_id FROM record_grams WHERE grams @> ARRAY[${pairCode(term)}]::bigint[])`;
  const pattern = likePattern(term);
  return sql`(${sql.join(SEARCH_COLUMNS.map((c) => sql`${sql.ref(c)} ILIKE ${pattern}`), sql` OR `)})`;
}

/**
 * The total of a search narrowed by nothing, or by one term of 2 or 3 characters, from the counts kept
 * by the triggers: every record holding the term, less the voided ones that do. Null otherwise.
 */
function countedTotal(plan: SearchPlan): RawBuilder<{ n: number }> | null {
  if (plan.filters.length > 0 || plan.terms.length > 1) return null;
  const term = plan.terms[0];
  const length = term === undefined ? 0 : [...term].length;
  if (term !== undefined && (length < PAIR || length > TRIGRAM || term.includes('\x1f'))) return null;
  const code = term === undefined ? 0n : termCode(term);
  const voided = sql.join([sql`voided_at IS NOT NULL`, ...(term === undefined ? [] : [termClause(term)])], sql` AND `);
  return sql<{ n: number }>`SELECT coalesce((SELECT records FROM search_term_counts WHERE term = ${code.toString()}::bigint), 0) - (SELECT count(*) FROM records WHERE ${voided}) AS n`;
}

export function searchPostgres(db: ReadDb, plan: SearchPlan): Promise<SearchPage> {
  const clauses = [sql`voided_at IS NULL`, ...plan.filters.map(([column, value]) => sql`${sql.ref(column)} = ${value}`), ...plan.terms.map(termClause)];
  const where = sql.join(clauses, sql` AND `);
  const counted = countedTotal(plan);
  return inSnapshot(db, async (s) => {
    const total = (await (counted ?? sql<{ n: number }>`SELECT count(*) AS n FROM records WHERE ${where}`).execute(s)).rows[0]!.n;
    if (total === 0 || plan.limit === 0 || plan.offset >= total) return { total, ids: [] };
    const page = await sql<{ id: number }>`SELECT id FROM records WHERE ${where} ORDER BY year DESC, date DESC, id DESC LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(s);
    return { total, ids: page.rows.map((r) => r.id) };
  });
}
