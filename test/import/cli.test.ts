// `sanwu template` and `sanwu import` through the CLI: JSON contract, exit codes, stderr.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/main/cli/io';
import { runCli } from '../../src/main/cli/main';
import { tableCounts, tempArchive, fixedClock, type TestArchive } from '../helpers/archive';
import { RECORD_HEADERS, recordRow, recordsBook, writeBook } from './fixtures';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR },
    cwd: a.dir,
    clock: fixedClock(),
    signal: new AbortController().signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('sanwu import', () => {
  it('prints the JSON contract and exits 0, then counts duplicates', async () => {
    const file = await recordsBook(join(a.dir, 'a.xlsx'), [recordRow(), recordRow({ 题名: '第二件' })]);
    const first = await cli('import', '--db', a.ctx.paths.dir, file, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      ok: true,
      imported: { records: 2, communities: 0, roster: 0, attachments: 0 },
      duplicates: 0,
      errors: [],
      notices: [],
      dryRun: false,
    });
    expect(first.stderr).toContain('[写入] 2/2 100%');
    const second = await cli('import', '--db', a.ctx.paths.dir, 'a.xlsx', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, imported: { records: 0 }, duplicates: 2 });
  });

  it('exits 1 with the errors on stderr in the human form, writing nothing', async () => {
    const file = await recordsBook(join(a.dir, 'bad.xlsx'), [recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow({ 成文日期: '2025-13-01' })]);
    const before = tableCounts(a.ctx);
    const r = await cli('import', '--db', a.ctx.paths.dir, file, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      errors: [{ sheet: '档案登记', row: 12, column: '成文日期', message: '无法识别“2025-13-01”，请填写如 2025-03-05' }],
    });
    expect(r.stderr).toContain('bad.xlsx 档案登记!第12行 成文日期：无法识别“2025-13-01”，请填写如 2025-03-05');
    expect(r.stderr).toContain('导入被拒绝，未写入任何内容');
    expect(tableCounts(a.ctx)).toEqual(before);
  });

  it('says what it skipped (title rows, extra columns) as notices, in --json and on stderr', async () => {
    const file = await writeBook(join(a.dir, 'titled.xlsx'), { 档案登记: [['2025年度档案登记表'], ['序号', ...RECORD_HEADERS], [1, ...recordRow({ 题名: '有标题行的一件' })]] });
    const r = await cli('import', '--db', a.ctx.paths.dir, file, '--json', '--dry-run');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notices).toEqual([
      { file: 'titled.xlsx', sheet: '档案登记', row: 2, message: '表头在第2行，其上方的第1行“2025年度档案登记表”是标题或说明，已跳过' },
      { file: 'titled.xlsx', sheet: '档案登记', row: 2, message: '第2行表头中的“序号”不是导入模板中的列，这些列已忽略' },
    ]);
    expect(r.stderr).toContain('提示：titled.xlsx 档案登记!第2行：表头在第2行');
  });

  it('takes --dry-run and --skip-invalid, and needs a file', async () => {
    const file = await recordsBook(join(a.dir, 'b.xlsx'), [recordRow(), recordRow({ 成文日期: 'x' })]);
    const dry = await cli('import', '--db', a.ctx.paths.dir, file, '--dry-run', '--skip-invalid');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('试导入（未写入）：可导入档案 1 件');
    const real = await cli('import', '--db', a.ctx.paths.dir, file, '--skip-invalid');
    expect(real.code).toBe(0);
    expect(real.stdout).toContain(join(a.dir, 'b.错误.xlsx'));
    expect((await cli('import', '--db', a.ctx.paths.dir)).code).toBe(2);
    expect((await cli('import', '--db', a.ctx.paths.dir, file, '--bogus')).code).toBe(2);
  });
});

describe('sanwu template', () => {
  it('writes the workbook where --out says', async () => {
    const r = await cli('template', '--out', '模板.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(a.dir, '模板.xlsx'));
    expect((await cli('template')).code).toBe(2);
  });
});
