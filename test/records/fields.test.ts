// Every way into a record applies the shared field rules: the contract (UI, CLI) refuses a future date,
// a disclosure before the document and fewer than one page, naming the field, and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../src/main/core/records/repository';
import { tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import { SessionStore } from '../../src/main/core/users/sessions';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '三月例会记录', date: '2025-03-05' };

describe('record field rules in core', () => {
  it('refuses a date after today (the clock is 2025-12-31), naming the field, writing nothing', async () => {
    const before = tableCounts(a.ctx);
    const e = await createRecord(a.ctx, { ...base, date: '2026-01-01' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'INVALID_INPUT', issues: [{ column: '成文日期', message: '成文日期 2026-01-01 晚于今天（2025-12-31）' }] });
    await expect(createRecord(a.ctx, { ...base, disclosureDate: '2025-03-01' })).rejects.toMatchObject({ issues: [{ column: '公开日期' }] });
    expect(tableCounts(a.ctx)).toEqual(before);
  });

  it('refuses fewer than one page, on create and on update', async () => {
    await expect(createRecord(a.ctx, { ...base, pages: 0 })).rejects.toThrow();
    const r = await createRecord(a.ctx, { ...base, pages: 3 });
    await expect(updateRecord(a.ctx, r.id, { pages: -3 })).rejects.toThrow();
    await expect(updateRecord(a.ctx, r.id, { date: '2026-02-01' })).rejects.toMatchObject({ issues: [{ column: '成文日期' }] });
  });

  it('answers the contract with the field named in Chinese and no internal name', async () => {
    const env: HandlerEnv = { mode: 'browser', version: 'test', sessions: new SessionStore(), links: { attachment: () => '', download: () => '' } };
    const reply = await invoke(a.ctx, 'records.create', { ...base, pages: 0 }, env);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ column: '页数', message: '页数应不小于 1' }] } });
    if (reply.ok) return;
    expect(reply.error.message).toBe('新建档案的输入有误，未做任何修改：页数：页数应不小于 1。请改正后再试。');
    const future = await invoke(a.ctx, 'records.create', { ...base, date: '2026-06-01' }, env);
    expect(future).toMatchObject({ ok: false, error: { message: '成文日期 2026-06-01 晚于今天（2025-12-31），未保存。请改正后再试。' } });
  });
});
