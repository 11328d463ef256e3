// 人员与组织 entries (both engines) are corrected and ended on a chosen day (roster.update): audited with the row's whole
// state (the check's reconciliation stays clean), an end before the start refused naming the field,
// an unknown entry refused in Chinese, nothing half-written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/main/core/check';
import { addRosterEntry, listRoster, updateRosterEntry } from '../../src/main/core/roster/repository';
import { SessionStore } from '../../src/main/core/users/sessions';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import { countTables, ENGINES, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';

describe.each(ENGINES)('roster entries on %s', (engine) => {
  let a: TestArchive;
  beforeEach(async () => {
    a = await tempArchive({ engine });
    await addRosterEntry(a.ctx, { communityId: 1, kind: '法律顾问', name: '张律师', startDate: '2024-03-01', note: '' });
  });
  afterEach(async () => {
    await a.close();
  });
  const env: HandlerEnv = { mode: 'browser', version: 'test', sessions: new SessionStore(), links: { attachment: () => '', download: () => '' } };

  describe('roster.update', () => {
    it('corrects an entry and ends it on a chosen day, each change audited and reconciled', async () => {
      const [entry] = await listRoster(a.ctx.db, 1);
      const fixed = await updateRosterEntry(a.ctx, entry!.id, { name: '张明律师', note: '北京某律师事务所' });
      expect(fixed).toMatchObject({ name: '张明律师', kind: '法律顾问', startDate: '2024-03-01', endDate: null, note: '北京某律师事务所' });
      const ended = await updateRosterEntry(a.ctx, entry!.id, { endDate: '2025-06-30' });
      expect(ended).toMatchObject({ name: '张明律师', endDate: '2025-06-30' });
      const reply = await invoke(a.ctx, 'roster.update', { id: entry!.id, patch: { endDate: null } }, env);
      expect(reply).toMatchObject({ ok: true, value: { endDate: null } });
      expect(await rawQuery(a.ctx, `SELECT count(*) AS n FROM audit_log WHERE entity = 'roster' AND action = 'update'`)).toEqual([{ n: 3 }]);
      expect((await runCheck(a.ctx)).problems).toEqual([]);
    });

    it('refuses an end before the start naming the field, and an unknown entry, writing nothing', async () => {
      const [entry] = await listRoster(a.ctx.db, 1);
      const before = await countTables(a.ctx);
      const early = await invoke(a.ctx, 'roster.update', { id: entry!.id, patch: { endDate: '2024-01-01' } }, env);
      expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ column: '终止日期' }] } });
      if (!early.ok) expect(early.error.message).toContain('早于起始日期');
      const missing = await invoke(a.ctx, 'roster.update', { id: 999, patch: { name: '某人' } }, env);
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!missing.ok) expect(missing.error.message).toMatch(/^没有编号为 999 的人员与组织记录/);
      const blank = await invoke(a.ctx, 'roster.update', { id: entry!.id, patch: { name: '  ' } }, env);
      expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await countTables(a.ctx)).toEqual(before);
    });
  });
});
