// The search index on PostgreSQL, giving what SQLite's gives (db/sqlite/search.ts): terms of 3+
// characters through pg_trgm's GIN index on the lower-cased searchable text — the record's text and
// its 档号, joined by U+001F (no match spans two of them) — (LIKE: the index finds candidates, the
// pattern decides); 2 through record_grams (a record's character pairs); 1 by ILIKE on each column; a
// term that looks like a 档号 also by its code parts, ranked as on SQLite. The exact total of a search
// by one term of 2 or 3 characters (or by nothing) comes from search_term_counts, less the few voided
// records that match: no visit to the matches themselves. Count and page come from one snapshot.
import { sql, type RawBuilder } from 'kysely';
import { NEWEST_FIRST, type SearchPage, type SearchPlan, type SearchTerm } from '../engine';
import type { ReadDb } from '../handles';
import { SEARCH_COLUMNS } from '../search-index';
import { inSnapshot } from './snapshot';
import { likePattern } from '../like';

const TRIGRAM = 3;
const PAIR = 2;
/** Code points, as sanwu_grams numbers a pair: first × 0x110000 + second. */
const PLANE = 0x110000;


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

/** Portable SQL with `?` placeholders (records/code-query.ts) as a Kysely fragment. */
function placeholders(text: string, params: readonly unknown[]): RawBuilder<unknown> {
  const pieces = text.split('?');
  return sql.join(
    pieces.flatMap((piece, i) => (i === 0 ? [sql.raw(piece)] : [sql`${params[i - 1]}`, sql.raw(piece)])),
    sql``,
  );
}

function textClause(term: string): RawBuilder<unknown> {
  const length = [...term].length;
  // U+001F joins the columns in the indexed text: a term holding it would match across two of them.
  if (term.includes('\x1f')) return sql`FALSE`;
  if (length >= TRIGRAM) return sql`${searchText} LIKE lower(${likePattern(term)} COLLATE "default")`;
  if (length === PAIR) return sql`id IN (SELECT record_id FROM record_grams WHERE grams @> ARRAY[${pairCode(term)}]::bigint[])`;
  const pattern = likePattern(term);
  return sql`(${sql.join(SEARCH_COLUMNS.map((c) => sql`${sql.ref(c)} ILIKE ${pattern}`), sql` OR `)})`;
}

function termClause({ text, code }: SearchTerm): RawBuilder<unknown> {
  return code ? sql`(${textClause(text)} OR ${placeholders(code.sql, code.params)})` : textClause(text);
}

/** The rank of a match when some term looks like a code: 0 its exact 档号, 1 its parts, 2 its text. */
function rankOf(terms: SearchTerm[]): RawBuilder<unknown> | null {
  const ranks = terms.flatMap(({ code }) =>
    code ? [sql`CASE WHEN archival_code IN (${sql.join(code.exact)}) THEN 0 WHEN ${placeholders(code.sql, code.params)} THEN 1 ELSE 2 END`] : [],
  );
  return ranks.length > 0 ? sql.join(ranks, sql` + `) : null;
}

/**
 * The total of a search narrowed by nothing, or by one term of 2 or 3 characters, from the counts kept
 * by the triggers: every record holding the term, less the voided ones that do. Null otherwise.
 */
function countedTotal(plan: SearchPlan): RawBuilder<{ n: number }> | null {
  if (plan.voided || plan.ids || plan.filters.length > 0 || plan.terms.length > 1 || plan.terms.some((t) => t.code)) return null;
  const term = plan.terms[0]?.text;
  const length = term === undefined ? 0 : [...term].length;
  if (term !== undefined && (length < PAIR || length > TRIGRAM || term.includes('\x1f'))) return null;
  const code = term === undefined ? 0n : termCode(term);
  const voided = sql.join([sql`voided_at IS NOT NULL`, ...(term === undefined ? [] : [textClause(term)])], sql` AND `);
  return sql<{ n: number }>`SELECT coalesce((SELECT records FROM search_term_counts WHERE term = ${code.toString()}::bigint), 0) - (SELECT count(*) FROM records WHERE ${voided}) AS n`;
}

export function searchPostgres(db: ReadDb, plan: SearchPlan): Promise<SearchPage> {
  const clauses = [
    plan.voided ? sql`voided_at IS NOT NULL` : sql`voided_at IS NULL`,
    ...(plan.ids ? [plan.ids.length > 0 ? sql`id IN (${sql.join(plan.ids)})` : sql`FALSE`] : []),
    ...plan.filters.map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    ...plan.terms.map(termClause),
  ];
  const where = sql.join(clauses, sql` AND `);
  const counted = countedTotal(plan);
  // a chosen order comes before the rank of a code-like term (the clerk asked for that order)
  const rank = plan.order ? null : rankOf(plan.terms);
  const ordered = sql.raw(plan.order?.sql ?? NEWEST_FIRST);
  return inSnapshot(db, async (s) => {
    const total = (await (counted ?? sql<{ n: number }>`SELECT count(*) AS n FROM records WHERE ${where}`).execute(s)).rows[0]!.n;
    if (total === 0 || plan.limit === 0 || plan.offset >= total) return { total, ids: [] };
    const order = rank ? sql`${rank}, ${ordered}` : ordered;
    const page = await sql<{ id: number }>`SELECT id FROM records WHERE ${where} ORDER BY ${order} LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(s);
    return { total, ids: page.rows.map((r) => r.id) };
  });
}
