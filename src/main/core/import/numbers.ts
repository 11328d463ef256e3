// Amounts (元) and counts as written in real sheets: thousands separators, 万, full-width digits,
// units. A comma that is not a thousands separator (European decimals) is refused, not guessed.
import { halfWidth, isCellError, type Parsed, type Plain } from './cells';

const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const MAX_AMOUNT = 1e12;

function shownOf(p: Plain): string {
  if (p === null) return '';
  if (p instanceof Date) return p.toISOString().slice(0, 10);
  return isCellError(p) ? p.error : String(p).trim();
}

function numberText(s: string): number | null {
  if (PLAIN.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

/** A non-negative number of 元 with at most two decimals (fen). */
export function parseAmount(p: Plain): Parsed<number> {
  const shown = shownOf(p);
  const refuse = { error: `无法识别金额“${shown}”，请填写数字（单位：元），如 20000、20,000.00 或 2万` };
  let n: number | null = null;
  if (typeof p === 'number') n = p;
  else if (typeof p === 'string') {
    let s = halfWidth(p).replace(/\s+/g, '').replace(/^(?:¥|￥|RMB)/i, '').replace(/元$/, '');
    if (s.startsWith('-')) return { error: `金额“${shown}”不能为负数；支出请填在“支出金额”列` };
    const wan = s.endsWith('万');
    if (wan) s = s.slice(0, -1);
    n = numberText(s);
    if (n !== null && wan) n *= 10000;
  }
  if (n === null || !Number.isFinite(n)) return refuse;
  if (n < 0) return { error: `金额“${shown}”不能为负数；支出请填在“支出金额”列` };
  if (n > MAX_AMOUNT) return { error: `金额“${shown}”过大，请核对（单位：元）` };
  const fen = Math.round(n * 100);
  if (Math.abs(n * 100 - fen) > 1e-6) return { error: `金额“${shown}”最多保留两位小数（到分），如 1234.56` };
  return { value: fen / 100 };
}

const COUNT_UNITS = /(?:页|户|人|个|家|名)$/;
const DECIMAL_UNITS = /(?:平方公里|平方千米|km²|km2|平方米|㎡|m²|m2|小时|h)$/i;

export function parseCount(p: Plain): Parsed<number> {
  const shown = shownOf(p);
  const n = typeof p === 'number' ? p : typeof p === 'string' ? numberText(halfWidth(p).replace(/\s+/g, '').replace(COUNT_UNITS, '')) : null;
  if (n === null || !Number.isInteger(n) || n < 0 || n > 1e9) return { error: `无法识别“${shown}”，请填写非负整数，如 12` };
  return { value: n };
}

export function parseDecimal(p: Plain): Parsed<number> {
  const shown = shownOf(p);
  const n = typeof p === 'number' ? p : typeof p === 'string' ? numberText(halfWidth(p).replace(/\s+/g, '').replace(DECIMAL_UNITS, '')) : null;
  if (n === null || !Number.isFinite(n) || n < 0 || n > 1e9) return { error: `无法识别“${shown}”，请填写非负数字，如 2.5` };
  return { value: n };
}
