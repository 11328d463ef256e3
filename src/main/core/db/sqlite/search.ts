// The search index on SQLite: trigram FTS5 for terms of 3+ characters, the character-pair FTS table
// for 2 (grams.ts), LIKE for 1. A hot path, so the two queries (count, page) are raw prepared
// statements over a WHERE built here, run on the reader in one snapshot.
import type { ReadDb, Statements } from '../handles';
import type { SearchPage, SearchPlan } from '../engine';
import { gramToken } from '../grams';
import { SEARCH_COLUMNS } from '../search-columns';
import { readSql } from './sql';

/** The trigram tokenizer indexes 3-character windows: shorter terms never match through MATCH. */
const TRIGRAM = 3;
const PAIR = 2;

/** A term as one FTS5 phrase: double quotes inside are doubled. */
export const ftsPhrase = (term: string): string => `"${term.replaceAll('"', '""')}"`;

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Where {
  sql: string;
  params: (string | number)[];
}

function whereOf(plan: SearchPlan): Where {
  const clauses = ['voided_at IS NULL'];
  const params: (string | number)[] = [];
  for (const [column, value] of plan.filters) {
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  for (const term of plan.terms) {
    const length = [...term].length;
    if (length >= TRIGRAM) {
      clauses.push('id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
      params.push(ftsPhrase(term));
    } else if (length === PAIR) {
      clauses.push('id IN (SELECT rowid FROM records_grams WHERE records_grams MATCH ?)');
      params.push(gramToken(term));
    } else {
      clauses.push(`(${SEARCH_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      params.push(...SEARCH_COLUMNS.map(() => likePattern(term)));
    }
  }
  return { sql: clauses.join(' AND '), params };
}

/** The index that answers a term alone, with its MATCH argument; null for 1-character terms. */
function termIndex(term: string): { table: string; match: string } | null {
  const length = [...term].length;
  if (length >= TRIGRAM) return { table: 'records_fts', match: ftsPhrase(term) };
  if (length === PAIR) return { table: 'records_grams', match: gramToken(term) };
  return null;
}

/**
 * The count of a query narrowed only by indexed terms (or by nothing) without visiting the matching
 * rows: the FTS indexes (or the table) count them, less the voided ones. Null otherwise.
 */
function indexedCount(s: Statements, terms: string[]): number | null {
  const live = 'NOT IN (SELECT id FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)';
  if (terms.length === 0) {
    return s.value<number>('SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)')!;
  }
  const indexed = terms.map(termIndex);
  if (indexed.some((t) => t === null)) return null;
  // One pass over the matches; the voided ids (few) are probed, never the other way round.
  const matches = indexed.map((t) => `SELECT rowid AS id FROM ${t!.table} WHERE ${t!.table} MATCH ?`).join(' INTERSECT ');
  return s.value<number>(`SELECT count(*) FROM (${matches}) WHERE id ${live}`, indexed.map((t) => t!.match))!;
}

export function searchSqlite(db: ReadDb, plan: SearchPlan): Promise<SearchPage> {
  const where = whereOf(plan);
  // One read snapshot on the reader: only committed rows, whatever a writer has open.
  return readSql(db, (s) => {
    const total = (plan.filters.length === 0 ? indexedCount(s, plan.terms) : null) ?? s.value<number>(`SELECT count(*) FROM records WHERE ${where.sql}`, where.params)!;
    if (total === 0 || plan.limit === 0 || plan.offset >= total) return { total, ids: [] };
    // year is derived from date, so (year, date, id) is the (date, id) order. When matches are dense,
    // walking records_by_year_date reaches the page long before sorting every match would finish.
    const rows = s.value<number>('SELECT max(id) FROM records') ?? 0;
    const walked = ((plan.offset + plan.limit) * rows) / total;
    const index = walked < total ? 'INDEXED BY records_by_year_date' : '';
    const ids = s.values<number>(`SELECT id FROM records ${index} WHERE ${where.sql} ORDER BY year DESC, date DESC, id DESC LIMIT ? OFFSET ?`, [
      ...where.params,
      plan.limit,
      plan.offset,
    ]);
    return { total, ids };
  });
}
