import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecords } from '../../src/main/core/records/repository';
import type { RecordInput } from '../../src/shared/schemas';
import { tempArchive, type TestArchive } from '../helpers/archive';
import { sanwu } from './fake-io';

let a: TestArchive;
let db: string;

const rows: RecordInput[] = [
  { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' },
  { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-04-05' },
  { communityId: 2, affair: '党务', kind: '三会一课', title: '党员大会会议记录', date: '2025-02-01' },
  { communityId: 2, affair: '财务', kind: '会计凭证', title: '3月记账凭证', date: '2025-03-31' },
  { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2024-12-05' },
];

beforeAll(async () => {
  a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '幸福村', type: '农村' }] });
  db = a.ctx.paths.dir;
  await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
});
afterAll(async () => {
  await a.close();
});

describe('sanwu file', () => {
  it('files the year and prints the cells as JSON, progress on stderr; a second run files nothing', async () => {
    const run = await sanwu(['file', '--db', db, '--year', '2025', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      year: 2025,
      filed: 4,
      cells: [
        { cell: 'S101-WS·2025-D30-JW', community: '桃源社区', from: 1, to: 2 },
        { cell: 'S102-KU·2025-D30-CW', community: '幸福村', from: 1, to: 1 },
        { cell: 'S102-WS·2025-Y-DW', community: '幸福村', from: 1, to: 1 },
      ],
    });
    expect(run.stderr).toContain('[归档] 4/4');
    const again = await sanwu(['file', '--db', db, '--year', '2025']);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('没有待归档的文件') });
  });

  it('prints counts per cell in human form', async () => {
    const run = await sanwu(['file', '--db', db, '--year', '2024', '--community', '桃源社区']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已归档 1 件/);
    expect(run.stdout).toMatch(/S101-WS·2024-D30-JW\s+件号 0001–0001\s+1 件/);
  });

  it.each([
    [['file', '--db', 'X'], 2, /缺少选项 --year/],
    [['file', '--db', 'X', '--year', 'abc'], 2, /需要一个整数/],
    [['file', '--db', 'X', '--year', '1800'], 2, /--year 不能小于 1949/],
    [['file', '--db', 'X', '--year', '2025', '--bogus'], 2, /不认识的选项 --bogus/],
  ])('refuses bad usage %j with exit %i', async (argv, code, message) => {
    const run = await sanwu(argv as string[]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('用法：sanwu file');
  });

  it('refuses an unknown community or archive with exit 1 in Chinese', async () => {
    expect(await sanwu(['file', '--db', db, '--year', '2025', '--community', '无此社区'])).toMatchObject({ code: 1, stderr: expect.stringContaining('没有名为“无此社区”的社区') });
    expect(await sanwu(['file', '--db', join(a.dir, 'nothing'), '--year', '2025'])).toMatchObject({ code: 1, stderr: expect.stringContaining('没有找到档案库') });
    expect(existsSync(join(a.dir, 'nothing'))).toBe(false);
  });
});

