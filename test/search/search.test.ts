import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { insertRecords, updateRecord, voidRecord } from '../../src/main/core/records/repository';
import { ftsPhrase } from '../../src/main/core/db/sqlite/search';
import { searchRecords } from '../../src/main/core/records/search';
import type { RecordInput } from '../../src/shared/schemas';
import { ENGINES, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let ids: Record<string, number>;

const rows: Record<string, RecordInput> = {
  meeting: { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05', responsible: '居务监督委员会' },
  meeting2024: { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2024-11-05' },
  mediation: { communityId: 2, affair: '居务', kind: '人民调解', title: '邻里纠纷调解协议书', date: '2025-06-01', responsible: '张敏', notes: '当事人签字确认' },
  party: { communityId: 2, affair: '党务', kind: '三会一课', title: '党员大会会议记录', date: '2025-06-01', docNumber: '幸党发〔2025〕3号' },
  money: { communityId: 1, affair: '财务', kind: '财务收支公开', title: '第二季度财务收支公开 100% 到位', date: '2025-07-10', notes: '公开栏 "A"区' },
  voided: { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录（重复）', date: '2025-03-06' },
};

const found = async (q: Parameters<typeof searchRecords>[1]) => (await searchRecords(a.ctx, q)).records.map((r) => r.id);

describe.each(ENGINES)('searchRecords on %s', (engine) => {
  beforeAll(async () => {
    a = await tempArchive({ engine, communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '幸福村', type: '农村' }] });
    const names = Object.keys(rows);
    const res = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, Object.values(rows)));
    ids = Object.fromEntries(names.map((n, i) => [n, res.ids[i]!]));
    await voidRecord(a.ctx, ids.voided!, '重复录入');
  });
  afterAll(async () => {
    await a.close();
  });

  it('finds a Chinese substring of 2 characters (LIKE) and of 3+ (trigram FTS)', async () => {
    expect(await found({ q: '例会' })).toEqual([ids.meeting, ids.meeting2024]);
    expect(await found({ q: '工作例会' })).toEqual([ids.meeting, ids.meeting2024]);
    expect(await found({ q: '例会记录' })).toEqual([ids.meeting, ids.meeting2024]);
  });

  it('matches 1–3 character terms in the responsible party, document number and notes too', async () => {
    expect(await found({ q: '张敏' })).toEqual([ids.mediation]);
    expect(await found({ q: '〔2025〕' })).toEqual([ids.party]);
    expect(await found({ q: '签字' })).toEqual([ids.mediation]);
    expect(await found({ q: '纠' })).toEqual([ids.mediation]);
  });

  it('ANDs space-separated terms, mixing short and long ones', async () => {
    expect(await found({ q: '会议 党员大会' })).toEqual([ids.party]);
    expect(await found({ q: '例会  2024' })).toEqual([]);
    expect(await found({ q: '协议书 调解' })).toEqual([ids.mediation]);
  });

  it('treats quotes, % and _ as plain text', async () => {
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    expect(await found({ q: '"A"区' })).toEqual([ids.money]);
    expect(await found({ q: '%' })).toEqual([ids.money]);
    expect(await found({ q: '0%' })).toEqual([ids.money]);
    expect(await found({ q: '_' })).toEqual([]);
    expect(await found({ q: 'OR' })).toEqual([]);
    expect(await found({ q: 'NEAR(' })).toEqual([]);
  });

  it('filters by year, community id or name, affair, kind, retention and status', async () => {
    expect(await found({ year: 2024 })).toEqual([ids.meeting2024]);
    expect(await found({ community: '幸福村' })).toEqual([ids.party, ids.mediation]);
    expect(await found({ communityId: 2, affair: '党务' })).toEqual([ids.party]);
    expect(await found({ kind: '人民调解' })).toEqual([ids.mediation]);
    expect(await found({ retention: '定期10年' })).toEqual([ids.money]);
    expect(await found({ status: '在保' })).toEqual([]);
    await expect(searchRecords(a.ctx, { community: '无此社区' })).rejects.toThrow(/没有名为“无此社区”的社区/);
  });

  it('never returns voided records', async () => {
    const all = await found({ limit: 1000 });
    expect(all).not.toContain(ids.voided);
    expect(all).toHaveLength(Object.keys(rows).length - 1);
    expect(await found({ q: '重复' })).toEqual([]);
  });

  it('counts without voided records, also when the count comes from the FTS index', async () => {
    expect((await searchRecords(a.ctx, {})).total).toBe(Object.keys(rows).length - 1);
    expect((await searchRecords(a.ctx, { q: '工作例会' })).total).toBe(2);
    expect((await searchRecords(a.ctx, { q: '工作例会', year: 2025 })).total).toBe(1);
  });

  it('notices records voided since the last count, by this connection or another', async () => {
    const extra = await a.ctx.write.transaction((trx) =>
      insertRecords(a.ctx, trx, [{ ...rows.meeting!, title: '居务监督委员会工作例会记录（补）' }, { ...rows.meeting!, title: '居务监督委员会工作例会记录（再补）' }]),
    );
    expect((await searchRecords(a.ctx, { q: '工作例会' })).total).toBe(4);
    await voidRecord(a.ctx, extra.ids[0]!, '测试');
    expect((await searchRecords(a.ctx, { q: '工作例会' })).total).toBe(3);
    const other = await openArchive(a.location, { actor: 'other', workDir: a.ctx.paths.dir });
    try {
      await voidRecord(other, extra.ids[1]!, '测试');
    } finally {
      await closeArchive(other);
    }
    expect((await searchRecords(a.ctx, { q: '工作例会' })).total).toBe(2);
    expect((await searchRecords(a.ctx, {})).total).toBe(Object.keys(rows).length - 1);
  });

  it('orders by date then id, newest first, and pages with a total of every match', async () => {
    const all = await searchRecords(a.ctx, {});
    expect(all.records.map((r) => r.date)).toEqual(all.records.map((r) => r.date).sort().reverse());
    const sameDay = all.records.filter((r) => r.date === '2025-06-01').map((r) => r.id);
    expect(sameDay).toEqual([...sameDay].sort((x, y) => y - x));
    const page = await searchRecords(a.ctx, { limit: 2, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(page.records.map((r) => r.id)).toEqual(all.records.slice(1, 3).map((r) => r.id));
    const textPage = await searchRecords(a.ctx, { q: '例会', limit: 1, offset: 1 });
    expect(textPage).toMatchObject({ total: 2, records: [{ id: ids.meeting2024 }] });
    expect(await searchRecords(a.ctx, { q: '例会', limit: 0 })).toEqual({ total: 2, records: [] });
  });

  it('returns full records with community name, 档号 and attachment count', async () => {
    await fileYear(a.ctx, { year: 2025 });
    const [r] = (await searchRecords(a.ctx, { q: '工作例会', year: 2025 })).records;
    expect(r).toMatchObject({ id: ids.meeting, community: '桃源社区', archivalCode: 'S101-WS·2025-D30-JW-0001', status: '在保', attachments: 0 });
  });

  it('counts exactly what it finds, for 2- and 3-character terms too, after voids and edits', async () => {
    const extra = await a.ctx.write.transaction((trx) =>
      insertRecords(a.ctx, trx, [1, 2, 3].map((i) => ({ ...rows.meeting!, title: `例会记录第${i}份，Ä大写` }))),
    );
    await voidRecord(a.ctx, extra.ids[0]!, '测试');
    await updateRecord(a.ctx, extra.ids[1]!, { title: '改成别的题名' });
    for (const q of ['例会', '会记', '例会记', '记录第', 'ä大', 'Ä大写', '大写', '题名', '别的题', '']) {
      const all = await searchRecords(a.ctx, { q, limit: 1000 });
      expect(all.total, q).toBe(all.records.length);
    }
    expect((await searchRecords(a.ctx, { q: '记录第' })).total).toBe(1);
    expect((await searchRecords(a.ctx, { q: 'ä大写' })).total).toBe(1);
  });

  it('follows edits through the FTS triggers', async () => {
    await updateRecord(a.ctx, ids.mediation!, { title: '楼道堆物纠纷调解协议书' });
    expect(await found({ q: '楼道堆物' })).toEqual([ids.mediation]);
    expect(await found({ q: '邻里纠纷' })).toEqual([]);
  });
});
