// Counts the reports print, disclosures (公开事项: kinds whose name contains 公开) apart from the
// archive's other holdings: per community × 类别 × month, and per 类别 × 事项.
import { sql } from 'kysely';
import { AFFAIRS, DISCLOSURE_MARK, type Affair } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { scopedRecords } from './records';
import type { ReportScope } from './scope';

/** SQL: 1 for a disclosure item, else 0 (the same number on both engines) */
export const disclosureSql = sql<number>`CASE WHEN kind LIKE ${`%${DISCLOSURE_MARK}%`} THEN 1 ELSE 0 END`;

export interface MonthlyRow {
  communityId: number;
  community: string;
  affair: Affair;
  /** disclosures per month, index 0 = January */
  disclosures: number[];
  /** disclosures in the year */
  disclosed: number;
  /** the other items (meeting minutes, elections, vouchers …) */
  holdings: number;
  /** disclosed + holdings */
  total: number;
}

/** One row per selected community and 类别 (zeros included), in 全宗号 then 类别 order. */
export async function monthlyCounts(ctx: ArchiveContext, scope: ReportScope): Promise<MonthlyRow[]> {
  const counts = await scopedRecords(ctx.db, scope)
    .select([
      'community_id',
      'affair',
      (eb) => eb.fn<string>('substr', ['date', eb.val(6), eb.val(2)]).as('month'),
      disclosureSql.as('disclosure'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['community_id', 'affair', 'month', 'disclosure'])
    .execute();
  const rows: MonthlyRow[] = [];
  const index = new Map<string, MonthlyRow>();
  for (const c of scope.communities) {
    for (const affair of AFFAIRS) {
      const row = { communityId: c.id, community: c.name, affair, disclosures: Array<number>(12).fill(0), disclosed: 0, holdings: 0, total: 0 };
      rows.push(row);
      index.set(`${c.id}|${affair}`, row);
    }
  }
  for (const k of counts) {
    const row = index.get(`${k.community_id}|${k.affair}`);
    if (!row) continue;
    const n = Number(k.n);
    row.total += n;
    if (Number(k.disclosure)) {
      row.disclosures[Number(k.month) - 1]! += n;
      row.disclosed += n;
    } else row.holdings += n;
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

export interface AffairTotals {
  disclosed: number;
  holdings: number;
  total: number;
}

export function totalsByAffair(rows: MonthlyRow[]): Record<Affair, AffairTotals> {
  const out = Object.fromEntries(AFFAIRS.map((a) => [a, { disclosed: 0, holdings: 0, total: 0 }])) as Record<Affair, AffairTotals>;
  for (const r of rows) {
    out[r.affair].disclosed += r.disclosed;
    out[r.affair].holdings += r.holdings;
    out[r.affair].total += r.total;
  }
  return out;
}
