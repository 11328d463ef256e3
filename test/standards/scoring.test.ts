import { afterEach, describe, expect, it } from 'vitest';
import { attest, listStandards, runAudit, setGrades, setStandardsInUse } from '../../src/main/core/standards';
import { STANDARDS } from '../../src/main/core/standards/catalogue';
import { vetoText, verdictText } from '../../src/shared/audit-verdict';
import { fixedClock, raw, tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { addRecords, addRoster, indicator, monthDates } from './fixtures';

let a: TestArchive | undefined;
afterEach(async () => {
  await a?.close();
  a = undefined;
});

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('the catalogue', () => {
  it('has every indicator of STANDARDS.md with its IDs, BJ-NCSQ all 62 items for 农村 only', () => {
    expect(listStandards().map((s) => [s.id, s.indicators])).toEqual([
      ['BJ-MZFZ', 18],
      ['WH-DJ', 6],
      ['BJ-NCSQ', 62],
    ]);
    const ncsq = STANDARDS.find((s) => s.id === 'BJ-NCSQ')!;
    expect(ncsq.appliesTo).toEqual(['农村']);
    expect(ncsq.indicators.map((i) => i.id)).toEqual(Array.from({ length: 62 }, (_, i) => `BJ-NCSQ-${String(i + 1).padStart(2, '0')}`));
    expect(ncsq.indicators.filter((i) => i.rules.some((r) => r.type !== 'manual')).map((i) => i.id)).toEqual(
      ['07', '11', '18', '28', '33', '45', '46', '49'].map((n) => `BJ-NCSQ-${n}`),
    );
    const wh = STANDARDS.find((s) => s.id === 'WH-DJ')!;
    expect(wh.indicators.map((i) => i.id)).toEqual(['WH-DJ-06', 'WH-DJ-08A', 'WH-DJ-08B', 'WH-DJ-10A', 'WH-DJ-10B', 'WH-DJ-18']);
    const mz = STANDARDS.find((s) => s.id === 'BJ-MZFZ')!;
    expect(mz.indicators.filter((i) => i.veto).map((i) => i.id)).toEqual(['BJ-MZFZ-03', 'BJ-MZFZ-14']);
  });
});

describe('attestations', () => {
  it('decide manual indicators; the newest wins; each is audited', async () => {
    a = await tempArchive();
    const { ctx } = a;
    expect(await indicator(ctx, 'BJ-MZFZ-01')).toMatchObject({ status: 'manual', missing: ['待人工认定'] });
    const [evidence] = await addRecords(ctx, '三会一课', ['2025-04-01']);
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-01', status: 'unmet', note: '班子不齐' });
    expect(await indicator(ctx, 'BJ-MZFZ-01')).toMatchObject({ status: 'unmet', missing: ['人工认定未达标：班子不齐'] });
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-01', status: 'met', note: '已补齐', evidence: [evidence!] });
    const r = await indicator(ctx, 'BJ-MZFZ-01');
    expect(r).toMatchObject({ status: 'met', missing: [], evidence: [evidence], attestation: { status: 'met', note: '已补齐', actor: 'test' } });
    expect((await indicator(ctx, 'BJ-MZFZ-01', 2024)).status).toBe('manual');
    const log = raw(ctx).prepare(`SELECT action, entity FROM audit_log WHERE entity = 'attestation'`).all();
    expect(log).toEqual([
      { action: 'attest', entity: 'attestation' },
      { action: 'attest', entity: 'attestation' },
    ]);
  });

  it('a composite with a manual part awaits the attestation; na makes the indicator na', async () => {
    a = await tempArchive();
    const { ctx } = a;
    await addRoster(ctx, '社区民警兼副书记', [{}]);
    expect((await indicator(ctx, 'BJ-MZFZ-15')).status).toBe('manual');
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-15', status: 'met' });
    expect((await indicator(ctx, 'BJ-MZFZ-15')).status).toBe('met');
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-15', status: 'na', note: '无警务室' });
    expect(await indicator(ctx, 'BJ-MZFZ-15')).toMatchObject({ status: 'na', missing: [] });
  });

  it('refuses an unknown indicator, a non-manual one, a foreign evidence record, writing nothing', async () => {
    a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '杏花社区' }] });
    const { ctx } = a;
    const [foreign] = await addRecords(ctx, '三会一课', ['2025-04-01'], { communityId: 2 });
    const before = tableCounts(ctx);
    const req = { year: 2025, community: '桃源社区', status: 'met' as const };
    await expect(attest(ctx, { ...req, indicator: 'BJ-MZFZ-99' })).rejects.toThrow(/没有编号为“BJ-MZFZ-99”的指标/);
    await expect(attest(ctx, { ...req, indicator: 'BJ-MZFZ-02' })).rejects.toThrow(/由档案记录自动评定，不能人工认定/);
    await expect(attest(ctx, { ...req, indicator: 'BJ-MZFZ-01', evidence: [foreign!] })).rejects.toThrow(/不是桃源社区的有效档案记录/);
    await expect(attest(ctx, { ...req, indicator: 'BJ-NCSQ-01' })).rejects.toThrow(/只适用于农村社区/);
    await expect(attest(ctx, { ...req, community: '无名社区', indicator: 'BJ-MZFZ-01' })).rejects.toThrow(/没有名为“无名社区”的社区/);
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('score, grade and veto', () => {
  /** Meets every automatic BJ-MZFZ indicator. */
  async function meetAutomatic(ctx: TestArchive['ctx']) {
    await addRecords(ctx, '居务监督委员会例会', monthDates(2025, ALL_MONTHS));
    await addRecords(ctx, '普法挂图张贴', monthDates(2025, ALL_MONTHS));
    await addRecords(ctx, '居民委员会换届选举', ['2023-08-01']);
    await addRecords(ctx, '居民公约', ['2022-03-01']);
    for (const k of ['居民协商议事', '法治宣传年度计划', '两委干部法治培训', '年度工作部署']) await addRecords(ctx, k, ['2025-02-01']);
    await addRecords(ctx, '法治宣传活动', ['2025-03-01', '2025-05-01', '2025-07-01', '2025-09-01']);
    await addRecords(ctx, '经费拨付', ['2025-03-01'], { income: 20000, fundCategory: '民主法治建设经费' });
    for (const k of ['普法阵地', '德育阵地', '法律顾问', '人民调解员', '普法志愿者队伍', '社区民警兼副书记']) await addRoster(ctx, k, [{}]);
  }

  it('scores met + 0.5·partial over the indicators decided, grades by the settings, vetoes on an attested unmet', async () => {
    a = await tempArchive();
    const { ctx } = a;
    await meetAutomatic(ctx);
    const std = async () => (await runAudit(ctx, { year: 2025, standard: 'BJ-MZFZ' })).communities[0]!.standards[0]!;
    // 10 automatic met, BJ-MZFZ-08 (disclosed) unmet, 7 manual awaiting: 10 / 11.
    let s = await std();
    expect(s.indicators.filter((i) => i.status === 'manual')).toHaveLength(7);
    // a provisional grade over the 11 assessed; both veto items await attestation: no claim either way
    expect(s).toMatchObject({ score: 90.9, result: '达标', vetoed: false, assessed: 11, awaiting: 7, provisional: true, vetoPending: true });
    expect(verdictText(s)).toBe('暂评达标');
    expect(vetoText(s)).toBe('待认定');
    for (const id of ['BJ-MZFZ-01', 'BJ-MZFZ-04', 'BJ-MZFZ-13', 'BJ-MZFZ-15']) await attest(ctx, { year: 2025, community: '桃源社区', indicator: id, status: 'met' });
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-16', status: 'na' });
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-14', status: 'met' });
    // 15 met of 16 (16 na and 03 awaiting excluded).
    expect(await std()).toMatchObject({ score: 93.8, result: '达标', vetoed: false, vetoPending: true, provisional: true, awaiting: 1 });
    await setGrades(ctx, { 达标: 95, 基本达标: 80 });
    expect(await std()).toMatchObject({ score: 93.8, result: '基本达标' });
    await attest(ctx, { year: 2025, community: '桃源社区', indicator: 'BJ-MZFZ-03', status: 'unmet', note: '发生集体上访' });
    s = await std();
    expect(s).toMatchObject({ score: 88.2, vetoed: true, result: '不达标', vetoPending: false, provisional: false, awaiting: 0 });
    expect([verdictText(s), vetoText(s)]).toEqual(['不达标（一票否决）', '是']);
  });

  it('standards in use are a setting; BJ-NCSQ only for 农村 communities', async () => {
    a = await tempArchive({ clock: fixedClock(), communities: [{ code: 'S101', name: '桃源社区' }, { code: 'C201', name: '杏园村', type: '农村' }] });
    const { ctx } = a;
    const ids = async () => (await runAudit(ctx, { year: 2025 })).communities.map((c) => [c.community, c.standards.map((s) => s.id)]);
    expect(await ids()).toEqual([
      ['杏园村', ['BJ-MZFZ', 'WH-DJ', 'BJ-NCSQ']],
      ['桃源社区', ['BJ-MZFZ', 'WH-DJ']],
    ]);
    await setStandardsInUse(ctx, ['WH-DJ']);
    expect(await ids()).toEqual([
      ['杏园村', ['WH-DJ']],
      ['桃源社区', ['WH-DJ']],
    ]);
    await expect(setStandardsInUse(ctx, ['XX'])).rejects.toThrow(/没有标准“XX”/);
    await expect(runAudit(ctx, { year: 2025, standard: 'XX' })).rejects.toThrow(/没有标准“XX”/);
    await expect(runAudit(ctx, { year: 1800 })).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ message: '年度：应为1949—2100之间的整数' }] });
  });
});
