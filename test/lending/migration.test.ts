// Migration 0011 on an archive of the previous schema: its records stay, the register's tables and
// rules arrive (append-only, unlendable items refused), check is clean; and a backup with loans and
// views restores, the restore's reconciliation covering the new tables.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { createBackup } from '../../src/main/core/backup/create';
import { restoreBackup } from '../../src/main/core/backup/restore';
import { runCheck } from '../../src/main/core/check';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { lend } from '../../src/main/core/lending/loans';
import { ViewLog } from '../../src/main/core/lending/views';
import { saveOffice } from '../../src/main/core/office/repository';
import { createRecord } from '../../src/main/core/records/repository';
import { fixedClock, raw, tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-0011-');
afterAll(() => tmp.cleanup());

describe('migration 0011 (lending register, 利用)', () => {
  it('upgrades an archive of the previous schema; the register works on it at once', async () => {
    const dir = join(tmp.dir, 'archive');
    const before = MIGRATIONS.findIndex(([name]) => name === '0011_lending');
    const old = await openArchive(dir, { create: true, clock: fixedClock(), anchorDir: join(tmp.dir, 'anchors'), migrations: MIGRATIONS.slice(0, before) });
    await saveOffice(old, { name: '幸福路街道', code: '659002' });
    await saveCommunity(old, { code: 'S101', name: '桃源社区' });
    const record = await createRecord(old, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
    await fileYear(old, { year: 2025 });
    expect(raw(old).prepare(`SELECT name FROM sqlite_master WHERE name = 'loans'`).all()).toEqual([]);
    raw(old).close();
    await closeArchive(old);

    const ctx = await openArchive(dir, { clock: fixedClock(), anchorDir: join(tmp.dir, 'anchors') });
    try {
      expect(raw(ctx).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(raw(ctx).prepare('SELECT title, status FROM records').all()).toEqual([{ title: '居民会议记录', status: '在保' }]);
      expect((await lend(ctx, { recordIds: [record.id], borrower: '张三', purpose: '查阅' })).loan).toBe(1);
      expect(() => raw(ctx).prepare('DELETE FROM loans').run()).toThrow('借阅登记不能删除');
      const check = await runCheck(ctx);
      expect(check.problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    } finally {
      raw(ctx).close();
      await closeArchive(ctx);
    }
  });

  it('a backup with loans and views restores whole: every register row equals its audited state', async () => {
    const dir = join(tmp.dir, 'source');
    const anchors = join(tmp.dir, 'anchors-2');
    const ctx = await openArchive(dir, { create: true, clock: fixedClock(), anchorDir: anchors });
    await saveOffice(ctx, { name: '幸福路街道', code: '659002' });
    await saveCommunity(ctx, { code: 'S101', name: '桃源社区' });
    const record = await createRecord(ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
    const attachment = await addAttachmentData(ctx, record.id, Buffer.from('%PDF-1.4\n%%EOF\n'), '记录.pdf');
    await fileYear(ctx, { year: 2025 });
    await lend(ctx, { recordIds: [record.id], borrower: '张三', purpose: '查阅' });
    const log = new ViewLog(ctx);
    log.note('viewer', attachment.id);
    await log.flush();
    const file = join(tmp.dir, 'backup.tar');
    await createBackup(ctx, file);
    await closeArchive(ctx);

    const restored = await restoreBackup(join(tmp.dir, 'restored'), file, { anchorDir: anchors, clock: fixedClock() });
    expect(restored.attachments).toBe(1);
    const back = await openArchive(join(tmp.dir, 'restored'), { clock: fixedClock(), anchorDir: anchors });
    try {
      expect(raw(back).prepare('SELECT borrower FROM loans').all()).toEqual([{ borrower: '张三' }]);
      expect(raw(back).prepare('SELECT viewer FROM file_views').all()).toEqual([{ viewer: 'viewer' }]);
      expect((await runCheck(back)).problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    } finally {
      raw(back).close();
      await closeArchive(back);
    }
  });
});
