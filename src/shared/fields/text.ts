// Text as people type or paste it: full-width forms and invisible padding.

/** A value read or typed in, or the reason it was refused (in Chinese, saying what to write). */
export type Parsed<T> = { value: T } | { error: string };

/** Full-width digits, letters and punctuation (and the ideographic space) to their ASCII forms. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** trim() plus the invisible characters pasted in from web pages and WPS. */
export function clean(s: string): string {
  return s.replace(/^[\s\u3000\u00A0\u200B\uFEFF]+|[\s\u3000\u00A0\u200B\uFEFF]+$/g, '');
}

/** What a field holds before it is read: typed text, a spreadsheet number or date, or nothing. */
export type FieldValue = string | number | boolean | Date | null;

/** The value as the person wrote it, for messages. */
export function shown(v: FieldValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}
