// The demo obeys the rules every way in applies: the running year is generated up to the clock's
// today (nothing dated later: records, disclosures, roster terms), a year not begun is refused, and
// what it writes passes the same field rules the form and the import apply.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';
import { generateDemo } from '../../src/main/core/demo/generate';
import { planDemo } from '../../src/main/core/demo/plan';
import { completenessGrid, runAudit } from '../../src/main/core/standards';
import { recordFieldIssues } from '../../src/shared/fields/record';
import type { DemoSummary } from '../../src/shared/demo';
import { fixedClock, tempDir } from '../helpers/archive';

const TODAY = '2026-03-15';
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const OPTIONS = { year: 2026, communities: 5, records: 150, seed: 3 };

describe('demo of the running year', () => {
  const plan = planDemo(OPTIONS, clock);

  it('dates nothing after today, and still gives --records items per community', () => {
    for (const c of plan.communities) {
      expect(c.records).toHaveLength(150);
      for (const r of [...c.records, ...c.earlier]) {
        expect(r.date <= TODAY, `${r.title} ${r.date}`).toBe(true);
        expect(recordFieldIssues(r, TODAY)).toEqual([]);
      }
      for (const e of c.roster) {
        expect((e.startDate ?? '') <= TODAY).toBe(true);
        expect((e.endDate ?? '') <= TODAY).toBe(true);
      }
    }
    // this month's monthly items happen by today; no later month is planned
    const months = new Set(plan.communities.flatMap((c) => c.records.map((r) => r.date.slice(0, 7))));
    expect([...months].sort()).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('plants only gaps of periods already begun', () => {
    for (const c of plan.communities) {
      for (const g of c.gaps.list) {
        if (g.month !== undefined) expect(g.month).toBeLessThanOrEqual(3);
        if (g.quarter !== undefined) expect(g.quarter).toBe(1);
        expect(g.kind).not.toBe('lawyerLapsed');
      }
    }
  });

  it('refuses a year that has not begun', () => {
    expect(() => planDemo({ ...OPTIONS, year: 2027 }, clock)).toThrow(/--year 2027 尚未开始（今天是 2026-03-15）/);
  });
});

describe('the grid and 考评 on a demo archive', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ctx: ArchiveContext;
  let summary: DemoSummary;
  beforeAll(async () => {
    tmp = tempDir('sanwu-demo-');
    ctx = await openArchive(join(tmp.dir, 'archive'), { create: true, clock: fixedClock(), actor: 'test' });
    summary = await generateDemo(ctx, planDemo({ year: 2025, communities: 12, records: 150, seed: 1 }, fixedClock()));
  }, 120_000);
  afterAll(async () => {
    await closeArchive(ctx);
    tmp.cleanup();
  });

  it('agree on every period shortfall: each month the grid says is short, 考评 names, and the other way round', async () => {
    const [grid, audit] = await Promise.all([completenessGrid(ctx, { year: 2025 }), runAudit(ctx, { year: 2025 })]);
    const fromGrid = new Set<string>();
    for (const row of grid.rows) {
      row.cells.forEach((c) => {
        for (const m of c.missing) {
          const one = /^缺(\d+月|\d季度|上半年|下半年)(.+)记录$/.exec(m);
          if (one) fromGrid.add(`${row.community}|${one[1]}|${one[2]}`);
        }
      });
    }
    const fromAudit = new Set<string>();
    for (const c of audit.communities) {
      for (const s of c.standards) {
        for (const i of s.indicators) {
          for (const m of i.missing) {
            const many = /^缺((?:\d+月|\d季度|上半年|下半年)(?:、(?:\d+月|\d季度|上半年|下半年))*)(.+)记录$/.exec(m);
            if (many) for (const label of many[1]!.split('、')) fromAudit.add(`${c.community}|${label}|${many[2]}`);
          }
        }
      }
    }
    expect([...fromGrid].sort()).toEqual([...fromAudit].sort());
    // the planted missed meeting is among them, in the month's cell
    const gap = summary.gaps.find((g) => g.gap === 'supervisionMonth')!;
    const month = Number(/(\d+)月/.exec(gap.description)![1]);
    const cell = grid.rows.find((r) => r.community === gap.community && r.affair === '居务')!.cells[month - 1]!;
    expect(cell.count).toBeGreaterThan(0);
    expect(cell.missing).toContain(`缺${month}月居务监督委员会例会记录`);
  });
});
