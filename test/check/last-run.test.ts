// 档案检查 keeps each run's result (migration 0012, check_runs), on both engines: check.last answers the
// newest until the next check, with who ran it and when; a kept run cannot be changed or removed behind
// the app's back; an archive of the previous schema upgrades to an empty history.
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { runCheck } from '../../src/main/core/check';
import { lastCheckRun } from '../../src/main/core/check/runs';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { PG_MIGRATIONS } from '../../src/main/core/db/postgres/migrations';
import { createRecord } from '../../src/main/core/records/repository';
import { ENGINES, fixedClock, rawQuery, tempArchive, tempDir, tempLocation, type TestArchive } from '../helpers/archive';

describe.each(ENGINES)('the last check on %s', (engine) => {
  let a: TestArchive;
  beforeEach(async () => {
    a = await tempArchive({ engine });
  });
  afterEach(async () => {
    await a.close();
  });

  it('is null before the first check, then the newest run with its whole result', async () => {
    expect(await lastCheckRun(a.ctx.db)).toBeNull();
    const first = await runCheck(a.ctx);
    expect(first.run).toEqual({ id: 1, at: '2025-12-31T02:00:00.000Z' });
    await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '例会', date: '2025-03-05' });
    await rawQuery(a.ctx, `UPDATE records SET title = '被改过的题名'`);
    const second = await runCheck(a.ctx, { full: true });
    expect(second.ok).toBe(false);
    const last = await lastCheckRun(a.ctx.db);
    expect(last).toMatchObject({ id: 2, actor: 'test', full: true, at: '2025-12-31T02:00:00.000Z' });
    expect(last!.result.problems).toEqual(second.problems);
    expect(last!.result.counts).toEqual(second.counts);
    // the audit entry of the run names it
    const [entry] = await rawQuery<{ after: string }>(a.ctx, `SELECT after FROM audit_log WHERE action = 'check' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(entry!.after)).toMatchObject({ ok: false, full: true, run: 2 });
  });

  it('refuses changing or removing a kept run, and a result that is not JSON', async () => {
    await runCheck(a.ctx);
    await expect(rawQuery(a.ctx, `UPDATE check_runs SET ok = 0`)).rejects.toThrow('检查结果是历史记录，不能修改');
    await expect(rawQuery(a.ctx, `DELETE FROM check_runs`)).rejects.toThrow('检查结果是历史记录，不能删除');
    await expect(rawQuery(a.ctx, `INSERT INTO check_runs (at, actor, full_check, ok, result) VALUES ('x', 'y', 0, 1, 'not json')`)).rejects.toThrow();
    expect(await rawQuery(a.ctx, `SELECT id FROM check_runs`)).toEqual([{ id: 1 }]);
  });
});

describe.each(ENGINES)('migration 0012 (check runs) on %s', (engine) => {
  const tmp = tempDir('sanwu-0012-');
  afterAll(() => tmp.cleanup());

  it('upgrades an archive of the previous schema to an empty history that then fills', async () => {
    const where = await tempLocation(engine, tmp.dir);
    const list = engine === 'sqlite' ? MIGRATIONS : PG_MIGRATIONS;
    const options = { clock: fixedClock(), anchorDir: join(tmp.dir, 'anchors'), workDir: where.workDir };
    try {
      const old = await openArchive(where.location, { ...options, create: true, migrations: list.slice(0, list.findIndex(([name]) => name === '0012_check_runs')) });
      await expect(lastCheckRun(old.db)).rejects.toThrow();
      await closeArchive(old);
      const ctx = await openArchive(where.location, options);
      try {
        expect(await lastCheckRun(ctx.db)).toBeNull();
        await runCheck(ctx);
        expect(await lastCheckRun(ctx.db)).toMatchObject({ id: 1, result: { ok: true } });
      } finally {
        await closeArchive(ctx);
      }
    } finally {
      await where.drop();
    }
  });
});
