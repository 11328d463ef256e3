// Migration 0009 (the record's life after filing) on an archive of the previous schema: the filed and
// unfiled records keep their statuses, the lifecycle's steps join record_status_transitions, and the
// database itself refuses a step without its act (a direct edit of the file, as an attacker would);
// the upgraded archive appraises and checks clean.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { runCheck } from '../../src/main/core/check';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { openAppraisal } from '../../src/main/core/lifecycle/appraisal';
import { saveOffice } from '../../src/main/core/office/repository';
import { createRecord, getRecord } from '../../src/main/core/records/repository';
import { fixedClock, raw, tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-0009-');
afterAll(() => tmp.cleanup());

it('upgrades an archive of the previous schema: statuses kept, lifecycle steps guarded by their acts', async () => {
  const dir = join(tmp.dir, 'archive');
  const anchorDir = join(tmp.dir, 'anchors');
  const before = MIGRATIONS.findIndex(([name]) => name === '0009_lifecycle');
  const old = await openArchive(dir, { create: true, clock: fixedClock(), anchorDir, migrations: MIGRATIONS.slice(0, before) });
  await saveOffice(old, { name: '幸福路街道', code: '659002' });
  await saveCommunity(old, { code: 'S101', name: '桃源社区', type: '城市' });
  const item = { communityId: 1, affair: '居务' as const, kind: '居务公开', responsible: '桃源社区居民委员会', pages: 1 };
  const filed = await createRecord(old, { ...item, title: '2012年居务公开', date: '2012-03-10' });
  const unfiled = await createRecord(old, { ...item, title: '2025年居务公开', date: '2025-03-10' });
  await fileYear(old, { year: 2012 });
  expect(raw(old).prepare(`SELECT name FROM sqlite_master WHERE name = 'appraisal_batches'`).all()).toEqual([]);
  await closeArchive(old);

  const ctx = await openArchive(dir, { clock: fixedClock(), anchorDir });
  try {
    expect((await getRecord(ctx, filed.id)).status).toBe('在保');
    expect((await getRecord(ctx, unfiled.id)).status).toBe('未归档');
    const steps = raw(ctx).prepare(`SELECT from_status || '>' || to_status FROM record_status_transitions ORDER BY 1`).pluck().all();
    expect(steps).toEqual(expect.arrayContaining(['在保>待鉴定', '待鉴定>在保', '待鉴定>拟销毁', '拟销毁>已销毁', '在保>移交中', '移交中>已移交']));
    for (const to of ['待鉴定', '移交中', '已销毁', '已移交', '拟销毁']) {
      expect(() => raw(ctx).prepare('UPDATE records SET status = ? WHERE id = ?').run(to, filed.id), to).toThrow(/lifecycle step needs its act|record_status_transitions|CHECK/);
    }
    expect((await getRecord(ctx, filed.id)).status).toBe('在保');
    const opened = await openAppraisal(ctx, { asOf: '2025-12-31' });
    expect(opened.items.map((i) => i.id)).toEqual([filed.id]);
    expect((await getRecord(ctx, filed.id)).status).toBe('待鉴定');
    expect((await runCheck(ctx)).problems.map((p) => p.message)).toEqual([]);
  } finally {
    await closeArchive(ctx);
  }
});
