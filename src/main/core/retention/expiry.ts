// RETENTION.md "Counting": a term runs from 1 January after the item's year. An item of year Y with
// term N expires on 31 December Y+N and is due for appraisal from 1 January Y+N+1.
import type { Retention } from '../../../shared/vocabulary';
import { retentionYears } from './schedule';

export function expiryYear(year: number, retention: Retention): number | null {
  const n = retentionYears(retention);
  return n === null ? null : year + n;
}

export function dueForAppraisal(year: number, retention: Retention, asOf: Date): boolean {
  const expiry = expiryYear(year, retention);
  return expiry !== null && asOf.getFullYear() > expiry;
}
