// The rules on a record's fields that every way in applies (the form, the import, the contract the
// CLI and the UI call, the archive check): dates not after today, a disclosure not before the document,
// at least one page.
import { RECORD_LABELS as L } from '../labels';
import { MIN_YEAR } from './dates';

export interface FieldIssue {
  field: 'date' | 'disclosureDate' | 'pages';
  message: string;
}

export const MIN_PAGES = 1;

export interface RecordDates {
  date: string;
  disclosureDate?: string | null;
}

/** `today` is the local calendar day, YYYY-MM-DD. */
export function recordDateIssues(r: RecordDates, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (r.date > today) out.push({ field: 'date', message: `${L.date} ${r.date} 晚于今天（${today}）` });
  if (r.date < `${MIN_YEAR}-01-01`) out.push({ field: 'date', message: `${L.date} ${r.date} 早于${MIN_YEAR}年` });
  const d = r.disclosureDate;
  if (d) {
    if (d < r.date) out.push({ field: 'disclosureDate', message: `${L.disclosureDate} ${d} 早于${L.date} ${r.date}` });
    if (d > today) out.push({ field: 'disclosureDate', message: `${L.disclosureDate} ${d} 晚于今天（${today}）` });
  }
  return out;
}

export function recordFieldIssues(r: RecordDates & { pages?: number | null }, today: string): FieldIssue[] {
  const out = recordDateIssues(r, today);
  if (r.pages !== null && r.pages !== undefined && r.pages < MIN_PAGES) out.push({ field: 'pages', message: `${L.pages}应不小于 ${MIN_PAGES}` });
  return out;
}

/** What a filed record keeps as it was filed (its 档号 rests on them); the rest stays editable. */
export const LOCKED_WHEN_FILED = ['affair', 'kind', 'date', 'retention'] as const;
