// Period maths: the as-of date and the periods of a year that are due by it (STANDARDS.md §2).
import { isoDay, type Clock } from '../context';
import type { Cadence } from './catalogue';

export interface Period {
  /** e.g. 3月, 2季度, 上半年 */
  label: string;
  /** YYYY-MM-DD, inclusive */
  start: string;
  end: string;
}

/** A = min(31 Dec Y, today). */
export function asOfDate(year: number, clock: Clock): string {
  const today = isoDay(clock.now());
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, months: number, label: string): Period {
  const lastMonth = firstMonth + months - 1;
  return { label, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
}

export function periodsOf(cadence: Cadence, year: number): Period[] {
  switch (cadence) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => span(year, i + 1, 1, `${i + 1}月`));
    case 'quarterly':
      return Array.from({ length: 4 }, (_, i) => span(year, 3 * i + 1, 3, `${i + 1}季度`));
    case 'halfyearly':
      return [span(year, 1, 6, '上半年'), span(year, 7, 6, '下半年')];
  }
}

/** A period counts once it has ended or contains A, i.e. once it has started by A. */
export function duePeriods(cadence: Cadence, year: number, asOf: string): Period[] {
  return periodsOf(cadence, year).filter((p) => p.start <= asOf);
}

export const yearEnded = (year: number, asOf: string): boolean => asOf >= `${year}-12-31`;
export const yearStarted = (year: number, asOf: string): boolean => asOf >= `${year}-01-01`;

/** The month (1–12) a period counts in: its last month, or the as-of month while it is running. */
export const dueMonth = (p: Period, asOf: string): number => Number((p.end < asOf ? p.end : asOf).slice(5, 7));
