import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/main/core/audit-log/verify';
import { searchRecords } from '../src/main/core/records/search';
import { createRecord, getRecord, insertRecords, updateRecord, voidRecord } from '../src/main/core/records/repository';
import { countTables, ENGINES, rawQuery, tempArchive, type TestArchive } from './helpers/archive';

const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' };

describe.each(ENGINES)('records on %s', (engine) => {
  let a: TestArchive;
  beforeEach(async () => {
    a = await tempArchive({ engine });
  });
  afterEach(async () => {
    await a.close();
  });

  it('creates a record with the schedule retention, 门类 and year, audited', async () => {
    const r = await createRecord(a.ctx, { ...base, income: 20000.5 });
    expect(r).toMatchObject({ community: '桃源社区', retention: '定期30年', categoryCode: 'WS', year: 2025, status: '未归档', income: 20000.5 });
    const log = await rawQuery(a.ctx, `SELECT * FROM audit_log WHERE entity = 'record'`);
    expect(log).toHaveLength(1);
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
  });

  it('gives accounting kinds the 会计 category', async () => {
    const r = await createRecord(a.ctx, { ...base, affair: '财务', kind: '会计凭证', title: '3月记账凭证' });
    expect(r.categoryCode).toBe('KU');
    expect(r.retention).toBe('定期30年');
  });

  it('refuses a kind of another affair in Chinese, writing nothing', async () => {
    const before = await countTables(a.ctx);
    await expect(createRecord(a.ctx, { ...base, affair: '党务' })).rejects.toThrow(/不属于类别“党务”，它属于“居务”/);
    expect(await countTables(a.ctx)).toEqual(before);
  });

  it('skips a duplicate fingerprint in bulk inserts', async () => {
    const rows = [{ ...base, fingerprint: 'a' }, { ...base, fingerprint: 'b' }, { ...base, fingerprint: 'a' }];
    const res = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
    expect(res.ids).toHaveLength(2);
    expect(res.duplicates).toBe(1);
  });

  it('updates with before/after in the audit log and keeps the search index in sync', async () => {
    const r = await createRecord(a.ctx, base);
    await updateRecord(a.ctx, r.id, { title: '第一季度例会纪要' });
    expect((await getRecord(a.ctx, r.id)).title).toBe('第一季度例会纪要');
    expect((await searchRecords(a.ctx, { q: '季度例会' })).records.map((x) => x.id)).toEqual([r.id]);
    expect((await searchRecords(a.ctx, { q: '工作例会' })).total).toBe(0);
    // the 2-character index follows the same edit
    expect((await searchRecords(a.ctx, { q: '纪要' })).records.map((x) => x.id)).toEqual([r.id]);
    expect((await searchRecords(a.ctx, { q: '记录' })).total).toBe(0);
  });

  it('stores any text exactly, also what array and SQL syntax use, and its audit entries verify', async () => {
    const odd = ['带"引号"的题名', 'back\\slash\\', '{大括号,逗号}', 'NULL', '', "单'引号", '换\n行\t制表', '表情😀与𠮷', '\x1f'];
    const rows = odd.map((text, i) => ({ ...base, title: `题名${i}${text || '空'}`, notes: text, responsible: text, fingerprint: `odd-${i}` }));
    const { ids } = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
    for (const [i, id] of ids.entries()) {
      expect(await getRecord(a.ctx, id)).toMatchObject({ title: rows[i]!.title, notes: odd[i], responsible: odd[i] });
    }
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
  });

  it('never hard-deletes: deletes abort, voiding keeps the row', async () => {
    const r = await createRecord(a.ctx, base);
    await expect(rawQuery(a.ctx, 'DELETE FROM records WHERE id = ?', [r.id])).rejects.toThrow(/never deleted/);
    await expect(rawQuery(a.ctx, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    if (engine === 'postgres') {
      await expect(rawQuery(a.ctx, 'TRUNCATE records CASCADE')).rejects.toThrow(/never deleted/);
      await expect(rawQuery(a.ctx, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    }
    await voidRecord(a.ctx, r.id, '重复录入');
    expect(await rawQuery(a.ctx, 'SELECT voided_at IS NOT NULL AS v FROM records WHERE id = ?', [r.id])).toEqual([{ v: engine === 'sqlite' ? 1 : true }]);
  });
});
