// Standards evaluation speed (issue 4): audit of 30 communities × 1,000 records for a year (≤ 1 s).
import { join } from 'node:path';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { saveCommunity } from '../src/main/core/communities/repository';
import { insertRecords } from '../src/main/core/records/repository';
import { insertRoster } from '../src/main/core/roster/repository';
import { completenessGrid, runAudit } from '../src/main/core/standards';
import type { RecordInput, RosterInput } from '../src/shared/schemas';
import { AFFAIRS, DEFAULT_VOCABULARY } from '../src/shared/vocabulary';
import { fixedClock, tempDir } from '../test/helpers/archive';
import { percentile, peakRssMb, round, timed } from './measure';

const COMMUNITIES = 30;
const PER_COMMUNITY = 1000;
const RUNS = 7;

export default async function bench() {
  const { dir, cleanup } = tempDir('sanwu-bench-audit-');
  const ctx = await openArchive(join(dir, 'archive'), { create: true, actor: 'bench', clock: fixedClock('2025-12-31T10:00:00+08:00') });
  try {
    for (let c = 1; c <= COMMUNITIES; c++) {
      await saveCommunity(ctx, { code: `S${100 + c}`, name: `第${c}社区`, type: c % 3 === 0 ? '农村' : '城市', households: 300 + 97 * c, stationArea: 30 + c * 2, weeklyHours: 40 });
    }
    const inputs: RecordInput[] = [];
    const roster: RosterInput[] = [];
    for (let c = 1; c <= COMMUNITIES; c++) {
      for (let i = 0; i < PER_COMMUNITY; i++) {
        const affair = AFFAIRS[(i + c) % 3]!;
        const kinds = DEFAULT_VOCABULARY.kinds[affair];
        const kind = kinds[(i * 7 + c) % kinds.length]!;
        const date = `2025-${String(1 + ((i * 5 + c) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const money = affair === '财务' && i % 4 === 0 ? { income: 500 + (i % 50) * 10, fundCategory: DEFAULT_VOCABULARY.fundCategories[i % 8]! } : {};
        inputs.push({ communityId: c, affair, kind, title: `${kind}记录${i}`, date, ...money });
      }
      for (const [k, kind] of DEFAULT_VOCABULARY.rosterKinds.entries()) {
        for (let n = 0; n < 1 + ((k + c) % 4); n++) roster.push({ communityId: c, kind, name: `${kind}${n}`, startDate: '2023-01-01', endDate: n === 2 ? '2025-06-30' : null });
      }
    }
    await ctx.write.transaction(async (trx) => {
      await insertRecords(ctx, trx, inputs);
      await insertRoster(ctx, trx, roster);
    });
    await runAudit(ctx, { year: 2025 }); // warm-up
    const samples: number[] = [];
    let indicators = 0;
    for (let i = 0; i < RUNS; i++) {
      const { ms, value } = await timed(() => runAudit(ctx, { year: 2025 }));
      samples.push(ms);
      indicators = value.communities.reduce((n, c) => n + c.standards.reduce((m, s) => m + s.indicators.length, 0), 0);
    }
    const grid = await timed(() => completenessGrid(ctx, { year: 2025 }));
    return {
      records: inputs.length,
      communities: COMMUNITIES,
      indicatorsEvaluated: indicators,
      auditMedianMs: round(percentile(samples, 50)),
      auditMaxMs: round(Math.max(...samples)),
      targetMs: 1000,
      withinTarget: percentile(samples, 50) <= 1000,
      gridMs: round(grid.ms),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await closeArchive(ctx);
    cleanup();
  }
}
