// RETENTION.md "Counting", with appraisal: a term runs from 1 January after the item's year, and an
// item of year Y with term N is due for appraisal from 1 January Y+N+1. A term an appraisal gave
// (keep with a new term) runs from 1 January after the year the appraisal closed: its last year is
// kept on the decision (appraisal_items.expires_year), so the item falls due again when that runs out.
import { sql, type Expression, type SqlBool } from 'kysely';
import { RETENTIONS, type Retention } from '../../../shared/vocabulary';
import type { Reader } from '../db/handles';
import { retentionYears } from '../retention/schedule';

/** The last year of a fixed term counted from `fromYear` (null: 永久). */
export function termEnd(fromYear: number, retention: Retention): number | null {
  const n = retentionYears(retention);
  return n === null ? null : fromYear + n;
}

export const dueFromOf = (lastYear: number): string => `${lastYear + 1}-01-01`;

/** The last year of an item's term in force: the latest kept term's, else its own year's. */
export function expiryOf(itemYear: number, retention: Retention, kept?: number): number | null {
  if (retention === '永久') return null;
  return kept ?? termEnd(itemYear, retention);
}

/** The latest term an appraisal gave, by record (only items an appraisal kept). */
export async function keptExpiries(db: Reader): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('appraisal_items')
    .select(['record_id', 'expires_year'])
    .where('expires_year', 'is not', null)
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.record_id, r.expires_year!]));
}

const yearsCase = sql.raw(
  `CASE records.retention ${RETENTIONS.map((r) => `WHEN '${r}' THEN ${retentionYears(r) ?? 'NULL'}`).join(' ')} END`,
);

/** SQL: the last year of a record's term in force (NULL for 永久). */
export const expirySql = sql<number | null>`coalesce(
  (SELECT i.expires_year FROM appraisal_items i WHERE i.record_id = records.id AND i.expires_year IS NOT NULL ORDER BY i.id DESC LIMIT 1),
  coalesce(records.filing_year, records.year) + ${yearsCase})`;

/** SQL: the record's term in force ran out before `asOf`'s year began. */
export const dueSql = (asOf: string): Expression<SqlBool> => sql<SqlBool>`${expirySql} < ${Number(asOf.slice(0, 4))}`;
