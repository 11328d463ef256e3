// The completeness grid for the dashboard and reports: communities × months × 类别, the records each
// cell holds against what the standards in use expect there (monthly rules every month, quarterly and
// half-yearly rules and quarterly disclosure in the period's last month).
import { z } from 'zod';
import type { CompletenessGrid } from '../../../shared/audit';
import { yearSchema } from '../../../shared/schemas';
import { AFFAIRS, type Affair } from '../../../shared/vocabulary';
import { listCommunities } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { sql } from 'kysely';
import { loadKinds } from '../records/vocabulary';
import { STANDARDS, type Cadence, type Standard } from './catalogue';
import { asOfDate, periodsOf } from './periods';
import { parseRequest } from './request';
import { loadStandardsSettings, type StandardsSettings } from './settings';

const MONTHS_OF: Record<Cadence, number> = { monthly: 1, quarterly: 3, halfyearly: 6 };

/** Expected records per month (index 0–11) and 类别, for one community type. */
function expectations(standards: Standard[], settings: StandardsSettings, affairOf: Map<string, Affair>): Record<Affair, number[]> {
  const seen = new Set<string>();
  const out = Object.fromEntries(AFFAIRS.map((a) => [a, Array<number>(12).fill(0)])) as Record<Affair, number[]>;
  const expect = (affair: Affair | undefined, cadence: Cadence, key: string) => {
    if (!affair || seen.has(`${cadence}|${key}`)) return;
    seen.add(`${cadence}|${key}`);
    const every = MONTHS_OF[cadence];
    for (let m = every - 1; m < 12; m += every) out[affair][m]! += 1;
  };
  for (const s of standards) {
    for (const i of s.indicators) {
      for (const rule of i.rules) {
        if (rule.type === 'monthly' || rule.type === 'quarterly' || rule.type === 'halfyearly') {
          expect(affairOf.get(rule.kind), settings.cadences[i.id] ?? rule.type, rule.kind);
        } else if (rule.type === 'disclosed') {
          for (const a of AFFAIRS) expect(a, 'quarterly', `${a}公开`);
        }
      }
    }
  }
  return out;
}

export async function completenessGrid(ctx: ArchiveContext, req: { year: number }): Promise<CompletenessGrid> {
  const { year } = parseRequest(z.object({ year: yearSchema }), req, '完整性统计参数不正确');
  const asOf = asOfDate(year, ctx.clock);
  const settings = await loadStandardsSettings(ctx.db);
  const { affairOf } = await loadKinds(ctx.db);
  const inUse = STANDARDS.filter((s) => settings.inUse.includes(s.id));
  const months = periodsOf('monthly', year);
  const counts = new Map<string, number>();
  const rows = await ctx.db
    .selectFrom('records')
    .select(['community_id', 'affair', sql<number>`CAST(substr(date, 6, 2) AS INTEGER)`.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .groupBy(['community_id', 'affair', sql`CAST(substr(date, 6, 2) AS INTEGER)`])
    .execute();
  for (const r of rows) counts.set(`${r.community_id}|${r.affair}|${r.month}`, r.n);
  const byType = new Map<string, Record<Affair, number[]>>();
  const grid: CompletenessGrid = { year, asOf, periods: months.map((m) => m.start.slice(0, 7)), rows: [] };
  for (const c of await listCommunities(ctx.db)) {
    let expected = byType.get(c.type);
    if (!expected) byType.set(c.type, (expected = expectations(inUse.filter((s) => s.appliesTo.includes(c.type)), settings, affairOf)));
    for (const affair of AFFAIRS) {
      grid.rows.push({
        community: c.name,
        affair,
        cells: months.map((m, i) => ({ count: counts.get(`${c.id}|${affair}|${i + 1}`) ?? 0, expected: m.start <= asOf ? expected[affair][i]! : 0 })),
      });
    }
  }
  return grid;
}
