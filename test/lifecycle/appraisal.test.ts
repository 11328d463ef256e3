// Appraisal: what is due as of a date, a batch per opening, decisions with reasons, closing with the
// 鉴定意见书 and the draft 销毁清册 kept in the office's own fonds, kept items back in force with their
// new term; every refusal leaves the archive as it was. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/main/core/check';
import { closeAppraisal, decideAppraisal, dueForAppraisal, openAppraisal } from '../../src/main/core/lifecycle/appraisal';
import { findBatch } from '../../src/main/core/lifecycle/batches';
import { setHold } from '../../src/main/core/lifecycle/holds';
import { officeDocuments } from '../../src/main/core/lifecycle/office-fonds';
import { getRecord } from '../../src/main/core/records/repository';
import { countTables, ENGINES } from '../helpers/archive';
import { lifecycleArchive, type LifecycleArchive } from './fixture';

describe.each(ENGINES)('appraisal on %s', (engine) => {
  let a: LifecycleArchive;
  let batch: number;
  beforeAll(async () => {
    a = await lifecycleArchive(engine);
  });
  afterAll(() => a.close());

  const status = async (key: string) => (await getRecord(a.ctx, a.ids[key]!)).status;

  describe('what is due', () => {
    it('lists the filed items in force whose term ran out before the year of the date', async () => {
      const due = await dueForAppraisal(a.ctx, { asOf: '2025-12-31' });
      expect(due.asOf).toBe('2025-12-31');
      const keys = Object.entries(a.ids).filter(([, id]) => due.items.some((i) => i.id === id)).map(([k]) => k).sort();
      // 定期10年 of 2012 and 2013 (due from 2023 and 2024), 会计凭证 定期30年 of 1990 (due from 2021)
      expect(keys).toEqual(['d2012-3', 'd2012-6', 'd2012-9', 'd2013', 'other', 'voucher']);
      const d2013 = due.items.find((i) => i.id === a.ids.d2013)!;
      expect(d2013).toMatchObject({ year: 2013, retention: '定期10年', dueFrom: '2024-01-01', community: '桃源社区', held: null });
      expect(d2013.archivalCode).toMatch(/^S101-WS·2013-D10-JW-\d{4}$/);
      expect((await dueForAppraisal(a.ctx, { asOf: '2023-06-30' })).items.map((i) => i.id).sort()).toEqual([a.ids['d2012-3'], a.ids['d2012-6'], a.ids['d2012-9'], a.ids.other, a.ids.voucher].sort());
      expect((await dueForAppraisal(a.ctx, { asOf: '2025-12-31', community: '杏花社区' })).items.map((i) => i.id)).toEqual([a.ids.other]);
      await expect(dueForAppraisal(a.ctx, { community: '无名社区' })).rejects.toThrow(/没有名为“无名社区”的社区/);
    });

    it('opening with nothing due is refused and writes nothing', async () => {
      const before = await countTables(a.ctx);
      await expect(openAppraisal(a.ctx, { asOf: '2020-12-31' })).rejects.toThrow(/截至2020-12-31没有到期需要鉴定的档案/);
      expect(await countTables(a.ctx)).toEqual(before);
    });
  });

  describe('a batch', () => {
    beforeAll(async () => {
      await setHold(a.ctx, a.ids['d2012-9']!, '涉及未结的民事纠纷');
      const opened = await openAppraisal(a.ctx, { asOf: '2025-12-31', community: '桃源社区' });
      batch = opened.batch;
      expect(opened.items.map((i) => i.id).sort()).toEqual([a.ids['d2012-3'], a.ids['d2012-6'], a.ids['d2012-9'], a.ids.d2013, a.ids.voucher].sort());
      expect(opened.items.find((i) => i.id === a.ids['d2012-9'])!.held).toBe('涉及未结的民事纠纷');
    });

    it('makes its items 待鉴定 and takes them off the due list', async () => {
      expect(await status('d2013')).toBe('待鉴定');
      expect(await status('other')).toBe('在保');
      expect((await dueForAppraisal(a.ctx, { asOf: '2025-12-31' })).items.map((i) => i.id)).toEqual([a.ids.other]);
      expect(await findBatch(a.ctx.db, batch)).toMatchObject({ state: '鉴定中', items: 5, decided: 0, asOf: '2025-12-31', community: '桃源社区' });
    });

    it('refuses a decision on an item outside the batch, a destruction of a held item, a keep without a term', async () => {
      const before = await countTables(a.ctx);
      await expect(decideAppraisal(a.ctx, { batch, records: [a.ids.other!], decision: 'destroy', reason: '无保存价值' })).rejects.toThrow(/不在第 \d+ 批鉴定中/);
      await expect(decideAppraisal(a.ctx, { batch, records: [a.ids['d2012-9']!], decision: 'destroy', reason: '无保存价值' })).rejects.toThrow(/已冻结（涉及未结的民事纠纷）.*不得销毁/);
      await expect(decideAppraisal(a.ctx, { batch, records: [a.ids.d2013!], decision: 'keep', reason: '仍有查考价值' })).rejects.toThrow(/新的保管期限/);
      await expect(decideAppraisal(a.ctx, { batch, records: [a.ids.d2013!], decision: 'destroy', reason: '  ' })).rejects.toThrow(/鉴定理由/);
      await expect(decideAppraisal(a.ctx, { batch: 99, records: [a.ids.d2013!], decision: 'destroy', reason: '无保存价值' })).rejects.toThrow(/没有第 99 批鉴定/);
      expect(await countTables(a.ctx)).toEqual(before);
    });

    it('refuses to close while an item has no decision', async () => {
      await decideAppraisal(a.ctx, { batch, records: [a.ids['d2012-3']!, a.ids['d2012-6']!, a.ids.voucher!], decision: 'destroy', reason: '保管期限已满，无继续保存价值' });
      await expect(closeAppraisal(a.ctx, { batch, group: ['张三'], opinion: '同意' })).rejects.toThrow(/还有 2 件没有鉴定意见/);
      expect(await findBatch(a.ctx.db, batch)).toMatchObject({ state: '鉴定中', decided: 3, destroy: 3 });
    });

    it('closes: kept items back in force with the new term, the others 拟销毁, the documents filed in the office fonds', async () => {
      await decideAppraisal(a.ctx, { batch, records: [a.ids.d2013!, a.ids['d2012-9']!], decision: 'keep', retention: '定期30年', reason: '涉及居民长期权益，仍有查考价值' });
      // a decision may change while the batch is open
      await decideAppraisal(a.ctx, { batch, records: [a.ids['d2012-6']!], decision: 'keep', retention: '永久', reason: '记载社区重大事项' });
      const closed = await closeAppraisal(a.ctx, { batch, group: ['张三', '李四', '王五'], opinion: '经逐件鉴定，同意以下意见。\n拟销毁的档案已无保存价值。' });
      expect(closed.batch).toMatchObject({ state: '待批准销毁', keep: 3, destroy: 2, group: ['张三', '李四', '王五'], closedOn: '2025-12-31', closedBy: 'test' });
      expect(await getRecord(a.ctx, a.ids.d2013!)).toMatchObject({ status: '在保', retention: '定期30年' });
      expect(await getRecord(a.ctx, a.ids['d2012-6']!)).toMatchObject({ status: '在保', retention: '永久' });
      expect(await status('d2012-3')).toBe('拟销毁');
      expect(await status('voucher')).toBe('拟销毁');
      expect(closed.documents.map((d) => [d.kind, d.archivalCode, d.files.map((f) => f.name)])).toEqual([
        ['鉴定意见书', '659002-WS·2025-Y-DA-0001', [`第${batch}批到期档案鉴定意见书.docx`]],
        ['销毁清册', '659002-WS·2025-Y-DA-0002', [`第${batch}批鉴定销毁清册（草稿）.docx`, `第${batch}批鉴定销毁清册（草稿）.xlsx`]],
      ]);
      expect(await officeDocuments(a.ctx.db)).toHaveLength(2);
    });

    it('counts a kept term from 1 January after the closing year', async () => {
      const due = async (asOf: string) => (await dueForAppraisal(a.ctx, { asOf })).items.map((i) => i.id);
      expect(await due('2055-12-31')).not.toContain(a.ids.d2013);
      const later = await dueForAppraisal(a.ctx, { asOf: '2056-01-01' });
      expect(later.items.find((i) => i.id === a.ids.d2013)).toMatchObject({ retention: '定期30年', dueFrom: '2056-01-01' });
      expect(later.items.map((i) => i.id)).not.toContain(a.ids['d2012-6']); // 永久
    });

    it('refuses further decisions and a second closing', async () => {
      await expect(decideAppraisal(a.ctx, { batch, records: [a.ids.d2013!], decision: 'destroy', reason: '改主意' })).rejects.toThrow(/已于 2025-12-31 结束/);
      await expect(closeAppraisal(a.ctx, { batch, group: ['张三'], opinion: '再次' })).rejects.toThrow(/已于 2025-12-31 结束/);
    });

    it('leaves the archive check clean', async () => {
      const result = await runCheck(a.ctx);
      expect(result.problems.map((p) => `${p.type}: ${p.message}`)).toEqual([]);
    });
  });
});
