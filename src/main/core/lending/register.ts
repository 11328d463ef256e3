// Reading the lending register: loans by state (在借, 逾期, 已还) and text, and the overdue ones the
// dashboard lists.
import { sql, type ExpressionBuilder } from 'kysely';
import { loanQuerySchema, type Loan, type LoanList, type LoanQuery } from '../../../shared/lending';
import { isoDay, type ArchiveContext } from '../context';
import type { DB } from '../db/schema';
import { likePattern } from '../db/like';
import { loansWithItems } from './loans';

type Where = (eb: ExpressionBuilder<DB, 'loans'>) => ReturnType<ExpressionBuilder<DB, 'loans'>['and']>;

function stateFilter(state: 'all' | 'open' | 'overdue' | 'returned', today: string): Where {
  return (eb) => {
    switch (state) {
      case 'open':
        return eb.and([eb('returned_at', 'is', null)]);
      case 'overdue':
        return eb.and([eb('returned_at', 'is', null), eb('due_date', 'is not', null), eb('due_date', '<', today)]);
      case 'returned':
        return eb.and([eb('returned_at', 'is not', null)]);
      default:
        return eb.and([]);
    }
  };
}

/** Borrower, unit, purpose, or an item's 档号 or 题名. */
function textFilter(q: string | undefined): Where {
  return (eb) => {
    if (!q) return eb.and([]);
    const p = likePattern(q);
    const like = (column: string) => sql<boolean>`${sql.ref(column)} LIKE ${p} ESCAPE '\\'`;
    return eb.and([
      eb.or([
        like('loans.borrower'),
        like('loans.unit'),
        like('loans.purpose'),
        eb.exists(
          eb
            .selectFrom('loan_items as i')
            .innerJoin('records as r', 'r.id', 'i.record_id')
            .select('i.id')
            .whereRef('i.loan_id', '=', 'loans.id')
            .where((w) => w.or([like('r.archival_code'), like('r.title')])),
        ),
      ]),
    ]);
  };
}

export async function listLoans(ctx: ArchiveContext, query: LoanQuery = {}): Promise<LoanList> {
  const q = loanQuerySchema.parse(query);
  const today = isoDay(ctx.clock.now());
  const base = ctx.db.selectFrom('loans').where(stateFilter(q.state, today)).where(textFilter(q.q));
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
  ]);
  return { total: Number(n), loans: await loansWithItems(ctx, ctx.db, rows) };
}

/** Loans past their due date and not returned, the longest overdue first. */
export async function overdueLoans(ctx: ArchiveContext, limit = 20): Promise<{ total: number; loans: Loan[] }> {
  const today = isoDay(ctx.clock.now());
  const base = ctx.db.selectFrom('loans').where(stateFilter('overdue', today));
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('due_date').orderBy('id').limit(limit).execute(),
  ]);
  return { total: Number(n), loans: await loansWithItems(ctx, ctx.db, rows) };
}
