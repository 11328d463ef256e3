// Migration 0011 on an archive of the previous schema (each engine's own list): its records stay, the
// register's tables and rules arrive (append-only, unlendable items refused), check is clean; and a
// backup with loans and views restores onto the same engine, the restore's reconciliation covering the
// new tables.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { createBackup } from '../../src/main/core/backup/create';
import { restoreBackup } from '../../src/main/core/backup/restore';
import { runCheck } from '../../src/main/core/check';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext } from '../../src/main/core/context';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { PG_MIGRATIONS } from '../../src/main/core/db/postgres/migrations';
import { lend } from '../../src/main/core/lending/loans';
import { ViewLog } from '../../src/main/core/lending/views';
import { saveOffice } from '../../src/main/core/office/repository';
import { createRecord } from '../../src/main/core/records/repository';
import { ENGINES, fixedClock, rawQuery, tempDir, tempLocation } from '../helpers/archive';

const tmp = tempDir('sanwu-0011-');
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  tmp.cleanup();
});

const tables = async (ctx: ArchiveContext) => (await ctx.db.introspection.getTables()).map((t) => t.name);

describe.each(ENGINES)('migration 0011 (lending register, 利用) on %s', (engine) => {
  const list = engine === 'sqlite' ? MIGRATIONS : PG_MIGRATIONS;

  it('upgrades an archive of the previous schema; the register works on it at once', async () => {
    const where = await tempLocation(engine, join(tmp.dir, `${engine}-upgrade`));
    drops.push(where.drop);
    const opts = { clock: fixedClock(), workDir: where.workDir, anchorDir: join(tmp.dir, `${engine}-anchors`) };
    const before = list.findIndex(([name]) => name === '0011_lending');
    expect(before).toBeGreaterThan(0);
    const old = await openArchive(where.location, { ...opts, create: true, migrations: list.slice(0, before) });
    await saveOffice(old, { name: '幸福路街道', code: '659002' });
    await saveCommunity(old, { code: 'S101', name: '桃源社区' });
    const record = await createRecord(old, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
    await fileYear(old, { year: 2025 });
    expect(await tables(old)).not.toContain('loans');
    await closeArchive(old);

    const ctx = await openArchive(where.location, opts);
    try {
      expect(await tables(ctx)).toEqual(expect.arrayContaining(['loans', 'loan_items', 'file_views']));
      expect(await rawQuery(ctx, 'SELECT title, status FROM records')).toEqual([{ title: '居民会议记录', status: '在保' }]);
      expect((await lend(ctx, { recordIds: [record.id], borrower: '张三', purpose: '查阅' })).loan).toBe(1);
      await expect(rawQuery(ctx, 'DELETE FROM loans')).rejects.toThrow('借阅登记不能删除');
      const check = await runCheck(ctx);
      expect(check.problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    } finally {
      await closeArchive(ctx);
    }
  });

  it('a backup with loans and views restores whole: every register row equals its audited state', async () => {
    const source = await tempLocation(engine, join(tmp.dir, `${engine}-source`));
    const target = await tempLocation(engine, join(tmp.dir, `${engine}-restored`));
    drops.push(source.drop, target.drop);
    const anchors = join(tmp.dir, `${engine}-anchors-2`);
    const ctx = await openArchive(source.location, { create: true, clock: fixedClock(), workDir: source.workDir, anchorDir: anchors });
    await saveOffice(ctx, { name: '幸福路街道', code: '659002' });
    await saveCommunity(ctx, { code: 'S101', name: '桃源社区' });
    const record = await createRecord(ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
    const attachment = await addAttachmentData(ctx, record.id, Buffer.from('%PDF-1.4\n%%EOF\n'), '记录.pdf');
    await fileYear(ctx, { year: 2025 });
    await lend(ctx, { recordIds: [record.id], borrower: '张三', purpose: '查阅' });
    const log = new ViewLog(ctx);
    log.note('viewer', attachment.id);
    await log.flush();
    const file = join(tmp.dir, `${engine}-backup.tar`);
    await createBackup(ctx, file);
    await closeArchive(ctx);

    const restored = await restoreBackup(target.location, file, { anchorDir: anchors, clock: fixedClock(), workDir: target.workDir });
    expect(restored.attachments).toBe(1);
    const back = await openArchive(target.location, { clock: fixedClock(), workDir: target.workDir, anchorDir: anchors });
    try {
      expect(await rawQuery(back, 'SELECT borrower FROM loans')).toEqual([{ borrower: '张三' }]);
      expect(await rawQuery(back, 'SELECT viewer FROM file_views')).toEqual([{ viewer: 'viewer' }]);
      expect((await runCheck(back)).problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    } finally {
      await closeArchive(back);
    }
  });
});
