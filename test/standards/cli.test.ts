import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completenessGrid } from '../../src/main/core/standards';
import { scoreOf } from '../../src/main/core/standards/score';
import type { IndicatorResult } from '../../src/shared/audit';
import { fixedClock, tempArchive, type TestArchive } from '../helpers/archive';
import { addRecords, monthDates, sanwu } from './fixtures';

let a: TestArchive;
let ids: number[];
beforeAll(async () => {
  a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区' }, { code: 'C201', name: '杏园村', type: '农村', households: 500 }] });
  ids = await addRecords(a.ctx, '居务监督委员会例会', monthDates(2025, [1, 2, 4, 5, 6, 8, 9, 10, 11, 12]));
  await addRecords(a.ctx, '居务公开', ['2025-02-01']);
});
afterAll(() => a.close());

const cli = (...argv: string[]) => sanwu(a.dir, ...argv);

describe('sanwu audit / attest', () => {
  it('prints the DESIGN.md JSON shape', async () => {
    const { code, out } = await cli('audit', '--db', 'archive', '--year', '2025', '--community', '桃源社区', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['year', 'asOf', 'communities']);
    expect(json).toMatchObject({ year: 2025, asOf: '2025-12-31' });
    expect(json.communities).toHaveLength(1);
    const c = json.communities[0];
    expect(Object.keys(c)).toEqual(['community', 'standards']);
    expect(c.standards.map((s: { id: string }) => s.id)).toEqual(['BJ-MZFZ', 'WH-DJ']);
    const s = c.standards[0];
    // the contract's fields in order, then the added ones (fields may be added, never renamed)
    expect(Object.keys(s)).toEqual(['id', 'score', 'result', 'vetoed', 'vetoPending', 'provisional', 'assessed', 'awaiting', 'indicators']);
    expect(typeof s.score).toBe('number');
    expect(s).toMatchObject({ vetoed: false, vetoPending: true, provisional: true });
    const i = s.indicators.find((x: { id: string }) => x.id === 'BJ-MZFZ-02');
    expect(i).toEqual({ id: 'BJ-MZFZ-02', status: 'partial', missing: ['缺3月、7月居务监督委员会例会记录'], evidence: ids });
    for (const ind of s.indicators) expect(['met', 'partial', 'unmet', 'pending', 'manual', 'na']).toContain(ind.status);
  });

  it('a year not yet begun has no score and no grade, in JSON and in words', async () => {
    const json = JSON.parse((await cli('audit', '--db', 'archive', '--year', '2027', '--community', '桃源社区', '--json')).out);
    for (const s of json.communities[0].standards) {
      expect(s).toMatchObject({ score: null, result: null, vetoed: false, provisional: false, assessed: 0 });
      expect(s.indicators.every((i: { status: string }) => i.status === 'pending' || i.status === 'manual')).toBe(true);
    }
    const { out } = await cli('audit', '--db', 'archive', '--year', '2027', '--community', '桃源社区');
    expect(out).toMatch(/BJ-MZFZ .*得分 暂无\s+暂无可评分项/);
    expect(out).not.toMatch(/不达标|得分 0\b/);
  });

  it('prints a compact table with the shortfalls', async () => {
    const { code, out } = await cli('audit', '--db', 'archive', '--year', '2025', '--standard', 'BJ-NCSQ');
    expect(code).toBe(0);
    expect(out).toContain('杏园村');
    expect(out).toMatch(/BJ-NCSQ-07\s+未达标\s+缺1季度、2季度、3季度、4季度居民代表会议记录/);
    expect(out).toContain('桃源社区\n  （没有适用的标准）');
  });

  it('attests a manual indicator and refuses the rest in Chinese', async () => {
    const ok = await cli('attest', '--db', 'archive', '--year', '2025', '--community', '桃源社区', '--indicator', 'BJ-MZFZ-13', '--status', 'met', '--note', '调解台账齐全', '--evidence', String(ids[0]));
    expect(ok).toMatchObject({ code: 0 });
    const audit = JSON.parse((await cli('audit', '--db', 'archive', '--year', '2025', '--community', '桃源社区', '--standard', 'BJ-MZFZ', '--json')).out);
    expect(audit.communities[0].standards[0].indicators.find((x: { id: string }) => x.id === 'BJ-MZFZ-13')).toEqual({ id: 'BJ-MZFZ-13', status: 'met', missing: [], evidence: [ids[0]] });

    const base = ['attest', '--db', 'archive', '--year', '2025', '--community', '桃源社区'];
    const unknown = await cli(...base, '--indicator', 'BJ-MZFZ-77', '--status', 'met');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('没有编号为“BJ-MZFZ-77”的指标');
    const auto = await cli(...base, '--indicator', 'BJ-MZFZ-02', '--status', 'met');
    expect(auto.code).toBe(1);
    expect(auto.err).toContain('不能人工认定');
    const bad = await cli(...base, '--indicator', 'BJ-MZFZ-01', '--status', 'yes');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--status 应为 met、unmet、na 之一');
    expect((await cli(...base, '--status', 'met')).code).toBe(2);
    expect((await cli(...base, '--indicator', 'BJ-MZFZ-01', '--status', 'met', '--evidence', 'x1')).code).toBe(2);
  });
});

