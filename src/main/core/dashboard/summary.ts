// 工作台: the year's counts and the warnings that link to the records behind them.
import type { DashboardSummary, DashboardWarning } from '../../../shared/api';
import type { CompletenessGrid } from '../../../shared/audit';
import type { Retention } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { dueForAppraisal } from '../retention/expiry';
import { completenessGrid } from '../standards';

const link = (params: Record<string, string | number>): string =>
  `/records?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

async function countsBy(ctx: ArchiveContext, year: number, column: 'affair' | 'status'): Promise<Record<string, number>> {
  const rows = await ctx.db
    .selectFrom('records')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .groupBy(column)
    .execute();
  return Object.fromEntries(rows.map((r) => [r[column], Number(r.n)]));
}

/** Filed items of any year whose retention has run out (待鉴定 candidates). */
async function appraisalWarnings(ctx: ArchiveContext): Promise<DashboardWarning[]> {
  const rows = await ctx.db
    .selectFrom('records')
    .select(['year', 'retention', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', '在保')
    .where('voided_at', 'is', null)
    .groupBy(['year', 'retention'])
    .execute();
  const now = ctx.clock.now();
  return rows
    .filter((r) => dueForAppraisal(r.year, r.retention as Retention, now))
    .map((r) => ({
      kind: 'appraisal-due' as const,
      message: `${r.year} 年保管期限为${r.retention}的 ${Number(r.n)} 件档案已到期，应进行鉴定`,
      link: link({ year: r.year, retention: r.retention, status: '在保' }),
    }));
}

const MONTHS_LISTED = 4;

/** Per community and 类别: the months holding fewer records than the standards expect. */
function missingPeriodWarnings(grid: CompletenessGrid): DashboardWarning[] {
  return grid.rows.flatMap((row) => {
    const months = row.cells.flatMap((c, i) => (c.count < c.expected ? [`${Number(grid.periods[i]!.slice(5))}月`] : []));
    if (months.length === 0) return [];
    const listed = months.length <= MONTHS_LISTED ? months.join('、') : `${months.slice(0, MONTHS_LISTED).join('、')}等 ${months.length} 个月`;
    return [
      {
        kind: 'missing-period' as const,
        message: `${row.community}${row.affair}公开：${listed}的记录少于考评标准的要求`,
        link: link({ year: grid.year, community: row.community, affair: row.affair }),
      },
    ];
  });
}

export async function dashboardSummary(ctx: ArchiveContext, year: number): Promise<DashboardSummary> {
  const [byAffair, byStatus, due, grid] = await Promise.all([
    countsBy(ctx, year, 'affair'),
    countsBy(ctx, year, 'status'),
    appraisalWarnings(ctx),
    completenessGrid(ctx, { year }),
  ]);
  const total = Object.values(byAffair).reduce((a, b) => a + b, 0);
  const warnings: DashboardWarning[] = [];
  const unfiled = byStatus['未归档'] ?? 0;
  if (unfiled > 0) {
    warnings.push({ kind: 'unfiled', message: `${year} 年有 ${unfiled} 件档案尚未归档（没有档号）`, link: link({ year, status: '未归档' }) });
  }
  return { year, total, byAffair, byStatus, completeness: grid, warnings: [...warnings, ...missingPeriodWarnings(grid), ...due] };
}
