// Issue 12 "Done when", end to end: the template filled with openpyxl, the same file saved by LibreOffice
// as .xlsx, .xls and .ods, a sheet with a merged title row and shuffled columns, and a .zip of a workbook
// with its scans import the same records through the CLI and through the UI (Chromium on `sanwu serve`).
// Then 60,000 rows: the progress counts rows and keeps moving until the import is done.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { tempDir } from '../helpers/archive';
import { RECORD_HEADERS } from '../import/fixtures';
import { importedContent } from '../import/imported';
import { book, RECORDS, SCANS, withoutScans, withScans } from '../import/same-records';
import { hasOpenpyxl, hasSoffice, libreOfficeSave, openpyxlBook, pythonZip, type Value } from '../import/writers';
import { collectErrors, launch, screenshot } from './browser';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const ROOT = join(import.meta.dirname, '../..');
const sanwu = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
const ready = hasOpenpyxl && hasSoffice;
if (!ready) console.warn('test/e2e/import.test.ts skipped: python3-openpyxl or LibreOffice (soffice) is not installed.');

let tmp: { dir: string; cleanup: () => void };
/** plain workbooks (no scans), then the zip with scans */
let files: string[];
let zip: string;
let big: string;
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];
/** the archives made (a folder each, or a database each on the PostgreSQL twin) */
const archives = new Map<string, E2eArchive>();

/** A new archive named `name`, initialised through the CLI. */
async function init(name: string): Promise<E2eArchive> {
  const archive = await e2eArchive(join(tmp.dir, name));
  archives.set(name, archive);
  sanwu(archive.env, 'init', '--db', archive.location, '--name', '幸福路街道', '--code', '659002');
  return archive;
}

/** What the archive `name` holds after its imports (importedContent), read in this process. */
async function contentOf(name: string) {
  const ctx = await openArchive(archives.get(name)!.location, { workDir: join(tmp.dir, name, 'read') });
  try {
    return await importedContent(ctx);
  } finally {
    await closeArchive(ctx);
  }
}

beforeAll(async () => {
  if (!ready) return;
  tmp = tempDir('sanwu-e2e-import-');
  const template = join(tmp.dir, '模板.xlsx');
  sanwu({}, 'template', '--out', template);
  const plain = book(withoutScans()).map((s) => ({ ...s, rows: s.rows.slice(1) }));
  const filled = openpyxlBook(join(tmp.dir, 'plain', '填好的模板.xlsx'), plain, { template });
  const order = [3, 0, 15, 6, 1, 2, 5, 4, 14, 13, 12, 11, 10, 9, 8, 7];
  const shuffled = book(withoutScans().map((r, i) => [i + 1, ...order.map((c) => r[c]!)]), ['序号', ...order.map((c) => RECORD_HEADERS[c]!)]);
  shuffled[0]!.rows.unshift(['2025年度桃源、梅园社区档案登记表']);
  shuffled[0]!.merges = ['A1:Q1'];
  files = [
    filled,
    ...(['xlsx', 'xls', 'ods'] as const).map((f) => libreOfficeSave(filled, f, join(tmp.dir, `lo-${f}`))),
    openpyxlBook(join(tmp.dir, 'plain', '标题行与乱序列.xlsx'), shuffled),
  ];
  const scanned = openpyxlBook(join(withScans(join(tmp.dir, 'scanned')), '台账.xlsx'), book(RECORDS));
  zip = pythonZip(join(tmp.dir, '桃源梅园2025报送.zip'), [
    { name: '2025报送/台账.xlsx', file: scanned },
    ...Object.keys(SCANS).map((rel) => ({ name: `2025报送/${rel}`, file: join(tmp.dir, 'scanned', rel), gbk: true })),
  ]);
  const rows: Value[][] = Array.from({ length: 60_000 }, (_, i) => ['桃源社区', '居务', '居民会议', `第${i + 1}次居民议事会记录`, '桃源社区居民委员会', '', '2025-03-05', null, '公开栏', 1, null, null, null, null, null, null]);
  big = openpyxlBook(join(tmp.dir, 'big', '六万行.xlsx'), [{ name: '档案登记', rows: [RECORD_HEADERS, ...rows] }], { writeOnly: true });

  const ui = await init('ui');
  server = await serve(ui.location, ui.env);
  browser = await launch();
  page = await browser.newPage({ acceptDownloads: true });
  errors = collectErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const a of archives.values()) await a.drop();
  tmp?.cleanup();
});

