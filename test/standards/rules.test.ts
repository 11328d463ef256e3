import { afterEach, describe, expect, it } from 'vitest';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { fixedClock, raw, tempArchive, type TestArchive } from '../helpers/archive';
import { addRecords, addRoster, attachPdf, indicator, monthDates } from './fixtures';

let a: TestArchive | undefined;
afterEach(async () => {
  await a?.close();
  a = undefined;
});

const open = async (clock = fixedClock()) => (a = await tempArchive({ clock }));

describe('counting rules over the year', () => {
  it('yearly: none unmet, below the minimum partial, at it met', async () => {
    const { ctx } = await open();
    expect(await indicator(ctx, 'BJ-MZFZ-12')).toMatchObject({ status: 'unmet', missing: ['缺普法志愿者队伍（截至2025年12月31日在任0支，应至少1支）', '缺法治宣传活动记录（全年应不少于4次）'] });
    await addRoster(ctx, '普法志愿者队伍', [{}]);
    expect(await indicator(ctx, 'BJ-MZFZ-12')).toMatchObject({ status: 'partial', missing: ['缺法治宣传活动记录（全年应不少于4次）'] });
    await addRecords(ctx, '法治宣传活动', ['2025-03-01', '2025-06-01']);
    expect(await indicator(ctx, 'BJ-MZFZ-12')).toMatchObject({ status: 'partial', missing: ['法治宣传活动记录仅2次，全年应不少于4次'] });
    await addRecords(ctx, '法治宣传活动', ['2025-09-01', '2025-12-01']);
    expect(await indicator(ctx, 'BJ-MZFZ-12')).toMatchObject({ status: 'met', missing: [] });
  });

  it('yearly in the unfinished year: not yet reached is pending, reached is met', async () => {
    const { ctx } = await open(fixedClock('2025-06-30T12:00:00+08:00'));
    expect(await indicator(ctx, 'BJ-MZFZ-09')).toMatchObject({ status: 'pending', missing: ['缺法治宣传年度计划记录；本年度尚未结束'] });
    await addRecords(ctx, '法治宣传年度计划', ['2025-01-15']);
    expect((await indicator(ctx, 'BJ-MZFZ-09')).status).toBe('met');
  });

  it('yearly does not count records dated after the as-of date', async () => {
    const { ctx } = await open(fixedClock('2025-06-30T12:00:00+08:00'));
    // every way in refuses a future date now: planted by SQL
    const [id] = await addRecords(ctx, '法治宣传年度计划', ['2025-06-15']);
    raw(ctx).prepare(`UPDATE records SET date = '2025-07-15' WHERE id = ?`).run(id);
    expect((await indicator(ctx, 'BJ-MZFZ-09')).status).toBe('pending');
  });

  it('within(kind, 5): a record in the five years ending with Y', async () => {
    const { ctx } = await open();
    const [old] = await addRecords(ctx, '居民委员会换届选举', ['2020-08-01']);
    expect(await indicator(ctx, 'BJ-MZFZ-05')).toMatchObject({ status: 'unmet', missing: ['近5年（2021—2025年）无居民委员会换届选举记录'] });
    const [recent] = await addRecords(ctx, '居民委员会换届选举', ['2021-08-01']);
    const r = await indicator(ctx, 'BJ-MZFZ-05');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual([recent]);
    expect(r.evidence).not.toContain(old);
  });

  it('fund: the sum of income of that 资金类别; partial when short', async () => {
    const { ctx } = await open();
    expect(await indicator(ctx, 'BJ-MZFZ-18')).toMatchObject({ status: 'unmet', missing: ['无民主法治建设经费收入记录（每年应不少于2万元）'] });
    const ids = await addRecords(ctx, '经费拨付', ['2025-03-01', '2025-09-01'], { income: 6000, fundCategory: '民主法治建设经费' });
    await addRecords(ctx, '经费拨付', ['2025-04-01'], { income: 50000, fundCategory: '办公经费' });
    expect(await indicator(ctx, 'BJ-MZFZ-18')).toMatchObject({ status: 'partial', missing: ['民主法治建设经费收入1.2万元，每年应不少于2万元'], evidence: ids });
    await addRecords(ctx, '经费拨付', ['2025-10-01'], { income: 8000, fundCategory: '民主法治建设经费' });
    // a met figure is cited, not only asserted
    expect(await indicator(ctx, 'BJ-MZFZ-18')).toMatchObject({ status: 'met', basis: ['民主法治建设经费收入2万元'] });
  });
});

