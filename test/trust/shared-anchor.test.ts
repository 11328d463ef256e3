// One archive on a server, two computers (each its own working folder and anchor): each computer's
// anchor moves along with its own writes although the other's writes come in between, each check
// passes and says who else wrote, and a log cut back behind what a computer anchored is still found.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { runCheck } from '../../src/main/core/check';
import type { ArchiveContext } from '../../src/main/core/context';
import { createRecord, updateRecord } from '../../src/main/core/records/repository';
import { fixedClock, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';

describe('the audit anchor of an archive on a server, kept by two computers', () => {
  let a: TestArchive;
  let east: ArchiveContext;
  let west: ArchiveContext;
  beforeAll(async () => {
    a = await tempArchive({ engine: 'postgres' });
    const computer = (name: string) =>
      openArchive(a.location, { actor: name, clock: fixedClock(), workDir: join(a.dir, name, 'work'), anchorDir: join(a.dir, name, 'anchors') });
    [east, west] = [await computer('east'), await computer('west')];
  });
  afterAll(async () => {
    await Promise.all([east && closeArchive(east), west && closeArchive(west)]);
    await a?.close();
  });

  const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' };

  it('moves along with each computer’s writes, the other’s in between, and every check passes', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await createRecord(east, { ...base, title: `东边第${i + 1}条` });
      await updateRecord(west, r.id, { notes: `西边补充${i + 1}` }, r.version);
    }
    const head = Number((await rawQuery<{ n: number }>(a.ctx, 'SELECT max(id) AS n FROM audit_log'))[0]!.n);
    const [e, w] = [await runCheck(east), await runCheck(west)];
    expect(e.problems).toEqual([]);
    expect(w.problems).toEqual([]);
    // the check itself is the last entry: each anchored its own check's head
    expect(e.anchor?.seq).toBe(head);
    expect(w.anchor?.seq).toBe(head + 1);
    await createRecord(west, { ...base, title: '西边又加一条' });
    const again = await runCheck(east);
    expect(again.problems).toEqual([]);
    expect((again.notices ?? []).join()).toMatch(/其他电脑上的用户/);
  });

  it('still finds the log cut back behind what a computer anchored', async () => {
    await createRecord(east, { ...base, title: '东边最后一条' });
    const head = Number((await rawQuery<{ n: number }>(a.ctx, 'SELECT max(id) AS n FROM audit_log'))[0]!.n);
    // as someone with the database's rights, outside the app
    await rawQuery(a.ctx, 'ALTER TABLE audit_log DISABLE TRIGGER USER');
    await rawQuery(a.ctx, 'DELETE FROM audit_log WHERE id >= ?', [head - 1]);
    await rawQuery(a.ctx, 'ALTER TABLE audit_log ENABLE TRIGGER USER');
    const found = (await runCheck(east)).problems.filter((p) => p.type === 'audit-anchor');
    expect(found.map((p) => p.message).join()).toMatch(/已被删除/);
  });
});
