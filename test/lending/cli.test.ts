// The CLI as DESIGN.md has it, on both engines: `sanwu lend … --json` prints {"loan", "items"}, `sanwu lend
// return --loan N --json` too; refusals exit 1 and usage errors 2, in Chinese, writing nothing;
// `sanwu yearbook --year Y --out DIR` writes the 年报 and says its figures; `sanwu report --with-files`
// says how many PDF copies carry the 归档章.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { createRecord } from '../../src/main/core/records/repository';
import { ENGINES, fixedClock, rawQuery, tempDir, tempArchive, type TestArchive } from '../helpers/archive';
import { sanwuIn } from '../cli/fake-io';
import { PDFDocument } from 'pdf-lib';

describe.each(ENGINES)('sanwu lend, lend return, yearbook on %s', (engine) => {
  let a: TestArchive;
  let out: { dir: string; cleanup: () => void };
  const ids: number[] = [];
  const clock = fixedClock('2026-02-10T10:00:00+08:00');
  const sanwu = (...argv: string[]) => sanwuIn({ cwd: out.dir, env: { XDG_CONFIG_HOME: join(out.dir, 'config') }, clock }, ...argv, '--db', a.location);
  const count = async (table: string) => Number((await rawQuery<{ n: number }>(a.ctx, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    a = await tempArchive({ engine, clock });
    out = tempDir('sanwu-lend-cli-');
    for (const m of [3, 4]) ids.push((await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: `${m}月居民会议记录`, date: `2025-0${m}-05` })).id);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    await addAttachmentData(a.ctx, ids[0]!, Buffer.from(await doc.save()), '会议记录.pdf');
    await fileYear(a.ctx, { year: 2025 });
  });
  afterAll(async () => {
    await a.close();
    out.cleanup();
  });

  it('lends and takes back, printing {"loan", "items"}', async () => {
    const lent = await sanwu('lend', '--record', `${ids[0]},${ids[1]}`, '--borrower', '张三', '--purpose', '审计', '--unit', '区审计局', '--due', '2026-03-01', '--json');
    expect(lent.code, lent.stderr).toBe(0);
    const json = JSON.parse(lent.stdout) as { loan: number; items: { id: number; archivalCode: string }[] };
    expect(json).toMatchObject({ loan: 1, items: [{ id: ids[0], archivalCode: 'S101-WS·2025-Y-JW-0001' }, { id: ids[1], archivalCode: 'S101-WS·2025-Y-JW-0002' }] });
    const back = await sanwu('lend', 'return', '--loan', '1', '--json');
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ loan: 1, borrower: '张三', returnedAt: clock.now().toISOString(), items: [{ id: ids[0] }, { id: ids[1] }] });
    const human = await sanwu('lend', '--record', String(ids[1]), '--borrower', '李四', '--purpose', '编研');
    expect(human).toMatchObject({ code: 0, stdout: expect.stringContaining('已登记借阅，借阅单号 2：李四 借阅 1 件') });
  });

  it('refuses with exit 1 (nothing written) and bad usage with exit 2', async () => {
    const loans = await count('loans');
    const audit = await count('audit_log');
    expect(await sanwu('lend', '--record', '999', '--borrower', '张三', '--purpose', '查阅')).toMatchObject({ code: 1, stderr: expect.stringContaining('没有编号为 999 的档案') });
    expect(await sanwu('lend', '--record', String(ids[0]), '--borrower', '张三', '--purpose', '查阅', '--due', '2026-02-01')).toMatchObject({ code: 1, stderr: expect.stringContaining('早于借阅当天') });
    expect(await sanwu('lend', 'return', '--loan', '1')).toMatchObject({ code: 1, stderr: expect.stringContaining('已于 2026-02-10 由') });
    expect(await sanwu('lend', '--record', String(ids[0]), '--purpose', '查阅')).toMatchObject({ code: 2, stderr: expect.stringContaining('缺少选项 --borrower') });
    expect(await sanwu('lend', '--record', 'S101-WS', '--borrower', '张三', '--purpose', '查阅')).toMatchObject({ code: 2, stderr: expect.stringContaining('--record 应是档案的编号') });
    expect(await sanwu('lend', 'return', '--loan', '1', '--borrower', '张三')).toMatchObject({ code: 2, stderr: expect.stringContaining('只需 --loan') });
    expect(await count('loans')).toBe(loans);
    expect(await count('audit_log')).toBe(audit);
  });

  it('writes the 年报 and says its figures; the package with its files says what it stamped', async () => {
    const yb = await sanwu('yearbook', '--year', '2026', '--out', 'yb', '--json');
    expect(yb.code, yb.stderr).toBe(0);
    const result = JSON.parse(yb.stdout) as { path: string; figures: Record<string, unknown> };
    expect(existsSync(result.path)).toBe(true);
    // 2 items held; 3 items lent in 2026 by 2 people on one day
    expect(result.figures).toMatchObject({ holdings: 2, holdingsPermanent: 2, electronicItems: 1, usePersonTimes: 2, useItemTimes: 3 });
    const report = await sanwu('report', '--year', '2025', '--out', 'pkg', '--with-files');
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain('已复制电子文件 1 个，其中 1 个 PDF 加盖了归档章');
  });
});