describe('roster, staffing and profile', () => {
  it('counts entries active on A: start ≤ A, no end or end ≥ A', async () => {
    const { ctx } = await open();
    await addRoster(ctx, '社区民警兼副书记', [{ end: '2025-12-30' }, { start: '2026-01-01' }]);
    const r = await indicator(ctx, 'BJ-MZFZ-15');
    expect(r.missing).toContain('缺社区民警兼副书记（截至2025年12月31日在任0名，应至少1名）');
    await addRoster(ctx, '社区民警兼副书记', [{ start: '2025-12-31', end: '2025-12-31' }]);
    expect((await indicator(ctx, 'BJ-MZFZ-15')).missing).toEqual(['待人工认定']);
  });

  it('above the maximum is partial; within the range met', async () => {
    const { ctx } = await open();
    await addRoster(ctx, '大党委兼职委员', [{}, {}, {}, {}, {}, {}]);
    expect(await indicator(ctx, 'WH-DJ-06')).toMatchObject({ status: 'partial', missing: ['大党委兼职委员截至2025年12月31日在任6名，一般应为3至5名'] });
    raw(ctx).prepare(`UPDATE roster SET end_date = '2025-06-30' WHERE id = (SELECT max(id) FROM roster)`).run();
    expect(await indicator(ctx, 'WH-DJ-06')).toMatchObject({ status: 'met', basis: ['截至2025年12月31日在任大党委兼职委员5名'] });
  });

  it('staffing: max(2, ceil(户数/300)) 专职工作人员, plus a 专职党建工作者', async () => {
    a = await tempArchive({ communities: [{ code: 'C201', name: '杏园村', type: '农村', households: 1274, stationArea: 40, weeklyHours: null }] });
    const { ctx } = a;
    await addRoster(ctx, '专职党建工作者', [{}]);
    await addRoster(ctx, '专职工作人员', [{}, {}, {}]);
    expect(await indicator(ctx, 'BJ-NCSQ-45', 2025, '杏园村')).toMatchObject({ status: 'partial', missing: ['专职工作人员截至2025年12月31日在任3名，应至少5名（按1274户计）'] });
    await saveCommunity(ctx, { id: 1, code: 'C201', name: '杏园村', type: '农村', households: 450, stationArea: 40 });
    expect(await indicator(ctx, 'BJ-NCSQ-45', 2025, '杏园村')).toMatchObject({
      status: 'met',
      basis: ['截至2025年12月31日在任专职党建工作者1名', '截至2025年12月31日在任专职工作人员3名（按450户应至少2名）'],
    });
  });

  it('profile: missing figure unmet, below partial, at or above met', async () => {
    a = await tempArchive({ communities: [{ code: 'C201', name: '杏园村', type: '农村', stationArea: 40 }] });
    const { ctx } = a;
    expect(await indicator(ctx, 'BJ-NCSQ-18', 2025, '杏园村')).toMatchObject({ status: 'partial', missing: ['服务站面积40平方米，应不低于50平方米'] });
    expect(await indicator(ctx, 'BJ-NCSQ-28', 2025, '杏园村')).toMatchObject({ status: 'unmet', missing: ['社区概况缺每周服务时长（应不低于40小时）'] });
    // 0 is a figure entered, not a missing one
    await saveCommunity(ctx, { id: 1, code: 'C201', name: '杏园村', type: '农村', stationArea: 0, weeklyHours: 0 });
    expect(await indicator(ctx, 'BJ-NCSQ-18', 2025, '杏园村')).toMatchObject({ status: 'unmet', missing: ['服务站面积0平方米，应不低于50平方米'] });
    expect(await indicator(ctx, 'BJ-NCSQ-28', 2025, '杏园村')).toMatchObject({ status: 'unmet', missing: ['每周服务时长0小时，应不低于40小时'] });
    await saveCommunity(ctx, { id: 1, code: 'C201', name: '杏园村', type: '农村', stationArea: 50, weeklyHours: 45 });
    expect(await indicator(ctx, 'BJ-NCSQ-18', 2025, '杏园村')).toMatchObject({ status: 'met', basis: ['服务站面积50平方米'] });
    expect((await indicator(ctx, 'BJ-NCSQ-28', 2025, '杏园村')).status).toBe('met');
  });
});

