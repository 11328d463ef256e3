import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/main/core/audit-log/verify';
import { searchRecords } from '../src/main/core/records/search';
import { createRecord, getRecord, insertRecords, updateRecord, voidRecord } from '../src/main/core/records/repository';
import { raw, tableCounts, tempArchive, type TestArchive } from './helpers/archive';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' };

describe('records', () => {
  it('creates a record with the schedule retention, 门类 and year, audited', async () => {
    const r = await createRecord(a.ctx, { ...base, income: 20000.5 });
    expect(r).toMatchObject({ community: '桃源社区', retention: '定期30年', categoryCode: 'WS', year: 2025, status: '未归档', income: 20000.5 });
    const log = raw(a.ctx).prepare(`SELECT * FROM audit_log WHERE entity = 'record'`).all();
    expect(log).toHaveLength(1);
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
  });

  it('gives accounting kinds the 会计 category', async () => {
    const r = await createRecord(a.ctx, { ...base, affair: '财务', kind: '会计凭证', title: '3月记账凭证' });
    expect(r.categoryCode).toBe('KU');
    expect(r.retention).toBe('定期30年');
  });

  it('refuses a kind of another affair in Chinese, writing nothing', async () => {
    const before = tableCounts(a.ctx);
    await expect(createRecord(a.ctx, { ...base, affair: '党务' })).rejects.toThrow(/不属于类别“党务”，它属于“居务”/);
    expect(tableCounts(a.ctx)).toEqual(before);
  });

  it('skips a duplicate fingerprint in bulk inserts', async () => {
    const rows = [{ ...base, fingerprint: 'a' }, { ...base, fingerprint: 'b' }, { ...base, fingerprint: 'a' }];
    const res = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
    expect(res.ids).toHaveLength(2);
    expect(res.duplicates).toBe(1);
  });

  it('updates with before/after in the audit log and keeps the FTS index in sync', async () => {
    const r = await createRecord(a.ctx, base);
    await updateRecord(a.ctx, r.id, { title: '第一季度例会纪要' });
    expect((await getRecord(a.ctx, r.id)).title).toBe('第一季度例会纪要');
    const hit = raw(a.ctx).prepare(`SELECT rowid FROM records_fts WHERE records_fts MATCH '"季度例会"'`).all();
    expect(hit).toEqual([{ rowid: r.id }]);
    const old = raw(a.ctx).prepare(`SELECT rowid FROM records_fts WHERE records_fts MATCH '"工作例会"'`).all();
    expect(old).toEqual([]);
    // the 2-character index follows the same edit
    expect((await searchRecords(a.ctx, { q: '纪要' })).records.map((x) => x.id)).toEqual([r.id]);
    expect((await searchRecords(a.ctx, { q: '记录' })).total).toBe(0);
  });

  it('never hard-deletes: deletes abort, voiding keeps the row', async () => {
    const r = await createRecord(a.ctx, base);
    expect(() => raw(a.ctx).prepare('DELETE FROM records WHERE id = ?').run(r.id)).toThrow(/never deleted/);
    expect(() => raw(a.ctx).prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await voidRecord(a.ctx, r.id, '重复录入');
    expect(raw(a.ctx).prepare('SELECT voided_at IS NOT NULL AS v FROM records WHERE id = ?').get(r.id)).toEqual({ v: 1 });
  });
});
