// Dates as communities really write them. Every unambiguous form is accepted; day-month order
// and two-digit years are refused rather than guessed.
import { halfWidth, isCellError, isoOfDate, type Parsed, type Plain } from './cells';

const EXAMPLE = '请填写如 2025-03-05';
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;
/** Excel serials of 1949-01-01 and 2100-12-31 (1900 date system). */
const MIN_SERIAL = 17899;
const MAX_SERIAL = 73415;

const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$/;
const SHORT_YEAR = /^\d{2}\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}\s*日?$/;
const NO_DAY = /^\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*月?$/;

function fromParts(y: number, m: number, d: number, shown: string): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `无法识别“${shown}”，${EXAMPLE}` };
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `年份“${shown}”不在 ${MIN_YEAR}—${MAX_YEAR} 之间，请核对` };
  return { value: isoOfDate(date) };
}

function fromSerial(n: number, shown: string): Parsed<string> {
  if (n < MIN_SERIAL || n >= MAX_SERIAL + 1) return { error: `无法识别“${shown}”，${EXAMPLE}` };
  // Serial 25569 is 1970-01-01; Excel's phantom 1900-02-29 lies before the accepted range.
  return { value: isoOfDate(new Date(Math.round((Math.floor(n) - 25569) * 86400000))) };
}

export function parseDate(p: Plain): Parsed<string> {
  if (p instanceof Date) {
    const y = p.getUTCFullYear();
    return fromParts(y, p.getUTCMonth() + 1, p.getUTCDate(), isoOfDate(p));
  }
  if (typeof p === 'number') {
    if (Number.isInteger(p) && p >= 10000000) return parseDate(String(p));
    return fromSerial(p, String(p));
  }
  if (p === null || typeof p === 'boolean' || isCellError(p)) {
    return { error: `无法识别“${p === null ? '' : isCellError(p) ? p.error : String(p)}”，${EXAMPLE}` };
  }
  const shown = p.trim();
  const s = halfWidth(shown).trim();
  const m = YMD.exec(s) ?? CHINESE.exec(s);
  if (m) {
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return fromParts(Number(y), Number(mo), Number(d), shown);
  }
  const c = COMPACT.exec(s);
  if (c) return fromParts(Number(c[1]), Number(c[2]), Number(c[3]), shown);
  if (/^\d{5}$/.test(s)) return fromSerial(Number(s), shown);
  if (DAY_FIRST.test(s)) return { error: `“${shown}”的月、日顺序不明确，请按 年-月-日 填写，如 2025-03-05` };
  if (SHORT_YEAR.test(s)) return { error: `“${shown}”的年份只有两位，请写全四位年份，如 2025-03-05` };
  if (NO_DAY.test(s)) return { error: `“${shown}”缺少日，请写到日，如 2025-03-05` };
  return { error: `无法识别“${shown}”，${EXAMPLE}` };
}
