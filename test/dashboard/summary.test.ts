// 工作台 tells the truth about an empty archive and an empty year, and its reminders are the
// evaluation's shortfalls in 考评's words, never "齐全" over nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../src/main/core/dashboard/summary';
import { insertRecords } from '../../src/main/core/records/repository';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive | undefined;
afterEach(async () => {
  await a?.close();
  a = undefined;
});

describe('dashboard summary', () => {
  it('says an archive without communities is empty and points to the import first', async () => {
    a = await tempArchive({ communities: [] });
    const s = await dashboardSummary(a.ctx, 2025);
    expect(s.warnings).toEqual([{ kind: 'empty', message: expect.stringContaining('档案库还是空的'), link: '/import' }]);
    expect(s.completeness.rows).toEqual([]);
  });

  it('says a year without records has none, and lists what the standards miss in it', async () => {
    a = await tempArchive();
    const s = await dashboardSummary(a.ctx, 2025);
    expect(s.warnings[0]).toMatchObject({ kind: 'empty', message: expect.stringContaining('档案库中还没有档案') });
    const missing = s.warnings.filter((w) => w.kind === 'missing-period').map((w) => w.message);
    expect(missing).toContain('桃源社区居务：缺1月、2月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月居务监督委员会例会记录；缺1月、2月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月普法挂图张贴记录；缺1季度、2季度、3季度、4季度居务公开记录');
  });

  it('names another year as empty when the archive has records elsewhere', async () => {
    a = await tempArchive();
    await a.ctx.write.transaction((trx) => insertRecords(a!.ctx, trx, [{ communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2024-05-01' }]));
    const s = await dashboardSummary(a.ctx, 2025);
    expect(s.warnings[0]!.message).toBe('2025 年还没有登记任何档案：请到“数据导入”页导入各社区本年度的工作簿，或在“档案管理”页新建档案。');
  });
});
