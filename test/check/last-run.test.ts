// 档案检查 keeps each run's result (migration 0012, check_runs): check.last answers the newest until the
// next check, with who ran it and when; a kept run cannot be changed or removed behind the app's back;
// an archive of the previous schema upgrades to an empty history.
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { runCheck } from '../../src/main/core/check';
import { lastCheckRun } from '../../src/main/core/check/runs';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { createRecord } from '../../src/main/core/records/repository';
import { fixedClock, raw, tempArchive, tempDir, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

describe('the last check is kept', () => {
  it('is null before the first check, then the newest run with its whole result', async () => {
    expect(await lastCheckRun(a.ctx.db)).toBeNull();
    const first = await runCheck(a.ctx);
    expect(first.run).toEqual({ id: 1, at: '2025-12-31T02:00:00.000Z' });
    await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '例会', date: '2025-03-05' });
    raw(a.ctx).prepare(`UPDATE records SET title = '被改过的题名'`).run();
    const second = await runCheck(a.ctx, { full: true });
    expect(second.ok).toBe(false);
    const last = await lastCheckRun(a.ctx.db);
    expect(last).toMatchObject({ id: 2, actor: 'test', full: true, at: '2025-12-31T02:00:00.000Z' });
    expect(last!.result.problems).toEqual(second.problems);
    expect(last!.result.counts).toEqual(second.counts);
    // the audit entry of the run names it
    const entry = raw(a.ctx).prepare(`SELECT after FROM audit_log WHERE action = 'check' ORDER BY id DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ ok: false, full: true, run: 2 });
  });

  it('refuses changing or removing a kept run', async () => {
    await runCheck(a.ctx);
    expect(() => raw(a.ctx).prepare(`UPDATE check_runs SET ok = 0`).run()).toThrow('检查结果是历史记录，不能修改');
    expect(() => raw(a.ctx).prepare(`DELETE FROM check_runs`).run()).toThrow('检查结果是历史记录，不能删除');
    expect(() => raw(a.ctx).prepare(`INSERT INTO check_runs (at, actor, full, ok, result) VALUES ('x', 'y', 0, 1, 'not json')`).run()).toThrow();
  });
});

describe('migration 0012 (check runs)', () => {
  const tmp = tempDir('sanwu-0012-');
  afterAll(() => tmp.cleanup());

  it('upgrades an archive of the previous schema to an empty history that then fills', async () => {
    const dir = join(tmp.dir, 'archive');
    const before = MIGRATIONS.findIndex(([name]) => name === '0012_check_runs');
    const old = await openArchive(dir, { create: true, clock: fixedClock(), anchorDir: join(tmp.dir, 'anchors'), migrations: MIGRATIONS.slice(0, before) });
    expect(raw(old).prepare(`SELECT name FROM sqlite_master WHERE name = 'check_runs'`).all()).toEqual([]);
    await closeArchive(old);
    const ctx = await openArchive(dir, { clock: fixedClock(), anchorDir: join(tmp.dir, 'anchors') });
    try {
      expect(await lastCheckRun(ctx.db)).toBeNull();
      await runCheck(ctx);
      expect(await lastCheckRun(ctx.db)).toMatchObject({ id: 1, result: { ok: true } });
    } finally {
      await closeArchive(ctx);
    }
  });
});
