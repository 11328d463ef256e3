// Cell values as exceljs and the CSV reader give them, reduced to plain values: formulas give their
// result, rich text and hyperlinks their text. The rules that read a value are in src/shared/fields.
import { clean } from '../../../shared/fields/text';

export type Plain = string | number | boolean | Date | CellError | null;

export interface CellError {
  error: string;
}

export type { Parsed } from '../../../shared/fields/text';
export { clean, halfWidth } from '../../../shared/fields/text';

export function plainValue(raw: unknown): Plain {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
  if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
  if (typeof o.error === 'string') return { error: o.error };
  if ('text' in o) return plainValue(o.text);
  return null;
}

export function isCellError(p: Plain): p is CellError {
  return typeof p === 'object' && p !== null && !(p instanceof Date);
}

export function isoOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** What a cell shows, for text columns and messages. */
export function cellText(p: Plain): string {
  if (p === null) return '';
  if (p instanceof Date) return isoOfDate(p);
  if (isCellError(p)) return p.error;
  return clean(String(p));
}

export function isBlank(p: Plain): boolean {
  return p === null || (typeof p === 'string' && clean(p) === '');
}
