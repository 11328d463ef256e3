// 借阅登记: lending items to a borrower and taking them back, every change audited with the rows'
// whole states (check reconciles the register like the records).
import { SanwuError } from '../../../shared/errors';
import { lendInputSchema, UNLENDABLE_STATUSES, type LendInput, type LendResult, type Loan, type LoanItem } from '../../../shared/lending';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { isoDay, nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Reader } from '../db/handles';
import type { LoansTable } from '../db/schema';
import type { Selectable } from 'kysely';

/** An item named as a clerk finds it: its 档号, else its record number. */
export const itemName = (r: { id: number; archivalCode: string | null }): string => (r.archivalCode ? `档号 ${r.archivalCode}` : `记录 ${r.id}（未归档）`);

/** The items of some loans (or of some records), as the register shows them. */
async function itemsOf(db: Reader, where: { loanIds?: number[]; recordIds?: number[] }): Promise<{ loanId: number | null; item: LoanItem }[]> {
  if (where.loanIds) {
    if (where.loanIds.length === 0) return [];
    const rows = await db
      .selectFrom('loan_items as i')
      .innerJoin('records as r', 'r.id', 'i.record_id')
      .innerJoin('communities as c', 'c.id', 'r.community_id')
      .select(['i.loan_id', 'r.id', 'r.archival_code', 'r.title', 'r.status', 'c.name as community'])
      .where('i.loan_id', 'in', where.loanIds)
      .orderBy('i.id')
      .execute();
    return rows.map((r) => ({ loanId: r.loan_id, item: { id: r.id, archivalCode: r.archival_code, title: r.title, community: r.community, status: r.status } }));
  }
  const ids = where.recordIds ?? [];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('records as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .select(['r.id', 'r.archival_code', 'r.title', 'r.status', 'r.voided_at', 'c.name as community'])
    .where('r.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ loanId: null, item: { id: r.id, archivalCode: r.archival_code, title: r.title, community: r.community, status: r.voided_at ? '已作废' : r.status } }));
}

export function toLoan(row: Selectable<LoansTable>, items: LoanItem[], today: string): Loan {
  return {
    id: row.id,
    borrower: row.borrower,
    unit: row.unit,
    purpose: row.purpose,
    lentAt: row.lent_at,
    due: row.due_date,
    clerk: row.clerk,
    returnedAt: row.returned_at,
    returnClerk: row.return_clerk,
    overdue: row.returned_at === null && row.due_date !== null && row.due_date < today,
    items,
  };
}

/** Loans with their items, in the given order. */
export async function loansWithItems(ctx: ArchiveContext, db: Reader, rows: Selectable<LoansTable>[]): Promise<Loan[]> {
  const items = await itemsOf(db, { loanIds: rows.map((r) => r.id) });
  const today = isoDay(ctx.clock.now());
  return rows.map((row) => toLoan(row, items.filter((i) => i.loanId === row.id).map((i) => i.item), today));
}

function refuseUnlendable(requested: number[], found: LoanItem[]): void {
  const byId = new Map(found.map((i) => [i.id, i]));
  const missing = requested.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new SanwuError('NOT_FOUND', `没有编号为 ${missing.join('、')} 的档案，未登记借阅。请核对要借阅的档案。`);
  // named in the order asked
  const refused = requested.map((id) => byId.get(id)!).filter((i) => i.status === '已作废' || (UNLENDABLE_STATUSES as readonly string[]).includes(i.status));
  if (refused.length === 0) return;
  throw new SanwuError(
    'CONFLICT',
    `${refused.map((i) => `${itemName(i)}（${i.title}）${i.status}`).join('；')}，不能借出，未登记借阅。请把它从借阅清单中去掉。`,
    refused.map((i) => ({ record: i.id, message: `${itemName(i)}${i.status}，不能借出` })),
  );
}

export async function lend(ctx: ArchiveContext, input: LendInput): Promise<LendResult> {
  const parsed = lendInputSchema.safeParse(input);
  if (!parsed.success) throw new SanwuError('INVALID_INPUT', `借阅登记不正确：${parsed.error.issues.map((i) => i.message).join('；')}。`);
  const req = parsed.data;
  const today = isoDay(ctx.clock.now());
  if (req.due !== undefined && req.due < today) throw new SanwuError('INVALID_INPUT', `应还日期 ${req.due} 早于借阅当天（${today}），请改正。`);
  const recordIds = [...new Set(req.recordIds)];
  return ctx.write.transaction(async (trx) => {
    const items = (await itemsOf(trx, { recordIds })).map((i) => i.item);
    refuseUnlendable(recordIds, items);
    const at = nowIso(ctx);
    const loan = await trx
      .insertInto('loans')
      .values({ borrower: req.borrower, unit: req.unit, purpose: req.purpose, lent_at: at, due_date: req.due ?? null, clerk: ctx.actor, created_at: at, updated_at: at })
      .returning(['id', stateColumn(trx, 'loan').as('state')])
      .executeTakeFirstOrThrow();
    const audit: AuditInput[] = [{ action: 'lend', entity: 'loan', entityId: loan.id, afterJson: loan.state }];
    for (const recordId of recordIds) {
      const item = await trx.insertInto('loan_items').values({ loan_id: loan.id, record_id: recordId }).returning(['id', stateColumn(trx, 'loan_item').as('state')]).executeTakeFirstOrThrow();
      audit.push({ action: 'lend', entity: 'loan_item', entityId: item.id, afterJson: item.state });
    }
    await appendAudit(ctx, trx, audit);
    const byId = new Map(items.map((i) => [i.id, i]));
    return { loan: loan.id, items: recordIds.map((id) => byId.get(id)!), borrower: req.borrower, due: req.due ?? null };
  });
}

/** 归还: the whole loan comes back, once. */
export async function returnLoan(ctx: ArchiveContext, loanId: number): Promise<Loan> {
  const returned = await ctx.write.transaction(async (trx) => {
    const row = await trx.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirst();
    if (!row) throw new SanwuError('NOT_FOUND', `没有第 ${loanId} 号借阅登记。请核对借阅单号。`);
    if (row.returned_at !== null) {
      throw new SanwuError('CONFLICT', `第 ${loanId} 号借阅登记（借阅人 ${row.borrower}）已于 ${isoDay(new Date(row.returned_at))} 由 ${row.return_clerk} 登记归还，未做修改。`);
    }
    const at = nowIso(ctx);
    const updated = await trx
      .updateTable('loans')
      .set({ returned_at: at, return_clerk: ctx.actor, updated_at: at })
      .where('id', '=', loanId)
      .returning(stateColumn(trx, 'loan').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'return', entity: 'loan', entityId: loanId, before: { returned_at: null }, afterJson: updated.state }]);
    return trx.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirstOrThrow();
  });
  const [loan] = await loansWithItems(ctx, ctx.db, [returned]);
  return loan!;
}
