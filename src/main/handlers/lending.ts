// 借阅: the lending register and the log of files viewed (利用).
import { lend, returnLoan } from '../core/lending/loans';
import { listLoans } from '../core/lending/register';
import { listViews } from '../core/lending/views';
import type { Handlers } from './types';

export const lendingHandlers: Handlers<'lending.lend' | 'lending.return' | 'lending.list' | 'lending.views'> = {
  'lending.lend': (ctx, input) => lend(ctx, input),
  'lending.return': (ctx, { loan }) => returnLoan(ctx, loan),
  'lending.list': (ctx, query) => listLoans(ctx, query),
  'lending.views': (ctx, query) => listViews(ctx, query),
};
