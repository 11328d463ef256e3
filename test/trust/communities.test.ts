// Finding 10 of issue 10: an existing 全宗号 is never overwritten by adding a community; renaming or
// changing a code is its own confirmed, audited act.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { runCheck } from '../../src/main/core/check';
import { listCommunities, renameCommunity, saveCommunity } from '../../src/main/core/communities/repository';
import { importWorkbooks } from '../../src/main/core/import/import';
import { createRecord } from '../../src/main/core/records/repository';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
const env = { mode: 'browser', version: 't', signal: new AbortController().signal, onProgress: () => {}, links: { attachment: () => '', download: () => '' } } as unknown as HandlerEnv;
const taoyuan = async () => (await listCommunities(a.ctx.db)).find((c) => c.code === 'S101')!;

beforeEach(async () => {
  a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区', type: '城市', households: 1274, population: 3500 }] });
});
afterEach(() => a.close());

describe('adding a community', () => {
  it.each([
    ['桃源社区', 'the same name'],
    ['新建测试社区', 'another name'],
  ])('refuses an existing 全宗号 (%s: %s) and changes nothing', async (name) => {
    const record = await createRecord(a.ctx, { communityId: 1, affair: '党务', kind: '三会一课', title: '支部党员大会记录', date: '2025-03-01' });
    const reply = await invoke(a.ctx, 'communities.save', { code: 'S101', name }, env);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('全宗号 S101 已属于 桃源社区') } });
    expect(await taoyuan()).toMatchObject({ name: '桃源社区', households: 1274, population: 3500 });
    expect(raw(a.ctx).prepare('SELECT community_id FROM records WHERE id = ?').pluck().get(record.id)).toBe(1);
  });

  it('edits a community by its id (figures only); a name change there is refused', async () => {
    const c = await taoyuan();
    expect(await saveCommunity(a.ctx, { ...c, id: c.id, households: 1300 })).toMatchObject({ households: 1300, population: 3500 });
    await expect(saveCommunity(a.ctx, { ...c, id: c.id, name: '桃园社区' })).rejects.toMatchObject({ message: expect.stringContaining('更改名称/全宗号') });
    expect((await taoyuan()).name).toBe('桃源社区');
  });
});

describe('renaming and changing a code', () => {
  it('needs confirmation, is audited, and leaves the archive reconciled', async () => {
    const c = await taoyuan();
    expect(await invoke(a.ctx, 'communities.rename', { id: c.id, name: '桃园社区', code: 'S101' }, env)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke(a.ctx, 'communities.rename', { id: c.id, name: '桃园社区', code: 'S101', confirm: true }, env)).toMatchObject({ ok: true, value: { name: '桃园社区', households: 1274 } });
    const logged = raw(a.ctx).prepare(`SELECT actor, before FROM audit_log WHERE action = 'rename' AND entity = 'community'`).all() as { actor: string; before: string }[];
    expect(logged).toEqual([{ actor: 'test', before: expect.stringContaining('"name":"桃源社区"') }]);
    expect((await runCheck(a.ctx)).problems).toEqual([]);
  });

  it('refuses a code another community holds, and a new code once records are filed under the old one', async () => {
    await saveCommunity(a.ctx, { code: 'S102', name: '光华社区' });
    const c = await taoyuan();
    await expect(renameCommunity(a.ctx, { id: c.id, name: '桃源社区', code: 'S102', confirm: true })).rejects.toMatchObject({ message: '全宗号 S102 已属于 光华社区，未更改。' });
    expect(await renameCommunity(a.ctx, { id: c.id, name: '桃源社区', code: 'S109', confirm: true })).toMatchObject({ code: 'S109' });
    await createRecord(a.ctx, { communityId: c.id, affair: '居务', kind: '居务监督委员会例会', title: '例会记录', date: '2025-03-05', responsible: '居委会', pages: 1 });
    await fileYear(a.ctx, { year: 2025 });
    await expect(renameCommunity(a.ctx, { id: c.id, name: '桃源社区', code: 'S101', confirm: true })).rejects.toMatchObject({ message: expect.stringContaining('全宗号不能再改') });
  });

  it('an imported 社区概况 row with a known 全宗号 and another name is refused, not a silent rename', async () => {
    const csv = join(a.dir, 'c.csv');
    writeFileSync(csv, '社区,类别,事项,题名,成文日期\n桃源社区,居务,居务监督委员会例会,例会记录,2025-03-05\n');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('社区概况').addRows([
      ['社区名称', '社区代码', '类型', '户数', '人口', '辖区面积', '驻区单位数', '服务站面积', '每周服务时长'],
      ['新建测试社区', 'S101', '城市', 10, 20, null, null, null, null],
    ]);
    const file = join(a.dir, '社区.xlsx');
    await wb.xlsx.writeFile(file);
    await expect(importWorkbooks(a.ctx, { files: [file] })).rejects.toMatchObject({ message: expect.stringContaining('全宗号 S101 已属于 桃源社区') });
    expect(await taoyuan()).toMatchObject({ name: '桃源社区', households: 1274 });
  });
});
