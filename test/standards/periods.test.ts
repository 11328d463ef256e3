import { afterEach, describe, expect, it } from 'vitest';
import { setCadence } from '../../src/main/core/standards';
import { asOfDate, duePeriods } from '../../src/main/core/standards/periods';
import { fixedClock, raw, tempArchive, type TestArchive } from '../helpers/archive';
import { addRecords, indicator, monthDates } from './fixtures';

let a: TestArchive | undefined;
afterEach(async () => {
  await a?.close();
  a = undefined;
});

describe('period maths', () => {
  it('takes the as-of date as min(31 Dec Y, today)', () => {
    expect(asOfDate(2024, fixedClock('2025-05-15T10:00:00+08:00'))).toBe('2024-12-31');
    expect(asOfDate(2025, fixedClock('2025-05-15T10:00:00+08:00'))).toBe('2025-05-15');
  });

  it('counts a period once it has ended or contains A', () => {
    expect(duePeriods('monthly', 2025, '2025-05-01').map((p) => p.label)).toEqual(['1月', '2月', '3月', '4月', '5月']);
    expect(duePeriods('quarterly', 2025, '2025-03-31').map((p) => p.label)).toEqual(['1季度']);
    expect(duePeriods('halfyearly', 2025, '2025-07-01').map((p) => p.label)).toEqual(['上半年', '下半年']);
    expect(duePeriods('quarterly', 2025, '2024-12-31')).toEqual([]);
    expect(duePeriods('monthly', 2024, '2024-12-31').at(1)).toEqual({ label: '2月', start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('period rules', () => {
  it('monthly: lists the missing months in words, with the evidence', async () => {
    a = await tempArchive();
    const ids = await addRecords(a.ctx, '居务监督委员会例会', monthDates(2025, [1, 2, 4, 5, 6, 8, 9, 10, 11, 12]));
    const r = await indicator(a.ctx, 'BJ-MZFZ-02');
    expect(r.status).toBe('partial');
    expect(r.missing).toEqual(['缺3月、7月居务监督委员会例会记录']);
    expect(r.evidence).toEqual(ids);
  });

  it('monthly: none is unmet, all is met, voided records do not count', async () => {
    a = await tempArchive();
    expect((await indicator(a.ctx, 'BJ-MZFZ-02')).status).toBe('unmet');
    const ids = await addRecords(a.ctx, '居务监督委员会例会', monthDates(2025, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect((await indicator(a.ctx, 'BJ-MZFZ-02')).status).toBe('met');
    raw(a.ctx).prepare(`UPDATE records SET voided_at = '2025-12-01', void_reason = '重复' WHERE id = ?`).run(ids[6]);
    const r = await indicator(a.ctx, 'BJ-MZFZ-02');
    expect(r).toMatchObject({ status: 'partial', missing: ['缺7月居务监督委员会例会记录'] });
    expect(r.evidence).not.toContain(ids[6]);
  });

  it('the unfinished year: only months up to A are due, the month containing A included', async () => {
    a = await tempArchive({ clock: fixedClock('2025-05-15T10:00:00+08:00') });
    await addRecords(a.ctx, '居务监督委员会例会', monthDates(2025, [1, 2, 4]));
    expect(await indicator(a.ctx, 'BJ-MZFZ-02')).toMatchObject({ status: 'partial', missing: ['缺3月、5月居务监督委员会例会记录'] });
  });

  it('a year not yet begun is pending', async () => {
    a = await tempArchive({ clock: fixedClock('2025-05-15T10:00:00+08:00') });
    const r = await indicator(a.ctx, 'BJ-MZFZ-02', 2026);
    expect(r).toMatchObject({ status: 'pending', missing: ['2026年尚未开始'] });
  });

  it('quarterly: 居民代表会议 in a 农村 community, by quarter', async () => {
    a = await tempArchive({ communities: [{ code: 'C201', name: '杏园村', type: '农村', households: 500 }] });
    await addRecords(a.ctx, '居民代表会议', ['2025-02-10', '2025-08-01']);
    const r = await indicator(a.ctx, 'BJ-NCSQ-07', 2025, '杏园村');
    expect(r).toMatchObject({ status: 'partial', missing: ['缺2季度、4季度居民代表会议记录'] });
  });

  it('halfyearly, and the cadence setting makes it quarterly', async () => {
    a = await tempArchive();
    await addRecords(a.ctx, '组织生活会', ['2025-03-10', '2025-11-20']);
    expect(await indicator(a.ctx, 'WH-DJ-08B')).toMatchObject({ status: 'met', missing: [] });
    await setCadence(a.ctx, 'WH-DJ-08B', 'quarterly');
    expect(await indicator(a.ctx, 'WH-DJ-08B')).toMatchObject({ status: 'partial', missing: ['缺2季度、3季度组织生活会记录'] });
    await expect(setCadence(a.ctx, 'BJ-MZFZ-18', 'monthly')).rejects.toThrow(/不能设置频次/);
  });
});
