// Calendar arithmetic on plain YYYY-MM-DD strings (no time zones involved).

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const QUARTERS = [1, 2, 3, 4] as const;
export const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date, with the day clamped into the month. */
export function day(year: number, month: number, d: number): string {
  const dd = Math.min(Math.max(d, 1), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** `n` days after `date`, never past 31 Dec of its year. */
export function addDaysInYear(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  const end = `${date.slice(0, 4)}-12-31`;
  t.setUTCDate(t.getUTCDate() + n);
  const out = t.toISOString().slice(0, 10);
  return out > end ? end : out;
}

/** The months of quarter q: [first, last]. */
export function quarterMonths(q: number): [number, number] {
  return [q * 3 - 2, q * 3];
}
