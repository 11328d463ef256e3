// The search index on SQLite: trigram FTS5 for terms of 3+ characters, the character-pair FTS tables for
// 2, LIKE for 1, over the record's text and, in indexes of their own, its 档号 (db/search-index.ts). A hot
// path, so the two queries (count, page) are raw prepared statements over a WHERE built here, run on the
// reader in one snapshot.
import type { ReadDb, Statements } from '../handles';
import { NEWEST_FIRST, type SearchPage, type SearchPlan, type SearchTerm } from '../engine';
import { gramsOf, gramToken } from '../grams';
import { CODE_PAIRS_EXIST, PAIR_MATCH, SEARCH_COLUMNS, TRIGRAM_MATCH } from '../search-index';
import { readSql } from './sql';
import { likePattern } from '../like';

/** The trigram tokenizer indexes 3-character windows: shorter terms never match through MATCH. */
const TRIGRAM = 3;
const PAIR = 2;

/** A term as one FTS5 phrase: double quotes inside are doubled. */
export const ftsPhrase = (term: string): string => `"${term.replaceAll('"', '""')}"`;


interface Where {
  sql: string;
  params: (string | number)[];
}

/**
 * The ids holding a term by its indexes, as one SELECT of `id`; null for 1-character terms. The 档号
 * indexes are asked only when some 档号 holds every character pair of the term (one index probe),
 * so a Chinese term costs what it did before codes were indexed.
 */
function termIndex(s: Statements, term: string): Where | null {
  const length = [...term].length;
  const index = length >= TRIGRAM ? { match: TRIGRAM_MATCH, arg: ftsPhrase(term) } : length === PAIR ? { match: PAIR_MATCH, arg: gramToken(term) } : null;
  if (!index) return null;
  const inCodes = s.get(CODE_PAIRS_EXIST, [gramsOf(term)]) !== undefined;
  return inCodes
    ? { sql: `${index.match.text} UNION ${index.match.code}`, params: [index.arg, index.arg] }
    : { sql: index.match.text, params: [index.arg] };
}