/** A fresh document on the import page, through the server's tokened link. */
async function openImportPage(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.url}#/import`);
  await page.getByRole('button', { name: '下载模板' }).waitFor();
}

/** Chooses one file on the import page and imports it; returns the summary's text. */
async function importInUi(file: string): Promise<string> {
  await openImportPage();
  await page.locator('input[type=file]').setInputFiles({ name: basename(file), mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 120_000 });
  await page.getByText('正在处理工作簿').waitFor({ state: 'hidden' });
  return summary.innerText();
}

describe.skipIf(!ready)('the same records through the CLI and the UI', () => {
  it('CLI: the first file imports the records, every other copy adds nothing', async () => {
    const cli = await init('cli');
    const results = files.map((f) => JSON.parse(sanwu(cli.env, 'import', '--db', cli.location, f, '--json')) as { ok: boolean; imported: Record<string, number>; duplicates: number });
    expect(results[0]).toMatchObject({ ok: true, imported: { records: 4, communities: 2, roster: 2 } });
    for (const r of results.slice(1)) expect(r).toMatchObject({ ok: true, imported: { records: 0, roster: 0 }, duplicates: 6 });
  });

  it('UI: the same files, one by one, give the same archive as the CLI', async () => {
    const texts: string[] = [];
    for (const f of files) texts.push(await importInUi(f));
    expect(texts[0]).toContain('已导入档案 4 件、社区 2 个、人员与组织 2 条、附件 0 个；重复未导入 0 行');
    for (const t of texts.slice(1)) expect(t).toContain('已导入档案 0 件、社区 0 个、人员与组织 0 条、附件 0 个；重复未导入 6 行');
    // the last file had a title row and a column the template lacks: both said, nothing refused
    const notices = await page.getByTestId('import-notices').innerText();
    expect(notices).toContain('表头在第2行，其上方的第1行“2025年度桃源、梅园社区档案登记表”是标题或说明，已跳过');
    expect(notices).toContain('第2行表头中的“序号”不是导入模板中的列，这些列已忽略');
    await screenshot(page, 'import-title-row-notices');
    expect(await contentOf('ui')).toEqual(await contentOf('cli'));
    expect(errors).toEqual([]);
  }, 600_000);

  it('UI: a .zip of the workbook with its scans imports the records with their attachments, as the CLI does', async () => {
    const cli = await init('cli-zip2');
    sanwu(cli.env, 'import', '--db', cli.location, zip, '--json');
    const ui = await init('ui-zip');
    const before = server;
    server = await serve(ui.location, ui.env);
    try {
      const text = await importInUi(zip);
      expect(text).toContain('已导入档案 4 件、社区 2 个、人员与组织 2 条、附件 4 个');
      const content = await contentOf('ui-zip');
      expect(content.records.flatMap((r) => r.attachments.map((a) => a.name)).sort()).toEqual(['3月例会记录.pdf', '公开栏照片.jpg', '公开栏照片.jpg', '惠民资金.pdf']);
      expect(content).toEqual(await contentOf('cli-zip2'));
    } finally {
      await server.stop();
      server = before;
    }
    expect(errors).toEqual([]);
  }, 300_000);

  it('UI: 60,000 rows — the progress counts rows, never bytes, and keeps moving to the end', async () => {
    await openImportPage();
    await page.locator('input[type=file]').setInputFiles({ name: basename(big), mimeType: 'application/octet-stream', buffer: readFileSync(big) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const seen: string[] = [];
    const progress = page.getByTestId('task-progress');
    const summary = page.getByTestId('import-summary');
    while (!(await summary.isVisible())) {
      const text = await progress.innerText().catch(() => '');
      if (text && seen.at(-1) !== text) seen.push(text);
      await page.waitForTimeout(100);
    }
    expect(await summary.innerText()).toContain('已导入档案 60000 件');
    const count = (re: RegExp) => new Set(seen.map((t) => re.exec(t)?.[1]).filter(Boolean));
    // moving: many distinct counts of rows read, and of rows written while reading goes on
    expect(count(/已读 ([\d,]+) 行/).size).toBeGreaterThanOrEqual(3);
    expect(count(/已写入 ([\d,]+) 行/).size).toBeGreaterThanOrEqual(3);
    // rows, never a raw byte count like "读取：1048576 / 5242880"
    for (const t of seen) expect(t, t).not.toMatch(/\d{5,} \/ \d{5,}(?! 行)/);
    expect(errors).toEqual([]);
  }, 600_000);
});
