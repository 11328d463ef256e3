// Migration 0008 on an archive of the previous schema: existing records start at version 1 and every
// change from then on counts.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { createRecord, getRecord, updateRecord } from '../../src/main/core/records/repository';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { fixedClock, raw, tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-0008-');
afterAll(() => tmp.cleanup());

it('upgrades an archive of the previous schema: records at version 1, changes counted', async () => {
  const dir = join(tmp.dir, 'archive');
  const before = MIGRATIONS.findIndex(([name]) => name === '0008_record_versions');
  const old = await openArchive(dir, { create: true, clock: fixedClock(), migrations: MIGRATIONS.slice(0, before) });
  await saveCommunity(old, { code: 'S101', name: '桃源社区' });
  const r = await createRecord(old, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '例会记录', date: '2025-03-05' });
  expect(raw(old).prepare(`SELECT name FROM pragma_table_info('records') WHERE name = 'version'`).all()).toEqual([]);
  await closeArchive(old);

  const ctx = await openArchive(dir, { clock: fixedClock() });
  try {
    expect((await getRecord(ctx, r.id)).version).toBe(1);
    expect((await updateRecord(ctx, r.id, { title: '例会纪要' }, 1)).version).toBe(2);
    await expect(updateRecord(ctx, r.id, { title: '旧版本上的修改' }, 1)).rejects.toThrow(/请刷新后再改/);
  } finally {
    await closeArchive(ctx);
  }
});
