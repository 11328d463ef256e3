// The records a report covers, streamed from the database row by row (a 100,000-row ledger must not
// sit in memory). Kysely builds the query; the raw prepared statement iterates it.
import { sql } from 'kysely';
import type { ArchiveRecord } from '../../../shared/domain';
import type { Affair } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { toRecord, type RecordRowWithJoins } from '../records/mapping';
import type { ReportScope } from './scope';
import { engineOf } from '../db';
import type { Reader } from '../db/handles';

export interface RecordFilter {
  affair?: Affair;
  /** only items with a 档号 */
  filedOnly?: boolean;
  /** every year up to and including the scope's year (retention checks), not only that year */
  throughYear?: boolean;
}

export type RecordOrder = 'ledger' | 'catalogue';

/** A record as the reports see it: attachments are listed on their own (records.json), not counted. */
export type ReportRecord = Omit<ArchiveRecord, 'attachments'>;

const ids = (scope: ReportScope) => (scope.communities.length > 0 ? scope.communities.map((c) => c.id) : [-1]);

/** The year's unvoided records of the selected communities, for counting and grouping queries. */
export function scopedRecords(db: Reader, scope: ReportScope) {
  return db.selectFrom('records').where('voided_at', 'is', null).where('year', '=', scope.year).where('community_id', 'in', ids(scope));
}

function query(ctx: ArchiveContext, scope: ReportScope, filter: RecordFilter, order: RecordOrder) {
  // not selectRecords: its per-row attachment count costs a tenth of a 100,000-row ledger's time
  let q = ctx.db
    .selectFrom('records')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .selectAll('records')
    .select(['communities.name as community', sql<number>`0`.as('attachments')])
    .where('records.voided_at', 'is', null)
    .where('records.community_id', 'in', ids(scope));
  q = filter.throughYear ? q.where('records.year', '<=', scope.year) : q.where('records.year', '=', scope.year);
  if (filter.affair) q = q.where('records.affair', '=', filter.affair);
  if (filter.filedOnly) q = q.where('records.item_no', 'is not', null);
  q =
    order === 'catalogue'
      ? q
          .orderBy('records.fonds_code')
          .orderBy('records.category_code')
          .orderBy('records.filing_year')
          .orderBy('records.retention_code')
          .orderBy('records.problem_code')
          .orderBy('records.item_no')
      : q.orderBy('communities.code').orderBy('records.date').orderBy('records.id');
  return q;
}

/** The records one at a time, from a snapshot of their own (memory stays flat; other reads go on meanwhile). */
export async function* iterateRecords(ctx: ArchiveContext, scope: ReportScope, filter: RecordFilter = {}, order: RecordOrder = 'ledger'): AsyncGenerator<ReportRecord> {
  if (scope.communities.length === 0) return;
  for await (const row of engineOf(ctx.db).streamRows<RecordRowWithJoins>(ctx.db, query(ctx, scope, filter, order).compile())) yield toRecord(row);
}
