// The completeness grid for the dashboard: communities × months × 类别, from the same evaluation as
// 考评 (evaluate.ts). A month is 齐全 only when every periodic requirement due in it is met; each cell
// names what is missing in the words 考评 uses.
import { z } from 'zod';
import type { CompletenessCell, CompletenessGrid } from '../../../shared/audit';
import { yearSchema } from '../../../shared/schemas';
import { AFFAIRS, type Affair } from '../../../shared/vocabulary';
import { listCommunities } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { sql } from 'kysely';
import { loadKinds } from '../records/vocabulary';
import { evaluate, standardsInUse } from './evaluate';
import type { PeriodCheck } from './outcome';
import { periodsOf } from './periods';
import { parseRequest } from './request';

const MONTHS = 12;

export async function completenessGrid(ctx: ArchiveContext, req: { year: number }): Promise<CompletenessGrid> {
  const { year } = parseRequest(z.object({ year: yearSchema }), req, '完整性统计参数不正确');
  const communities = await listCommunities(ctx.db);
  const evaluation = await evaluate(ctx, year, await standardsInUse(ctx), communities);
  const { affairOf } = await loadKinds(ctx.db);
  const counts = new Map<string, number>();
  const rows = await ctx.db
    .selectFrom('records')
    .select(['community_id', 'affair', sql<number>`CAST(substr(date, 6, 2) AS INTEGER)`.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .groupBy(['community_id', 'affair', sql`CAST(substr(date, 6, 2) AS INTEGER)`])
    .execute();
  for (const r of rows) counts.set(`${r.community_id}|${r.affair}|${r.month}`, r.n);
  const grid: CompletenessGrid = { year, asOf: evaluation.asOf, periods: periodsOf('monthly', year).map((m) => m.start.slice(0, 7)), rows: [] };
  for (const { community: c, standards } of evaluation.communities) {
    const cells = emptyCells(c.id, counts);
    for (const check of dedupe(standards.flatMap((s) => s.periods))) {
      const affair = (check.affair ?? (check.kind ? affairOf.get(check.kind) : undefined)) as Affair | undefined;
      const cell = affair && cells[affair][check.month - 1];
      if (!cell) continue;
      cell.expected++;
      if (!check.met && check.missing) cell.missing.push(check.missing);
    }
    for (const affair of AFFAIRS) grid.rows.push({ community: c.name, affair, cells: cells[affair] });
  }
  return grid;
}

function emptyCells(communityId: number, counts: Map<string, number>): Record<Affair, CompletenessCell[]> {
  const cells = {} as Record<Affair, CompletenessCell[]>;
  for (const affair of AFFAIRS) {
    cells[affair] = Array.from({ length: MONTHS }, (_, i) => ({ count: counts.get(`${communityId}|${affair}|${i + 1}`) ?? 0, expected: 0, missing: [] }));
  }
  return cells;
}

/** The same requirement named by two standards counts once (met if either evaluation met it). */
function dedupe(checks: PeriodCheck[]): PeriodCheck[] {
  const byKey = new Map<string, PeriodCheck>();
  for (const c of checks) {
    const seen = byKey.get(c.key);
    if (!seen || (c.met && !seen.met)) byKey.set(c.key, c);
  }
  return [...byKey.values()];
}
