// The figures the work report states, each read from the database for the package's scope.
import { sql } from 'kysely';
import type { ArchiveContext } from '../context';
import { scopedRecords } from './records';
import type { ReportScope } from './scope';
import { disclosureSql, kindCounts, monthlyCounts, type KindCount, type MonthlyRow } from './statistics';

export interface FundTotal {
  /** 资金类别; '' when none was given */
  category: string;
  /** yuan */
  income: number;
  expense: number;
}

export interface ReportFacts {
  monthly: MonthlyRow[];
  kinds: KindCount[];
  filed: number;
  unfiled: number;
  /** filed items per 保管期限 */
  byRetention: Map<string, number>;
  /** disclosures per channel (公开形式); '' when not recorded */
  channels: Map<string, number>;
  /** disclosures without any attachment (no photo of the board, no notice kept) */
  bareDisclosures: number;
  /** 财务 items, by 资金类别, largest income first */
  funds: FundTotal[];
}

export async function reportFacts(ctx: ArchiveContext, scope: ReportScope): Promise<ReportFacts> {
  const base = scopedRecords(ctx.db, scope);
  const disclosures = base.where(disclosureSql, '=', 1);
  const [monthly, kinds, retention, channels, bare, funds] = await Promise.all([
    monthlyCounts(ctx, scope),
    kindCounts(ctx, scope),
    base
      .select(['retention', sql<number>`item_no IS NOT NULL`.as('filed'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['retention', 'filed'])
      .execute(),
    disclosures.select(['disclosure_channel', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('disclosure_channel').orderBy('n', 'desc').orderBy('disclosure_channel').execute(),
    disclosures
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('attachments').select('attachments.id').whereRef('attachments.record_id', '=', 'records.id').where('attachments.removed_at', 'is', null))),
      )
      .executeTakeFirstOrThrow(),
    base
      .select(['fund_category', (eb) => eb.fn.coalesce(eb.fn.sum<number>('income_fen'), eb.val(0)).as('income'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('expense_fen'), eb.val(0)).as('expense')])
      .where('affair', '=', '财务')
      .groupBy('fund_category')
      .execute(),
  ]);
  const byRetention = new Map<string, number>();
  let filed = 0;
  let unfiled = 0;
  for (const r of retention) {
    if (!Number(r.filed)) unfiled += Number(r.n);
    else {
      filed += Number(r.n);
      byRetention.set(r.retention, (byRetention.get(r.retention) ?? 0) + Number(r.n));
    }
  }
  return {
    monthly,
    kinds,
    filed,
    unfiled,
    byRetention,
    channels: new Map(channels.map((c) => [c.disclosure_channel ?? '', Number(c.n)])),
    bareDisclosures: Number(bare.n),
    funds: funds
      .map((f) => ({ category: f.fund_category ?? '', income: Number(f.income) / 100, expense: Number(f.expense) / 100 }))
      .filter((f) => f.income > 0 || f.expense > 0)
      .sort((a, b) => b.income - a.income),
  };
}
