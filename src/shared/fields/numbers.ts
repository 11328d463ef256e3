// Amounts (元) and counts as written in real sheets and typed in forms: thousands separators, 万,
// full-width digits, units. A comma that is not a thousands separator (European decimals) is refused,
// not guessed; nothing is read from text that merely begins with digits (12abc is refused).
import { halfWidth, shown, type FieldValue, type Parsed } from './text';

const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
export const MAX_AMOUNT = 1e12;
const MAX_COUNT = 1e9;

function numberText(s: string): number | null {
  if (PLAIN.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

const NEGATIVE = (written: string) => ({ error: `金额“${written}”不能为负数；支出请填在“支出金额”` });

/** A non-negative number of 元 with at most two decimals (fen): 20000, 20,000.00, 2万, ２万, ￥1500元. */
export function parseAmount(v: FieldValue): Parsed<number> {
  const written = shown(v);
  const refuse = { error: `无法识别金额“${written}”，请填写数字（单位：元），如 20000、20,000.00 或 2万` };
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    let s = halfWidth(v).replace(/\s+/g, '').replace(/^(?:¥|￥|RMB)/i, '').replace(/元$/, '');
    if (s.startsWith('-')) return NEGATIVE(written);
    const wan = s.endsWith('万');
    if (wan) s = s.slice(0, -1);
    n = numberText(s);
    if (n !== null && wan) n *= 10000;
  }
  if (n === null || !Number.isFinite(n)) return refuse;
  if (n < 0) return NEGATIVE(written);
  if (n > MAX_AMOUNT) return { error: `金额“${written}”过大，请核对（单位：元）` };
  const fen = Math.round(n * 100);
  if (Math.abs(n * 100 - fen) > 1e-6) return { error: `金额“${written}”最多保留两位小数（到分），如 1234.56` };
  return { value: fen / 100 };
}

const COUNT_UNITS = /(?:页|户|人|个|家|名)$/;
const DECIMAL_UNITS = /(?:平方公里|平方千米|km²|km2|平方米|㎡|m²|m2|小时|h)$/i;

/** A whole number ≥ `min` (0 unless said): 12, 12页, １２, 1,274. */
export function parseCount(v: FieldValue, min = 0): Parsed<number> {
  const written = shown(v);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(halfWidth(v).replace(/\s+/g, '').replace(COUNT_UNITS, '')) : null;
  const what = `请填写${min > 0 ? `不小于 ${min} 的` : '非负'}整数，如 12`;
  if (n === null || !Number.isInteger(n) || n > MAX_COUNT) return { error: `无法识别“${written}”，${what}` };
  if (n < min) return { error: `“${written}”小于 ${min}，${what}` };
  return { value: n };
}

/** A non-negative number, units allowed: 2.5, 350平方米, 56小时. */
export function parseDecimal(v: FieldValue): Parsed<number> {
  const written = shown(v);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(halfWidth(v).replace(/\s+/g, '').replace(DECIMAL_UNITS, '')) : null;
  if (n === null || !Number.isFinite(n) || n < 0 || n > MAX_COUNT) return { error: `无法识别“${written}”，请填写非负数字，如 2.5` };
  return { value: n };
}
