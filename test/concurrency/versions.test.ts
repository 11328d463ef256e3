// Two clerks on one archive (two app instances, as two PCs against one server or one folder): an edit
// made from a record someone else changed since it was opened is refused with who and when, and writes
// nothing; filing or voiding counts as a change too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { latestChange } from '../../src/main/core/audit-log/changes';
import type { ArchiveContext } from '../../src/main/core/context';
import { createRecord, getRecord, updateRecord } from '../../src/main/core/records/repository';
import { countTables, ENGINES, fixedClock, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';

describe.each(ENGINES)('record versions on %s', (engine) => {
  let a: TestArchive;
  let wang: ArchiveContext;
  let li: ArchiveContext;
  beforeAll(async () => {
    a = await tempArchive({ engine, clock: fixedClock('2025-12-31T14:05:00+08:00') });
    const open = (actor: string) => openArchive(a.location, { actor, clock: fixedClock('2025-12-31T14:05:00+08:00'), workDir: a.ctx.paths.dir });
    [wang, li] = [await open('wang'), await open('li')];
    await rawQuery(a.ctx, `INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('wang', '王某', '档案员', 'x', 'x')`);
  });
  afterAll(async () => {
    await Promise.all([closeArchive(wang), closeArchive(li)]);
    await a.close();
  });

  const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' };

  it('refuses the second of two edits made from the same version, naming who changed it and when', async () => {
    const r = await createRecord(wang, base);
    expect(r.version).toBe(1);
    const seen = await latestChange(li.db);
    const edited = await updateRecord(wang, r.id, { title: '王某改过的题名' }, r.version);
    expect(edited.version).toBe(2);
    expect((await latestChange(li.db)).seq).toBeGreaterThan(seen.seq);
    const before = await countTables(a.ctx);
    const hh = String(new Date('2025-12-31T14:05:00+08:00').getHours()).padStart(2, '0');
    await expect(updateRecord(li, r.id, { notes: '李某的补充' }, r.version)).rejects.toThrow(`此档案已被 王某 于 ${hh}:05 修改，请刷新后再改。`);
    expect(await countTables(a.ctx)).toEqual(before);
    expect((await getRecord(li, r.id)).title).toBe('王某改过的题名');
    // from the version now shown, the edit goes in and keeps 王某's title
    const fresh = await getRecord(li, r.id);
    expect(await updateRecord(li, r.id, { notes: '李某的补充' }, fresh.version)).toMatchObject({ title: '王某改过的题名', notes: '李某的补充', version: 3 });
  });

  it('counts filing as a change: an edit opened before filing is refused', async () => {
    const r = await createRecord(wang, { ...base, date: '2024-05-01', title: '去年的例会' });
    await fileYear(li, { year: 2024 });
    await expect(updateRecord(wang, r.id, { notes: '归档前打开的' }, r.version)).rejects.toThrow(/此档案已被 li 于 .* 修改，请刷新后再改/);
  });

  it('bumps the version on any UPDATE, also one made outside the app', async () => {
    const r = await createRecord(wang, { ...base, title: '直接改库' });
    await rawQuery(a.ctx, `UPDATE records SET notes = 'psql' WHERE id = ?`, [r.id]);
    expect((await getRecord(wang, r.id)).version).toBe(2);
    await expect(updateRecord(wang, r.id, { title: '晚了' }, 1)).rejects.toThrow(/请刷新后再改/);
  });
});