describe('completeness grid and score arithmetic', () => {
  it('counts records per community, month and 类别 against the expectations', async () => {
    const grid = await completenessGrid(a.ctx, { year: 2025 });
    expect(grid.periods).toHaveLength(12);
    expect(grid.periods[0]).toBe('2025-01');
    const row = grid.rows.find((r) => r.community === '桃源社区' && r.affair === '居务')!;
    // 居务: monthly 居务监督委员会例会 + 普法挂图张贴, quarterly 居务 disclosure in the quarter's last month,
    // and in February the disclosure posted without its attachment.
    expect(row.cells.map((c) => c.expected)).toEqual([2, 3, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3]);
    expect(row.cells.map((c) => c.count)).toEqual([1, 2, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1]);
    // the same words as 考评's BJ-MZFZ-02 (缺3月、7月居务监督委员会例会记录), month by month
    expect(row.cells[2]!.missing).toEqual(['缺3月居务监督委员会例会记录', '缺3月普法挂图张贴记录']);
    expect(row.cells[6]!.missing).toEqual(['缺7月居务监督委员会例会记录', '缺7月普法挂图张贴记录']);
    // named as an inspector finds it: by 档号, or by title while unfiled — never by a record id
    expect(row.cells[1]!.missing).toEqual(['1件居务公开事项没有留存公开材料（“居务公开记录1”（未归档））', '缺2月普法挂图张贴记录']);
    expect(row.cells[11]!.missing).toEqual(['缺4季度居务公开记录', '缺12月普法挂图张贴记录']);
    const village = grid.rows.find((r) => r.community === '杏园村' && r.affair === '居务')!;
    expect(village.cells[2]!.expected).toBe(4); // plus the quarterly 居民代表会议 of BJ-NCSQ
    const party = grid.rows.find((r) => r.community === '桃源社区' && r.affair === '党务')!;
    expect(party.cells.map((c) => c.expected)).toEqual([1, 1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 3]);
  });

  it('expects nothing after the as-of date', async () => {
    const b = await tempArchive({ clock: fixedClock('2025-02-10T10:00:00+08:00') });
    try {
      const grid = await completenessGrid(b.ctx, { year: 2025 });
      // the running quarter is due in the as-of month, as 考评 counts it
      const row = grid.rows.find((r) => r.affair === '居务')!;
      expect(row.cells.map((c) => c.expected)).toEqual([2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(row.cells[1]!.missing).toContain('缺1季度居务公开记录');
    } finally {
      await b.close();
    }
  });

  it('score = 100 × (met + 0.5·partial) / decided indicators', () => {
    const ind = (status: IndicatorResult['status']): IndicatorResult => ({ id: 'X-01', status, missing: [], evidence: [] });
    expect(scoreOf(['met', 'partial', 'unmet', 'pending', 'manual', 'na'].map((s) => ind(s as IndicatorResult['status'])))).toBe(50);
    expect(scoreOf(['met', 'met', 'partial'].map((s) => ind(s as IndicatorResult['status'])))).toBe(83.3);
    // nothing scoreable: no score at all, never 0
    expect(scoreOf([ind('pending'), ind('manual'), ind('na')])).toBeNull();
  });
});
