// The same archive on both engines gives the same answers: one demo (same seed), filed, then every read
// the pages and the reports make — search, the dashboard, the completeness grid, 考评, the report's
// figures and record stream, the records.json of the package, and the inspection — compared whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { runCheck } from '../../src/main/core/check';
import type { ArchiveContext } from '../../src/main/core/context';
import { dashboardSummary } from '../../src/main/core/dashboard/summary';
import { generateDemo } from '../../src/main/core/demo/generate';
import { planDemo } from '../../src/main/core/demo/plan';
import { buildReportPackage } from '../../src/main/core/package';
import { catalogueBoxes, catalogueVolumes } from '../../src/main/core/reports/catalogue';
import { reportFacts } from '../../src/main/core/reports/facts';
import { iterateRecords } from '../../src/main/core/reports/records';
import { resolveScope } from '../../src/main/core/reports/scope';
import { kindCounts, monthlyCounts } from '../../src/main/core/reports/statistics';
import { searchRecords } from '../../src/main/core/records/search';
import { completenessGrid } from '../../src/main/core/standards';
import { runAudit } from '../../src/main/core/standards/evaluate';
import { collect } from '../../bench/measure';
import { fixedClock, tempArchive, type TestArchive } from '../helpers/archive';

const YEAR = 2025;

async function answers(ctx: ArchiveContext, out: string): Promise<Record<string, unknown>> {
  const scope = await resolveScope(ctx, { year: YEAR });
  const searches: Record<string, unknown> = {};
  const code = (await ctx.db.selectFrom('records').select('archival_code').where('archival_code', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow()).archival_code!;
  // Chinese terms of every length, several terms, and 档号 or parts of one (ranked: exact code first)
  for (const q of ['', '例会', '会议记录', '公开栏照片', '党', '〔2025〕', '桃源 例会', code, code.toLowerCase(), 'S101', '0003', 'S102-WS', '2025-D30', 'ws', '例会 0002']) {
    searches[q] = await searchRecords(ctx, { q, limit: 40 });
    searches[`${q}|居务|2025`] = await searchRecords(ctx, { q, affair: '居务', year: YEAR, limit: 40, offset: 5 });
  }
  // the list's sortable columns, both ways, and a picked selection
  for (const sort of ['archivalCode', 'date', 'title', 'community'] as const) {
    for (const order of ['asc', 'desc'] as const) searches[`sort ${sort} ${order}`] = await searchRecords(ctx, { sort, order, limit: 60, offset: 30 });
    searches[`sort ${sort}|例会`] = await searchRecords(ctx, { q: '例会', sort, limit: 40 });
  }
  searches.picked = await searchRecords(ctx, { ids: [9, 3, 27, 1], sort: 'title' });
  const report = await buildReportPackage(ctx, { year: YEAR, outDir: out });
  return {
    searches,
    dashboard: await dashboardSummary(ctx, YEAR),
    grid: await completenessGrid(ctx, { year: YEAR }),
    audit: await runAudit(ctx, { year: YEAR }),
    facts: await reportFacts(ctx, scope),
    monthly: await monthlyCounts(ctx, scope),
    kinds: await kindCounts(ctx, scope),
    volumes: [...(await catalogueVolumes(ctx, scope)).entries()],
    boxes: await catalogueBoxes(ctx, scope),
    ledger: await collect(iterateRecords(ctx, scope)),
    catalogue: await collect(iterateRecords(ctx, scope, { filedOnly: true }, 'catalogue')),
    recordsJson: JSON.parse(readFileSync(join(report.path, report.files.find((f) => f.endsWith('records.json'))!), 'utf8')),
    check: (await runCheck(ctx)).problems,
  };
}

describe('one archive, two engines, the same answers', () => {
  const archives: TestArchive[] = [];
  beforeAll(async () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const a = await tempArchive({ engine, communities: [], clock: fixedClock('2026-03-10T10:00:00+08:00') });
      await generateDemo(a.ctx, planDemo({ year: YEAR, communities: 2, records: 140, seed: 7 }, a.ctx.clock));
      await fileYear(a.ctx, { year: YEAR });
      archives.push(a);
    }
  }, 240_000);
  afterAll(async () => {
    for (const a of archives) await a.close();
  });

  it('searches, counts, evaluates, reports and inspects alike', async () => {
    const [lite, server] = [await answers(archives[0]!.ctx, join(archives[0]!.dir, 'out')), await answers(archives[1]!.ctx, join(archives[1]!.dir, 'out'))];
    expect((lite.ledger as unknown[]).length).toBeGreaterThan(200);
    const searches = lite.searches as Record<string, { total: number; records: { archivalCode: string | null }[] }>;
    // a full 档号 finds its item first; parts and Chinese terms find many
    const code = Object.keys(searches).find((q) => /·/.test(q) && !q.includes('|'))!;
    expect(searches[code]!.records[0]!.archivalCode).toBe(code);
    for (const q of ['例会', '会议记录', 'S101', '0003', '党']) expect(searches[q]!.total, q).toBeGreaterThan(0);
    expect(Object.keys(lite).filter((key) => JSON.stringify(server[key]) !== JSON.stringify(lite[key]))).toEqual([]);
    for (const key of Object.keys(lite)) expect(server[key], key).toEqual(lite[key]);
  }, 240_000);
});
