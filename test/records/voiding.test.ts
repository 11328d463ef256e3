// 作废 and 恢复: a voided record leaves lists, audits and filing, shows as voided, can be listed under
// 已作废 and restored before filing; every step audited, refused steps write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { createRecord, getRecord, restoreRecord, updateRecord, voidRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { raw, tableCounts, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '三月例会记录', date: '2025-03-05' };
const ids = async (q: Parameters<typeof searchRecords>[1]) => (await searchRecords(a.ctx, q)).records.map((r) => r.id);

describe('voiding and restoring', () => {
  it('shows a voided record as voided, lists it only under 已作废, and restores it, audited', async () => {
    const kept = await createRecord(a.ctx, { ...base, title: '二月例会记录', date: '2025-02-05' });
    const r = await createRecord(a.ctx, base);
    await voidRecord(a.ctx, r.id, '重复登记');
    expect(await getRecord(a.ctx, r.id)).toMatchObject({ voidReason: '重复登记', status: '未归档', voidedAt: expect.any(String) });
    expect(await ids({})).toEqual([kept.id]);
    expect(await ids({ voided: true })).toEqual([r.id]);
    expect(await ids({ voided: true, q: '三月例会' })).toEqual([r.id]);
    expect((await searchRecords(a.ctx, { voided: true })).total).toBe(1);

    const restored = await restoreRecord(a.ctx, r.id);
    expect(restored).toMatchObject({ voidedAt: null, voidReason: null });
    expect(await ids({})).toEqual([r.id, kept.id]);
    expect(await ids({ voided: true })).toEqual([]);
    const log = raw(a.ctx).prepare(`SELECT action, before, after FROM audit_log WHERE entity = 'record' AND entity_id = ? ORDER BY id`).all(r.id) as { action: string; before: string; after: string }[];
    expect(log.map((e) => e.action)).toEqual(['create', 'void', 'restore']);
    expect(JSON.parse(log[2]!.before)).toMatchObject({ void_reason: '重复登记' });
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
    // restored, it is filed like any other
    expect((await fileYear(a.ctx, { year: 2025 })).filed).toBe(2);
  });

  it('refuses to restore what is not voided, to void twice, and to edit a voided record, writing nothing', async () => {
    const r = await createRecord(a.ctx, base);
    const before = tableCounts(a.ctx);
    await expect(restoreRecord(a.ctx, r.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('没有作废，无需恢复') });
    await voidRecord(a.ctx, r.id, '误登');
    const voided = tableCounts(a.ctx);
    expect(voided.audit_log).toBe(before.audit_log! + 1);
    await expect(voidRecord(a.ctx, r.id, '再次')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('无需再次作废') });
    await expect(updateRecord(a.ctx, r.id, { title: '改' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(restoreRecord(a.ctx, 9999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(tableCounts(a.ctx)).toEqual(voided);
  });

  it('never files a voided record, so a filed one is never restored', async () => {
    const r = await createRecord(a.ctx, base);
    await voidRecord(a.ctx, r.id, '误登');
    expect((await fileYear(a.ctx, { year: 2025 })).filed).toBe(0);
    // an archive edited behind the app's back: a voided record holding a 件号 stays unrestorable
    raw(a.ctx).prepare(`UPDATE records SET item_no = 7, archival_code = 'S101-WS·2025-D30-JW-0007' WHERE id = ?`).run(r.id);
    await expect(restoreRecord(a.ctx, r.id)).rejects.toThrow(/已归档（档号 S101-WS·2025-D30-JW-0007），不能恢复/);
  });
});
