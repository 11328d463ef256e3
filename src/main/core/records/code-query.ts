// A search term that looks like a 档号 or part of one (S101, S101-WS, 0001, 2025-D30, the full code):
// read as a run of the template's parts, so it finds items by their separately stored parts whatever
// the separators typed (- · . /) or the template a code was rendered with.
import { halfWidth } from '../../../shared/fields/text';
import { archivalCodePattern } from '../archival-codes/template';

/** Each template field: its column, and how a typed segment compares with the stored value. */
const PART_COLUMNS: Record<string, { column: string; value: (segment: string) => (string | number)[]; also?: string }> = {
  全宗号: { column: 'fonds_code', value: (s) => [...new Set([s, s.toLowerCase()])] },
  门类: { column: 'category_code', value: (s) => [s] },
  // the year a record is filed under is its document's year (the check flags any other), so the
  // indexed year narrows the search first
  年度: { column: 'filing_year', value: (s) => [Number(s)], also: 'year' },
  保管期限: { column: 'retention_code', value: (s) => [s] },
  问题: { column: 'problem_code', value: (s) => [s] },
  件号: { column: 'item_no', value: (s) => [Number(s)] },
};

const patterns = new Map<string, RegExp>();
function fieldPattern(field: string): RegExp {
  let p = patterns.get(field);
  if (!p) patterns.set(field, (p = new RegExp(archivalCodePattern(`{${field}}`).source, 'i')));
  return p;
}

/** The template's fields in order, e.g. 全宗号, 门类, 年度, 保管期限, 问题, 件号. */
export const templateFields = (template: string): string[] =>
  [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((f) => Object.hasOwn(PART_COLUMNS, f));

/** The term upper-cased and half-width, as codes are stored. */
export const codeForm = (term: string): string => halfWidth(term).normalize('NFKC').toUpperCase();

/** Letters and digits in runs split by punctuation, with at least one digit. */
const CODE_LIKE = /^[A-Z0-9]+(?:[^\sA-Z0-9\p{L}\p{N}]+[A-Z0-9]+)*$/u;

export interface CodeCondition {
  sql: string;
  params: (string | number)[];
}

/**
 * The SQL condition "this record's code parts are the term's", OR-ed over every place in the template
 * the term's segments can sit; null when the term does not look like a code.
 */
export function codePartsCondition(term: string, template: string): CodeCondition | null {
  const code = codeForm(term);
  if (!CODE_LIKE.test(code) || !/\d/.test(code)) return null;
  const segments = code.split(/[^A-Z0-9]+/);
  const fields = templateFields(template);
  const alternatives: CodeCondition[] = [];
  for (let start = 0; start + segments.length <= fields.length; start++) {
    const run = fields.slice(start, start + segments.length);
    if (!run.every((f, i) => fieldPattern(f).test(segments[i]!))) continue;
    if (run.includes('年度') && !validYear(segments[run.indexOf('年度')]!)) continue;
    const parts = run.flatMap((f, i) => {
      const { column, value, also } = PART_COLUMNS[f]!;
      const values = value(segments[i]!);
      return [column, ...(also ? [also] : [])].map((c) => ({ sql: values.length === 1 ? `${c} = ?` : `${c} IN (${values.map(() => '?').join(', ')})`, params: values }));
    });
    alternatives.push({ sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) });
  }
  if (alternatives.length === 0) return null;
  return { sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params) };
}

const validYear = (s: string): boolean => Number(s) >= 1949 && Number(s) <= 2100;
