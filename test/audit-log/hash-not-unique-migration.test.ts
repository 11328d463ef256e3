// Migration 0013 on an archive of the previous schema (each engine's own list): the audit log's entries
// are kept as they were (ids, hashes, order), its hash column no longer unique, its other indexes and
// the append-only refusals in place; the chain goes on from its last entry and checks clean.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { runCheck } from '../../src/main/core/check';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext } from '../../src/main/core/context';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { PG_MIGRATIONS } from '../../src/main/core/db/postgres/migrations';
import { saveOffice } from '../../src/main/core/office/repository';
import { createRecord, updateRecord } from '../../src/main/core/records/repository';
import { ENGINES, fixedClock, rawQuery, tempDir, tempLocation } from '../helpers/archive';

const tmp = tempDir('sanwu-0013-');
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  tmp.cleanup();
});

const entries = (ctx: ArchiveContext) => rawQuery(ctx, 'SELECT * FROM audit_log ORDER BY id');

/** Whether each engine holds a unique index over the audit log's hash column. */
const hashUnique = async (ctx: ArchiveContext, engine: string): Promise<boolean> =>
  engine === 'sqlite'
    ? Number((await rawQuery<{ n: number }>(ctx, `SELECT count(*) AS n FROM pragma_index_list('audit_log') l, pragma_index_info(l.name) i WHERE l."unique" = 1 AND i.name = 'hash'`))[0]!.n) > 0
    : Number((await rawQuery<{ n: string }>(ctx, `SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'audit_log' AND indexdef LIKE 'CREATE UNIQUE INDEX%(hash)'`))[0]!.n) > 0;

const indexNames = async (ctx: ArchiveContext, engine: string): Promise<string[]> =>
  engine === 'sqlite'
    ? (await rawQuery<{ name: string }>(ctx, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL ORDER BY name`)).map((r) => r.name)
    : (await rawQuery<{ name: string }>(ctx, `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'audit_log' AND indexname <> 'audit_log_pkey' ORDER BY indexname`)).map((r) => r.name);

describe.each(ENGINES)('migration 0013 (the audit hash not unique) on %s', (engine) => {
  const list = engine === 'sqlite' ? MIGRATIONS : PG_MIGRATIONS;

  it('keeps every entry as it was; the chain goes on and checks clean', async () => {
    const where = await tempLocation(engine, join(tmp.dir, engine));
    drops.push(where.drop);
    const opts = { clock: fixedClock(), workDir: where.workDir, anchorDir: join(tmp.dir, `${engine}-anchors`) };
    const before = list.findIndex(([name]) => name === '0013_audit_hash_not_unique');
    expect(before).toBeGreaterThan(0);
    const old = await openArchive(where.location, { ...opts, create: true, migrations: list.slice(0, before) });
    await saveOffice(old, { name: '幸福路街道', code: '659002' });
    await saveCommunity(old, { code: 'S101', name: '桃源社区' });
    const record = await createRecord(old, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
    await updateRecord(old, record.id, { title: '居民会议纪要' }, 1);
    expect(await hashUnique(old, engine)).toBe(true);
    const kept = await entries(old);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    await closeArchive(old);

    const ctx = await openArchive(where.location, opts);
    try {
      expect(await hashUnique(ctx, engine)).toBe(false);
      expect(await indexNames(ctx, engine)).toEqual(['audit_by_entity', 'audit_log_format1']);
      expect(await entries(ctx)).toEqual(kept);
      await expect(rawQuery(ctx, `UPDATE audit_log SET actor = 'x' WHERE id = 1`)).rejects.toThrow('the audit log is append-only');
      await expect(rawQuery(ctx, 'DELETE FROM audit_log WHERE id = 1')).rejects.toThrow('the audit log is append-only');
      await updateRecord(ctx, record.id, { title: '居民会议纪要（定稿）' }, 2);
      const now = await entries(ctx);
      expect(now.slice(0, kept.length)).toEqual(kept);
      expect(now[kept.length]).toMatchObject({ id: Number(kept.at(-1)!.id) + 1, prev_hash: kept.at(-1)!.hash });
      expect((await runCheck(ctx)).problems.map((p) => p.message)).toEqual([]);
    } finally {
      await closeArchive(ctx);
    }
  });
});