describe('coverage and disclosure', () => {
  it('coverage lists the missing kinds', async () => {
    const { ctx } = await open();
    for (const k of ['学习贯彻', '工作部署', '组织生活', '组织建设', '议事决策', '党风廉政']) await addRecords(ctx, `党务公开·${k}`, ['2025-05-01']);
    expect(await indicator(ctx, 'WH-DJ-10A')).toMatchObject({ status: 'partial', missing: ['缺党务公开·服务群众、党务公开·社区治理记录'] });
  });

  it('disclosed: every quarter of each 类别, every disclosure with an attachment', async () => {
    const { ctx } = await open();
    const quarterDays = ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'];
    const ids = [
      ...(await addRecords(ctx, '党务公开·服务群众', quarterDays)),
      ...(await addRecords(ctx, '居务公开', quarterDays)),
      ...(await addRecords(ctx, '财务收支公开', quarterDays.slice(0, 2))),
    ];
    await attachPdf(ctx, ids.slice(0, -1));
    const r = await indicator(ctx, 'BJ-MZFZ-08');
    expect(r.status).toBe('partial');
    expect(r.missing).toEqual(['缺3季度、4季度财务公开记录', '1件财务公开事项没有留存公开材料（“财务收支公开记录2”（未归档））']);
    expect(r.evidence).toEqual(ids);
    const rest = await addRecords(ctx, '财务收支公开', quarterDays.slice(2));
    await attachPdf(ctx, [ids.at(-1)!, ...rest]);
    expect(await indicator(ctx, 'BJ-MZFZ-08')).toMatchObject({ status: 'met', missing: [] });
  });

  it('disclosed: nothing disclosed is unmet', async () => {
    const { ctx } = await open();
    expect((await indicator(ctx, 'BJ-MZFZ-08')).status).toBe('unmet');
  });
});

describe('composite indicators', () => {
  it('all parts unmet → unmet; some → partial, every shortfall listed; all → met', async () => {
    const { ctx } = await open();
    const none = await indicator(ctx, 'BJ-MZFZ-11');
    expect(none.status).toBe('unmet');
    expect(none.missing).toHaveLength(5);
    await addRoster(ctx, '普法阵地', [{}]);
    await addRoster(ctx, '德育阵地', [{}]);
    await addRecords(ctx, '普法挂图张贴', monthDates(2025, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    const some = await indicator(ctx, 'BJ-MZFZ-11');
    expect(some.status).toBe('partial');
    expect(some.missing).toEqual([
      '缺12月普法挂图张贴记录',
      '缺法律顾问（截至2025年12月31日在任0名，应至少1名）',
      '缺人民调解员（截至2025年12月31日在任0名，应至少1名）',
    ]);
    await addRoster(ctx, '法律顾问', [{}]);
    await addRoster(ctx, '人民调解员', [{}]);
    await addRecords(ctx, '普法挂图张贴', ['2025-12-05']);
    expect((await indicator(ctx, 'BJ-MZFZ-11')).status).toBe('met');
  });

  it('a part met and a part not yet due is pending', async () => {
    const { ctx } = await open(fixedClock('2025-06-30T12:00:00+08:00'));
    await addRoster(ctx, '普法志愿者队伍', [{}]);
    const r = await indicator(ctx, 'BJ-MZFZ-12');
    expect(r).toMatchObject({ status: 'pending', missing: ['缺法治宣传活动记录（全年应不少于4次）；本年度尚未结束'] });
  });
});
