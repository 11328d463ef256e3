// Every command of the CLI contract with --db postgres://…, run as a user runs them, and compared with
// the same commands on a folder: init (and its refusals), demo, template, import, file, list, audit,
// attest, check, report, user. (backup/restore: test/backup/engines.test.ts; serve: test/e2e/postgres.)
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanwuIn } from './fake-io';
import { fixedClock, tempDir } from '../helpers/archive';
import { adminQuery, tempPgDatabase, type TempDatabase } from '../helpers/postgres';
import { RECORD_HEADERS, recordRow } from '../import/fixtures';

const tmp = tempDir('sanwu-cli-pg-');
let pg: TempDatabase;
const folder = join(tmp.dir, 'folder');

const sanwu = (...argv: string[]) =>
  sanwuIn(
    {
      cwd: tmp.dir,
      env: { XDG_CONFIG_HOME: join(tmp.dir, 'config'), SANWU_PASSWORD: 'secret-pass-1', SANWU_NEW_PASSWORD: 'secret-pass-1' },
      clock: fixedClock('2026-03-10T10:00:00+08:00'),
    },
    ...argv,
  );

/** The same command on the server and on the folder: both succeed with the same output. */
async function both(...argv: string[]): Promise<string> {
  const [server, local] = [await sanwu(...argv.map((x) => (x === 'DB' ? pg.url : x))), await sanwu(...argv.map((x) => (x === 'DB' ? folder : x)))];
  expect(server.code, server.stderr).toBe(0);
  expect(local.code, local.stderr).toBe(0);
  // the one difference: where the archive is
  const shown = (out: string, db: string) => out.replaceAll(JSON.stringify(db).slice(1, -1), 'DB').replaceAll(db, 'DB');
  expect(shown(server.stdout, new URL(pg.url).toString())).toEqual(shown(local.stdout, folder));
  return server.stdout;
}

beforeAll(async () => {
  pg = await tempPgDatabase();
});
afterAll(async () => {
  await pg?.drop();
  tmp.cleanup();
});

describe('the CLI on a server archive', () => {
  it('init creates the archive on the server and refuses to do it twice', async () => {
    for (const db of [pg.url, folder]) {
      const made = await sanwu('init', '--db', db, '--name', '幸福路街道办事处', '--code', '659002');
      expect(made.code, made.stderr).toBe(0);
    }
    const again = await sanwu('init', '--db', pg.url, '--name', '别的街道');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已经有档案库');
    expect(again.stderr).not.toContain('secret');
  });

  it('init refuses a database that holds other data, or whose character classes would break Chinese search, changing nothing', async () => {
    const foreign = await tempPgDatabase();
    const c = await tempPgDatabase({ locale: 'C' });
    try {
      await adminQuery('CREATE TABLE orders (id int)', [], foreign.name);
      const refused = await sanwu('init', '--db', foreign.url, '--name', '某街道');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/不是三务档案库/);
      const wrong = await sanwu('init', '--db', c.url, '--name', '某街道');
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/字符分类（LC_CTYPE=C）不把汉字当作文字/);
      expect(await adminQuery(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`, [], c.name)).toEqual([{ n: 0 }]);
      const down = await sanwu('list', '--db', pg.url.replace(/port=\d+/, 'port=1'));
      expect(down).toMatchObject({ code: 1, stderr: expect.stringMatching(/连接不上数据库服务器/) });
    } finally {
      await foreign.drop();
      await c.drop();
    }
  });

  it('demo, template, import, file, list, audit, attest and check give the same output as on a folder', async () => {
    await both('demo', '--db', 'DB', '--year', '2025', '--communities', '2', '--records', '140', '--json');
    expect((await sanwu('template', '--out', join(tmp.dir, 'template.xlsx'))).code).toBe(0);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('档案登记');
    sheet.addRow(RECORD_HEADERS);
    for (let i = 1; i <= 5; i++) sheet.addRow(recordRow({ 题名: `居务监督委员会第${i}次补录例会记录`, 成文日期: `2025-0${i}-20` }));
    await book.xlsx.writeFile(join(tmp.dir, 'more.xlsx'));
    await both('import', '--db', 'DB', join(tmp.dir, 'more.xlsx'), '--dry-run', '--json');
    expect(JSON.parse(await both('import', '--db', 'DB', join(tmp.dir, 'more.xlsx'), '--json'))).toMatchObject({ ok: true, imported: { records: 5 } });
    await both('file', '--db', 'DB', '--year', '2025', '--json');
    await both('list', '--db', 'DB', '--q', '补录例会', '--json');
    await both('list', '--db', 'DB', '--year', '2025', '--affair', '居务', '--limit', '30', '--json');
    await both('list', '--db', 'DB', '--q', '例会');
    await both('attest', '--db', 'DB', '--year', '2025', '--community', '桃源社区', '--indicator', 'BJ-MZFZ-13', '--status', 'met', '--note', '调解台账齐全');
    await both('audit', '--db', 'DB', '--year', '2025', '--json');
    const check = (out: string) => JSON.parse(out) as { problems: unknown[] };
    const [server, local] = [await sanwu('check', '--db', pg.url, '--json'), await sanwu('check', '--db', folder, '--json')];
    expect(server.code).toBe(local.code);
    expect(check(server.stdout).problems).toEqual(check(local.stdout).problems);
  }, 180_000);

  it('writes the reporting package from the server archive', async () => {
    const out = join(tmp.dir, 'package');
    const run = await sanwu('report', '--db', pg.url, '--year', '2025', '--out', out, '--zip');
    expect(run.code, run.stderr).toBe(0);
    const bag = readdirSync(out).find((f) => !f.endsWith('.zip'))!;
    expect(existsSync(join(out, bag, 'bagit.txt'))).toBe(true);
    expect(readdirSync(out).some((f) => f.endsWith('.zip'))).toBe(true);
  }, 120_000);

  it('keeps accounts on the server: user add, then every command needs --as', async () => {
    const added = await sanwu('user', 'add', '--db', pg.url, '--name', 'admin', '--role', '管理员', '--display', '王某');
    expect(added.code, added.stderr).toBe(0);
    expect((await sanwu('list', '--db', pg.url, '--limit', '1')).code).toBe(1);
    const users = await sanwu('user', 'list', '--db', pg.url, '--as', 'admin', '--json');
    expect(JSON.parse(users.stdout)).toEqual({ users: [{ name: 'admin', display: '王某', role: '管理员', active: true }] });
  });
});