/** A term as text: its index lookup, or LIKE over the searched columns for 1 character. */
function textMatch(s: Statements, term: string): Where {
  const index = termIndex(s, term);
  if (index) return { sql: `id IN (${index.sql})`, params: index.params };
  return { sql: `(${SEARCH_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: SEARCH_COLUMNS.map(() => likePattern(term)) };
}

/** Where clause, plus the rank of a match when some term looks like a code (0: its exact 档号). */
function whereOf(s: Statements, plan: SearchPlan): Where & { rank: Where | null } {
  const clauses = [plan.voided ? 'voided_at IS NOT NULL' : 'voided_at IS NULL'];
  const params: (string | number)[] = [];
  if (plan.ids) {
    clauses.push(plan.ids.length > 0 ? `id IN (${plan.ids.map(() => '?').join(', ')})` : '0');
    params.push(...plan.ids);
  }
  for (const [column, value] of plan.filters) {
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  const ranks: Where[] = [];
  for (const { text: term, code } of plan.terms) {
    const text = textMatch(s, term);
    if (!code) {
      clauses.push(text.sql);
      params.push(...text.params);
      continue;
    }
    clauses.push(`(${text.sql} OR ${code.sql})`);
    params.push(...text.params, ...code.params);
    ranks.push({
      sql: `CASE WHEN archival_code IN (${code.exact.map(() => '?').join(', ')}) THEN 0 WHEN ${code.sql} THEN 1 ELSE 2 END`,
      params: [...code.exact, ...code.params],
    });
  }
  const rank = ranks.length > 0 ? { sql: ranks.map((r) => r.sql).join(' + '), params: ranks.flatMap((r) => r.params) } : null;
  return { sql: clauses.join(' AND '), params, rank };
}

const VOIDED_PROBES = 500;

/**
 * One term of exactly 3 characters (one trigram) or 2 (one pair) held by no 档号, whose folding is
 * plain (no cased letters): the records holding its token, as the index's vocabulary counts them,
 * less the voided ones that hold it (each probed). Null otherwise.
 */
function vocabularyCount(s: Statements, term: string): number | null {
  const length = [...term].length;
  if ((length !== TRIGRAM && length !== PAIR) || term.toLowerCase() !== term.toUpperCase()) return null;
  if (s.get(CODE_PAIRS_EXIST, [gramsOf(term)]) !== undefined) return null;
  // each voided record is probed on its own: worth it while they are few
  if (s.value<number>('SELECT count(*) FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL')! > VOIDED_PROBES) return null;
  const [vocab, fts, token] = length === TRIGRAM ? ['records_fts_vocab', 'records_fts', term] : ['records_grams_vocab', 'records_grams', gramToken(term)];
  const match = length === TRIGRAM ? ftsPhrase(term) : token;
  const holding = s.value<number>(`SELECT doc FROM ${vocab} WHERE term = ?`, [token]) ?? 0;
  const voided = s.value<number>(
    `SELECT count(*) FROM records r INDEXED BY records_voided WHERE r.voided_at IS NOT NULL AND EXISTS (SELECT 1 FROM ${fts} f WHERE ${fts} MATCH ? AND f.rowid = r.id)`,
    [match],
  )!;
  return holding - voided;
}

/**
 * The count of a query narrowed only by indexed terms (or by nothing) without visiting the matching
 * rows: the FTS indexes (or the table) count them, less the voided ones. Null otherwise.
 */
function indexedCount(s: Statements, terms: SearchTerm[]): number | null {
  const live = 'NOT IN (SELECT id FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)';
  if (terms.length === 0) {
    return s.value<number>('SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)')!;
  }
  if (terms.length === 1) {
    const counted = vocabularyCount(s, terms[0]!.text);
    if (counted !== null) return counted;
  }
  const indexed = terms.map((t) => termIndex(s, t.text));
  if (indexed.some((t) => t === null)) return null;
  // One pass over the matches; the voided ids (few) are probed, never the other way round.
  const matches = indexed.map((t) => `SELECT id FROM (${t!.sql})`).join(' INTERSECT ');
  return s.value<number>(`SELECT count(*) FROM (${matches}) WHERE id ${live}`, indexed.flatMap((t) => t!.params))!;
}

export function searchSqlite(db: ReadDb, plan: SearchPlan): Promise<SearchPage> {
  // One read snapshot on the reader: only committed rows, whatever a writer has open.
  return readSql(db, (s) => {
    const where = whereOf(s, plan);
    const filtered = plan.voided || !!plan.ids || plan.terms.some((t) => t.code) || plan.filters.length > 0;
    const total = (filtered ? null : indexedCount(s, plan.terms)) ?? s.value<number>(`SELECT count(*) FROM records WHERE ${where.sql}`, where.params)!;
    if (total === 0 || plan.limit === 0 || plan.offset >= total) return { total, ids: [] };
    // year is derived from date, so (year, date, id) is the (date, id) order. When matches are dense,
    // walking records_by_year_date reaches the page long before sorting every match would finish.
    const rows = s.value<number>('SELECT max(id) FROM records') ?? 0;
    const walked = ((plan.offset + plan.limit) * rows) / total;
    // a chosen order comes before the rank of a code-like term (the clerk asked for that order)
    const rank = where.rank && !plan.order ? where.rank : null;
    const byDate = !plan.order || plan.order.byDate;
    const index = walked < total && !rank && byDate ? 'INDEXED BY records_by_year_date' : '';
    const order = `${rank ? `${rank.sql}, ` : ''}${plan.order?.sql ?? NEWEST_FIRST}`;
    const ids = s.values<number>(`SELECT id FROM records ${index} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...where.params,
      ...(rank?.params ?? []),
      plan.limit,
      plan.offset,
    ]);
    return { total, ids };
  });
}
