// Appraisal batches as the pages and documents read them: the batch with its tallies and state, its
// items with their records, and the destruction that followed it.
import { SanwuError } from '../../../shared/errors';
import type { AppraisalBatch, AppraisalItem, BatchState, Decision, DestructionInfo } from '../../../shared/lifecycle';
import type { RecordStatus, Retention } from '../../../shared/vocabulary';
import type { Reader } from '../db/handles';

function batchQuery(db: Reader) {
  return db
    .selectFrom('appraisal_batches as b')
    .leftJoin('communities as c', 'c.id', 'b.community_id')
    .leftJoin('destructions as d', 'd.batch_id', 'b.id')
    .selectAll('b')
    .select(['c.name as community', 'd.approver', 'd.supervisor1', 'd.supervisor2', 'd.destroyed_on', 'd.items as destroyed', 'd.files_removed'])
    .select((eb) => [
      eb.selectFrom('appraisal_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.batch_id', '=', 'b.id').as('items'),
      eb.selectFrom('appraisal_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.batch_id', '=', 'b.id').where('i.decision', 'is not', null).as('decided'),
      eb.selectFrom('appraisal_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.batch_id', '=', 'b.id').where('i.decision', '=', 'keep').as('keep'),
      eb.selectFrom('appraisal_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.batch_id', '=', 'b.id').where('i.decision', '=', 'destroy').as('destroy'),
    ]);
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>;

function stateOf(r: BatchRow): BatchState {
  if (r.closed_at === null) return '鉴定中';
  if (r.approver !== null) return '已销毁';
  return Number(r.destroy) > 0 ? '待批准销毁' : '已结束';
}

function toBatch(r: BatchRow): AppraisalBatch {
  const destruction: DestructionInfo | null =
    r.approver === null
      ? null
      : { approver: r.approver, supervisors: [r.supervisor1!, r.supervisor2!], date: r.destroyed_on!, items: r.destroyed!, filesRemoved: r.files_removed };
  return {
    id: r.id,
    asOf: r.as_of,
    community: r.community,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    closedOn: r.closed_on,
    group: r.group_members ? (JSON.parse(r.group_members) as string[]) : [],
    opinion: r.opinion,
    items: Number(r.items),
    decided: Number(r.decided),
    keep: Number(r.keep),
    destroy: Number(r.destroy),
    state: stateOf(r),
    destruction,
  };
}

export async function listBatches(db: Reader): Promise<AppraisalBatch[]> {
  return (await batchQuery(db).orderBy('b.id', 'desc').execute()).map(toBatch);
}

export async function findBatch(db: Reader, id: number): Promise<AppraisalBatch> {
  const row = await batchQuery(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new SanwuError('NOT_FOUND', `没有第 ${id} 批鉴定。请先用“开始鉴定”列出到期档案。`);
  return toBatch(row);
}

/** A batch's items with what the documents need of their records, in 档号 order. */
export function batchItemQuery(db: Reader, batchId: number) {
  return db
    .selectFrom('appraisal_items as i')
    .innerJoin('records as r', 'r.id', 'i.record_id')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .leftJoin('holds as h', (j) => j.onRef('h.record_id', '=', 'r.id').on('h.released_at', 'is', null))
    .select([
      'i.id as item_id',
      'i.record_id',
      'i.retention_before',
      'i.due_from',
      'i.decision',
      'i.new_retention',
      'i.reason',
      'i.decided_by',
      'r.archival_code',
      'r.title',
      'r.title_supplied',
      'r.year',
      'r.filing_year',
      'r.retention',
      'r.status',
      'r.pages',
      'r.box_no',
      'r.category_code',
      'r.fonds_code',
      'c.name as community',
      'c.code as community_code',
      'h.reason as held',
    ])
    .where('i.batch_id', '=', batchId)
    .orderBy('r.fonds_code')
    .orderBy('r.category_code')
    .orderBy('r.filing_year')
    .orderBy('r.archival_code');
}

export type BatchItemRow = Awaited<ReturnType<ReturnType<typeof batchItemQuery>['execute']>>[number];

export const toItem = (r: BatchItemRow): AppraisalItem => ({
  id: r.record_id,
  archivalCode: r.archival_code ?? '',
  title: r.title,
  year: r.filing_year ?? r.year,
  retention: r.retention_before as Retention,
  dueFrom: r.due_from,
  community: r.community,
  held: r.held,
  status: r.status as RecordStatus,
  decision: r.decision as Decision | null,
  newRetention: r.new_retention as Retention | null,
  reason: r.reason,
  decidedBy: r.decided_by,
});

export async function batchItems(db: Reader, batchId: number): Promise<BatchItemRow[]> {
  return batchItemQuery(db, batchId).execute();
}
