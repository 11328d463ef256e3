// Cell values as exceljs and the CSV reader give them, reduced to plain values: formulas give their
// result, rich text and hyperlinks their text.
export type Plain = string | number | boolean | Date | CellError | null;

export interface CellError {
  error: string;
}

export type Parsed<T> = { value: T } | { error: string };

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

/** Full-width digits, letters and punctuation (and the ideographic space) to their ASCII forms. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** trim() plus the invisible characters pasted in from web pages and WPS. */
export function clean(s: string): string {
  return s.replace(/^[\s\u3000\u00A0\u200B\uFEFF]+|[\s\u3000\u00A0\u200B\uFEFF]+$/g, '');
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
