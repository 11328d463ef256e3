// Record search: Chinese substring terms (trigram FTS for 3+ characters, the character-pair index for
// 2, LIKE for 1) over the text the clerk sees (db/search-index.ts, 档号 included) and filters, paged.
// A term that looks like a 档号 or part of one also finds items by their code parts; exact codes
// come first, then items whose parts match, then the other matches.
// A hot path, so the two queries (count, page) are raw prepared statements over a WHERE built here,
// run on the reader in one snapshot (only committed rows, whatever a writer has open).
import type { ArchiveRecord } from '../../../shared/domain';
import { recordQuerySchema, type RecordQuery } from '../../../shared/schemas';
import { requireCommunityByName } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { toRecord, type RecordRowWithJoins } from './mapping';
import { selectRecords } from './repository';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE } from '../archival-codes/template';
import { readSql, type Statements } from '../db';
import { gramsOf, gramToken } from '../db/grams';
import { CODE_PAIRS_EXIST, PAIR_MATCH, SEARCH_COLUMNS, TRIGRAM_MATCH } from '../db/search-index';
import { getSetting } from '../settings/store';
import { codeForm, codePartsCondition, type CodeCondition } from './code-query';
import { communityRanks, NEWEST_FIRST, orderByClause } from './sort';

export interface SearchResult {
  /** every match, whatever the page */
  total: number;
  records: ArchiveRecord[];
}

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

/** A term as text: its index lookup, or LIKE over the searched columns for 1 character. */
function textMatch(s: Statements, term: string): Where {
  const index = termIndex(s, term);
  if (index) return { sql: `id IN (${index.sql})`, params: index.params };
  return { sql: `(${SEARCH_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: SEARCH_COLUMNS.map(() => likePattern(term)) };
}

/** Where clause, plus the rank of a match when some term looks like a code (0: its exact 档号). */
function whereOf(s: Statements, filters: [column: string, value: string | number | undefined][], terms: string[], codes: (CodeCondition | null)[], voided: boolean, ids?: number[]): Where & { rank: Where | null } {
  const clauses = [voided ? 'voided_at IS NOT NULL' : 'voided_at IS NULL'];
  const params: (string | number)[] = [];
  if (ids) {
    clauses.push(ids.length > 0 ? `id IN (${ids.map(() => '?').join(', ')})` : '0');
    params.push(...ids);
  }
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  const ranks: Where[] = [];
  for (const [i, term] of terms.entries()) {
    const text = textMatch(s, term);
    const code = codes[i];
    if (!code) {
      clauses.push(text.sql);
      params.push(...text.params);
      continue;
    }
    clauses.push(`(${text.sql} OR ${code.sql})`);
    params.push(...text.params, ...code.params);
    const exact = [...new Set([term, codeForm(term)])];
    ranks.push({
      sql: `CASE WHEN archival_code IN (${exact.map(() => '?').join(', ')}) THEN 0 WHEN ${code.sql} THEN 1 ELSE 2 END`,
      params: [...exact, ...code.params],
    });
  }
  const rank = ranks.length > 0 ? { sql: ranks.map((r) => r.sql).join(' + '), params: ranks.flatMap((r) => r.params) } : null;
  return { sql: clauses.join(' AND '), params, rank };
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

/**
 * The count of a query narrowed only by indexed terms (or by nothing) without visiting the matching
 * rows: the FTS indexes (or the table) count them, less the voided ones. Null otherwise.
 */
function indexedCount(s: Statements, terms: string[]): number | null {
  const live = 'NOT IN (SELECT id FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)';
  if (terms.length === 0) {
    return s.value<number>('SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM records INDEXED BY records_voided WHERE voided_at IS NOT NULL)')!;
  }
  const indexed = terms.map((t) => termIndex(s, t));
  if (indexed.some((t) => t === null)) return null;
  // One pass over the matches; the voided ids (few) are probed, never the other way round.
  const matches = indexed.map((t) => `SELECT id FROM (${t!.sql})`).join(' INTERSECT ');
  return s.value<number>(`SELECT count(*) FROM (${matches}) WHERE id ${live}`, indexed.flatMap((t) => t!.params))!;
}

export async function searchRecords(ctx: ArchiveContext, query: RecordQuery): Promise<SearchResult> {
  const q = recordQuerySchema.parse(query);
  const communityId = q.community ? (await requireCommunityByName(ctx.db, q.community)).id : q.communityId;
  const terms = (q.q ?? '').split(/\s+/u).filter(Boolean);
  const template = terms.length > 0 ? await getSetting(ctx.db, CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE) : DEFAULT_CODE_TEMPLATE;
  const codes = terms.map((t) => codePartsCondition(t, template));
  const voided = q.voided === true;
  const filters: [column: string, value: string | number | undefined][] = [
    ['year', q.year],
    ['community_id', communityId],
    ['affair', q.affair],
    ['kind', q.kind],
    ['retention', q.retention],
    ['status', q.status],
  ];
  const filtered = voided || !!q.ids || codes.some(Boolean) || filters.some(([, value]) => value !== undefined);
  const ranked = q.sort === 'community' ? communityRanks(await ctx.db.selectFrom('communities').select(['id', 'name']).execute()) : [];
  const sorted = q.sort ? orderByClause({ sort: q.sort, desc: q.order === 'desc' }, ranked) : null;
  const { total, ids } = await readSql(ctx.db, (s) => {
    const where = whereOf(s, filters, terms, codes, voided, q.ids);
    const total = (filtered ? null : indexedCount(s, terms)) ?? s.value<number>(`SELECT count(*) FROM records WHERE ${where.sql}`, where.params)!;
    if (total === 0 || q.limit === 0 || q.offset >= total) return { total, ids: [] };
    // year is derived from date, so (year, date, id) is the (date, id) order. When matches are dense,
    // walking records_by_year_date reaches the page long before sorting every match would finish.
    const rows = s.value<number>('SELECT max(id) FROM records') ?? 0;
    const walked = ((q.offset + q.limit) * rows) / total;
    // a chosen sort comes before the rank of a code-like term (the clerk asked for that order)
    const rank = where.rank && !sorted ? where.rank : null;
    const byDate = !sorted || q.sort === 'date';
    const index = walked < total && !rank && byDate ? 'INDEXED BY records_by_year_date' : '';
    const order = `${rank ? `${rank.sql}, ` : ''}${sorted ?? NEWEST_FIRST}`;
    const ids = s.values<number>(`SELECT id FROM records ${index} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...where.params,
      ...(rank?.params ?? []),
      q.limit,
      q.offset,
    ]);
    return { total, ids };
  });
  if (ids.length === 0) return { total, records: [] };

  const found = await selectRecords(ctx.db).where('records.id', 'in', ids).execute();
  const byId = new Map(found.map((r) => [r.id, toRecord(r as RecordRowWithJoins)]));
  return { total, records: ids.map((id) => byId.get(id)!) };
}
