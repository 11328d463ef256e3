// The figures the work report states, each read from the database for the package's scope.
import type { ArchiveContext } from '../context';
import { scopedRecords } from './records';
import type { ReportScope } from './scope';
import { kindCounts, monthlyCounts, type KindCount, type MonthlyRow } from './statistics';

export interface ReportFacts {
  monthly: MonthlyRow[];
  kinds: KindCount[];
  filed: number;
  unfiled: number;
  /** disclosure channel -> count; 未填写 when empty */
  channels: Map<string, number>;
  /** yuan, 财务 items */
  income: number;
  expense: number;
}

export async function reportFacts(ctx: ArchiveContext, scope: ReportScope): Promise<ReportFacts> {
  const base = scopedRecords(ctx.db, scope);
  const [monthly, kinds, filing, channels, money] = await Promise.all([
    monthlyCounts(ctx, scope),
    kindCounts(ctx, scope),
    base.select([(eb) => eb.fn.count<number>('item_no').as('filed'), (eb) => eb.fn.countAll<number>().as('all')]).executeTakeFirstOrThrow(),
    base.select(['disclosure_channel', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('disclosure_channel').orderBy('n', 'desc').orderBy('disclosure_channel').execute(),
    base
      .select([(eb) => eb.fn.coalesce(eb.fn.sum<number>('income_fen'), eb.val(0)).as('income'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('expense_fen'), eb.val(0)).as('expense')])
      .where('affair', '=', '财务')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    monthly,
    kinds,
    filed: Number(filing.filed),
    unfiled: Number(filing.all) - Number(filing.filed),
    channels: new Map(channels.map((c) => [c.disclosure_channel || '未填写', Number(c.n)])),
    income: Number(money.income) / 100,
    expense: Number(money.expense) / 100,
  };
}
