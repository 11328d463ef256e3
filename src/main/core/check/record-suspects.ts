// The records some catalogue check may object to. Each check states a SQL prefilter that flags at least
// every record its JS logic objects to; one scan with their union brings back only those rows, and the
// checks' JS runs on them alone (on a sound archive the scan returns nothing).
import type { Statements } from '../db';
import type { RecordRow } from '../db/schema';

export type CheckRecord = Pick<
  RecordRow,
  | 'id' | 'community_id' | 'affair' | 'kind' | 'title' | 'responsible' | 'doc_number' | 'date' | 'year' | 'disclosure_date'
  | 'disclosure_channel' | 'pages' | 'retention' | 'income_fen' | 'fund_category' | 'secrecy' | 'category_code'
  | 'fonds_code' | 'filing_year' | 'retention_code' | 'problem_code' | 'item_no' | 'archival_code' | 'status' | 'voided_at'
>;

/** A WHERE condition on `records` and its named parameters (names unique across prefilters). */
export interface Prefilter {
  sql: string;
  params?: Record<string, string | number>;
}

/** The characters String.prototype.trim removes. */
export const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const WHITESPACE_CODES = [...JS_WHITESPACE].map((c) => c.codePointAt(0)).join(', ');

/** SQL for a text column trimmed as JS trims; trim() copies the text, so only where an end is white. */
export const trimmedSql = (column: string): string =>
  `iif(unicode(${column}) IN (${WHITESPACE_CODES}) OR unicode(substr(${column}, -1)) IN (${WHITESPACE_CODES}), trim(${column}, char(${WHITESPACE_CODES})), ${column})`;

/** Records any of the prefilters flags, by id. */
export function loadSuspects(q: Statements, prefilters: Prefilter[]): CheckRecord[] {
  const params = Object.assign({}, ...prefilters.map((p) => p.params ?? {})) as Record<string, unknown>;
  return q.all<CheckRecord>(
    `SELECT id, community_id, affair, kind, title, responsible, doc_number, date, year, disclosure_date, disclosure_channel,
              pages, retention, income_fen, fund_category, secrecy, category_code, fonds_code, filing_year,
              retention_code, problem_code, item_no, archival_code, status, voided_at
         FROM records
        WHERE ${prefilters.map((p) => `(${p.sql})`).join(' OR ')}
        ORDER BY id`,
    params,
  );
}

/** community id → name and code (全宗号) */
export type Communities = Map<number, { name: string; code: string }>;

export function loadCommunities(q: Statements): Communities {
  const rows = q.all<{ id: number; name: string; code: string }>('SELECT id, name, code FROM communities');
  return new Map(rows.map((c) => [c.id, c]));
}