describe('sanwu list', () => {
  it('prints the DESIGN.md JSON shape, total counting every match and records honouring --limit', async () => {
    const run = await sanwu(['list', '--db', db, '--q', '例会', '--limit', '1', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { total: number; records: Record<string, unknown>[] };
    expect(out.total).toBe(3);
    expect(out.records).toHaveLength(1);
    expect(Object.keys(out.records[0]!)).toEqual(['id', 'community', 'affair', 'kind', 'title', 'date', 'archivalCode', 'retention', 'status', 'attachments']);
    expect(out.records[0]).toMatchObject({ community: '桃源社区', affair: '居务', title: '居务监督委员会工作例会记录', date: '2025-04-05', archivalCode: 'S101-WS·2025-D30-JW-0002', retention: '定期30年', status: '在保', attachments: 0 });
  });

  it('filters by year, community, affair and kind', async () => {
    const ids = async (argv: string[]) => (JSON.parse((await sanwu(['list', '--db', db, '--json', ...argv])).stdout) as { records: { title: string }[] }).records.map((r) => r.title);
    expect(await ids(['--year', '2024'])).toHaveLength(1);
    expect(await ids(['--community', '幸福村', '--affair', '财务'])).toEqual(['3月记账凭证']);
    expect(await ids(['--kind', '三会一课'])).toEqual(['党员大会会议记录']);
  });

  it('prints an aligned table in human form', async () => {
    const run = await sanwu(['list', '--db', db, '--community', '幸福村']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^编号\s+档号\s+成文日期\s+社区\s+类别\s+事项\s+题名\s+保管期限\s+状态\s+附件$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('S102-KU·2025-D30-CW-0001');
    expect(lines.at(-1)).toBe('共 2 条');
    // columns line up: 成文日期 starts at the same place in every row
    const col = (line: string) => line.search(/\d{4}-\d{2}-\d{2}/);
    expect(col(lines[1]!)).toBe(col(lines[2]!));
  });

  it('refuses a bad --affair with usage (exit 2) and an unknown community in Chinese (exit 1)', async () => {
    const bad = await sanwu(['list', '--db', db, '--affair', '村务']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--affair 应为 党务、居务、财务/);
    expect(bad.stderr).toContain('用法：sanwu list');
    expect(await sanwu(['list', '--db', db, '--community', '无此社区'])).toMatchObject({ code: 1, stderr: expect.stringContaining('没有名为“无此社区”的社区') });
    expect((await sanwu(['list', '--db', db, '--limit', '-1'])).code).toBe(2);
  });
});

describe('sanwu backup and restore', () => {
  it('backs up and restores with exit codes 0/1/2 and JSON output', async () => {
    const out = join(a.dir, 'b.tar');
    const backup = await sanwu(['backup', '--db', db, '--out', out, '--json']);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ ok: true, file: out, attachments: 0 });
    expect((await sanwu(['backup', '--db', db, '--out', out])).code).toBe(1);
    expect((await sanwu(['backup', '--db', db])).code).toBe(2);

    const target = join(a.dir, 'restored');
    const restore = await sanwu(['restore', '--db', target, out, '--json']);
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ ok: true, dir: target, attachments: 0, previous: null });
    const listed = JSON.parse((await sanwu(['list', '--db', target, '--json'])).stdout) as { total: number };
    expect(listed.total).toBe(rows.length);

    const refused = await sanwu(['restore', '--db', target, out]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('--force') });
    const forced = await sanwu(['restore', '--db', target, out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('原有档案库已保存到');
    expect(readdirSync(join(target, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);

    expect((await sanwu(['restore', '--db', target])).code).toBe(2);
    const junk = join(a.dir, 'junk.tar');
    writeFileSync(junk, 'not a backup at all');
    expect(await sanwu(['restore', '--db', join(a.dir, 'fresh'), junk])).toMatchObject({ code: 1, stderr: expect.stringContaining('不是完好的三务档案备份') });
    expect(existsSync(join(a.dir, 'fresh'))).toBe(false);
  });
});

describe('--db pointing at something that is not an archive', () => {
  it('refuses a foreign SQLite file or folder with exit 1 and leaves it unchanged', async () => {
    const folder = join(a.dir, 'foreign');
    mkdirSync(folder);
    const file = join(folder, 'archive.sqlite');
    const foreign = new Database(file);
    foreign.exec(`CREATE TABLE t (x); INSERT INTO t VALUES ('not ours')`);
    foreign.close();
    const before = readFileSync(file);
    for (const db of [folder, file]) {
      const run = await sanwu(['list', '--db', db]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/不是三务档案的档案库|不是档案文件夹/);
    }
    expect(await sanwu(['file', '--db', folder, '--year', '2025'])).toMatchObject({ code: 1 });
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(folder)).toEqual(['archive.sqlite']);
  });
});

describe('the sanwu bin', () => {
  it('runs list as a real process with the JSON on stdout', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/sanwu.js'), 'list', '--db', db, '--q', '例会', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 3 });
  });
});
