// Counts the reports print: records per community × 类别 × month, and per 类别 × 事项.
import { AFFAIRS, type Affair } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { scopedRecords } from './records';
import type { ReportScope } from './scope';

export interface MonthlyRow {
  communityId: number;
  community: string;
  affair: Affair;
  /** index 0 = January */
  months: number[];
  total: number;
}

/** One row per selected community and 类别 (zeros included), in 全宗号 then 类别 order. */
export async function monthlyCounts(ctx: ArchiveContext, scope: ReportScope): Promise<MonthlyRow[]> {
  const counts = await scopedRecords(ctx.db, scope)
    .select(['community_id', 'affair', (eb) => eb.fn<string>('substr', ['date', eb.val(6), eb.val(2)]).as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['community_id', 'affair', 'month'])
    .execute();
  const rows: MonthlyRow[] = [];
  const index = new Map<string, MonthlyRow>();
  for (const c of scope.communities) {
    for (const affair of AFFAIRS) {
      const row = { communityId: c.id, community: c.name, affair, months: Array<number>(12).fill(0), total: 0 };
      rows.push(row);
      index.set(`${c.id}|${affair}`, row);
    }
  }
  for (const k of counts) {
    const row = index.get(`${k.community_id}|${k.affair}`);
    if (!row) continue;
    row.months[Number(k.month) - 1]! += Number(k.n);
    row.total += Number(k.n);
  }
  return rows;
}

export interface KindCount {
  affair: Affair;
  kind: string;
  count: number;
}

export async function kindCounts(ctx: ArchiveContext, scope: ReportScope): Promise<KindCount[]> {
  const rows = await scopedRecords(ctx.db, scope)
    .select(['affair', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['affair', 'kind'])
    .orderBy('affair')
    .orderBy('n', 'desc')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ affair: r.affair as Affair, kind: r.kind, count: Number(r.n) }));
}

export function totalsByAffair(rows: MonthlyRow[]): Record<Affair, number> {
  const out = { 党务: 0, 居务: 0, 财务: 0 } as Record<Affair, number>;
  for (const r of rows) out[r.affair] += r.total;
  return out;
}
