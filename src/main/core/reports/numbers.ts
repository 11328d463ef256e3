// Figures as reports write them: money in 万元, shares in per cent, counts with their measure word.

/** 3308000 → 330.8万元; amounts under 100 元 keep their yuan. */
export function wan(yuan: number): string {
  if (Math.abs(yuan) < 100 && yuan !== 0) return `${Math.round(yuan * 100) / 100}元`;
  return `${Math.round(yuan / 100) / 100}万元`;
}

/** 0.287 → 28.7% */
export const percent = (part: number, whole: number): string => (whole === 0 ? '0%' : `${Math.round((1000 * part) / whole) / 10}%`);

/** 一 … 二十 for `（一）` headings */
export function numeral(n: number): string {
  const digits = '一二三四五六七八九';
  if (n <= 9) return digits[n - 1]!;
  if (n === 10) return '十';
  if (n < 20) return `十${digits[n - 11]}`;
  return `${digits[Math.floor(n / 10) - 1]}十${n % 10 ? digits[(n % 10) - 1] : ''}`;
}
