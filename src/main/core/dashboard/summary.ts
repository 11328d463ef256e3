// 工作台: the year's counts and the warnings that link to the records behind them.
import type { DashboardSummary, DashboardWarning } from '../../../shared/api';
import type { CompletenessGrid } from '../../../shared/audit';
import type { Retention } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { dueForAppraisal } from '../retention/expiry';
import { completenessGrid } from '../standards';
import { mergePeriodShortfalls } from '../standards/wording';

const link = (params: Record<string, string | number>): string =>
  `/records?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

async function countsBy(ctx: ArchiveContext, year: number, column: 'affair' | 'status'): Promise<Record<string, number>> {
  const rows = await ctx.db
    .selectFrom('records')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .groupBy(column)
    .orderBy(column)
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
    .orderBy('year')
    .orderBy('retention')
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

const LISTED = 3;

/** Per community and 类别: what the evaluation found missing, in 考评's words, linking to 考评. */
function missingPeriodWarnings(grid: CompletenessGrid): DashboardWarning[] {
  return grid.rows.flatMap((row) => {
    const missing = mergePeriodShortfalls([...new Set(row.cells.flatMap((c) => c.missing))]);
    if (missing.length === 0) return [];
    const listed = missing.length <= LISTED ? missing.join('；') : `${missing.slice(0, LISTED).join('；')}等 ${missing.length} 项`;
    return [{ kind: 'missing-period' as const, message: `${row.community}${row.affair}：${listed}`, link: `/audit?${new URLSearchParams({ year: String(grid.year), community: row.community })}` }];
  });
}

/** An archive without communities or records says so, and what to do first. */
async function emptyWarning(ctx: ArchiveContext, year: number, total: number, grid: CompletenessGrid): Promise<DashboardWarning | null> {
  if (grid.rows.length === 0) {
    return { kind: 'empty', message: '档案库还是空的：请先在“设置”中添加社区，或到“数据导入”页导入各社区的工作簿（含社区概况）。', link: '/import' };
  }
  if (total > 0) return null;
  const any = await ctx.db.selectFrom('records').select('id').where('voided_at', 'is', null).limit(1).executeTakeFirst();
  return {
    kind: 'empty',
    message: any ? `${year} 年还没有登记任何档案：请到“数据导入”页导入各社区本年度的工作簿，或在“档案管理”页新建档案。` : '档案库中还没有档案：请到“数据导入”页导入各社区的工作簿，或在“档案管理”页新建档案。',
    link: '/import',
  };
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
  const empty = await emptyWarning(ctx, year, total, grid);
  return { year, total, byAffair, byStatus, completeness: grid, warnings: [...(empty ? [empty] : []), ...warnings, ...missingPeriodWarnings(grid), ...due] };
}
