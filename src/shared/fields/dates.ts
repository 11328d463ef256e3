// Dates as communities really write them, for the form, the import and every other way in. Every
// unambiguous form is accepted; day-month order and two-digit years are refused rather than guessed.
import { halfWidth, shown, type FieldValue, type Parsed } from './text';

const EXAMPLE = '请填写如 2025-03-05';
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
/** Excel serials of 1949-01-01 and 2100-12-31 (1900 date system). */
const MIN_SERIAL = 17899;
const MAX_SERIAL = 73415;

const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$/;
const SHORT_YEAR = /^\d{2}\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}\s*日?$/;
const NO_DAY = /^\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*月?$/;

const isoOf = (d: Date): string => d.toISOString().slice(0, 10);

function fromParts(y: number, m: number, d: number, written: string): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `无法识别“${written}”，${EXAMPLE}` };
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `年份“${written}”不在 ${MIN_YEAR}—${MAX_YEAR} 之间，请核对` };
  return { value: isoOf(date) };
}

function fromSerial(n: number, written: string): Parsed<string> {
  if (n < MIN_SERIAL || n >= MAX_SERIAL + 1) return { error: `无法识别“${written}”，${EXAMPLE}` };
  // Serial 25569 is 1970-01-01; Excel's phantom 1900-02-29 lies before the accepted range.
  return { value: isoOf(new Date(Math.round((Math.floor(n) - 25569) * 86400000))) };
}

/** A calendar date as YYYY-MM-DD, from text (2025-3-5, 2025/03/05, 2025.3.5, 2025年3月5日, 20250305), a Date or an Excel serial. */
export function parseDate(v: FieldValue): Parsed<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: `无法识别的日期，${EXAMPLE}` };
    return fromParts(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), isoOf(v));
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 10000000) return parseDate(String(v));
    return fromSerial(v, String(v));
  }
  if (v === null || typeof v === 'boolean') return { error: `无法识别“${shown(v)}”，${EXAMPLE}` };
  const written = v.trim();
  const s = halfWidth(written).trim();
  const m = YMD.exec(s) ?? CHINESE.exec(s);
  if (m) {
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return fromParts(Number(y), Number(mo), Number(d), written);
  }
  const c = COMPACT.exec(s);
  if (c) return fromParts(Number(c[1]), Number(c[2]), Number(c[3]), written);
  if (/^\d{5}$/.test(s)) return fromSerial(Number(s), written);
  if (DAY_FIRST.test(s)) return { error: `“${written}”的月、日顺序不明确，请按 年-月-日 填写，如 2025-03-05` };
  if (SHORT_YEAR.test(s)) return { error: `“${written}”的年份只有两位，请写全四位年份，如 2025-03-05` };
  if (NO_DAY.test(s)) return { error: `“${written}”缺少日，请写到日，如 2025-03-05` };
  return { error: `无法识别“${written}”，${EXAMPLE}` };
}

/** The local calendar day of `d`, YYYY-MM-DD: "today" for the rule that nothing is dated after it. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 2025-03-05 as 2025年3月5日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A moment as people write it, in local time: 2025年12月4日 14:05 (never an ISO stamp on screen or in a file name). */
export function chineseDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${chineseDate(isoDay(d))} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
