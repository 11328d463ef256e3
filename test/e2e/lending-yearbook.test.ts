// 借阅 and 年报 in real Chromium against `sanwu serve` on `sanwu demo --users`, filed: a 查阅 account
// views a PDF (logged as 利用, listed under 利用记录) and cannot lend; a 档案员 lends items found by
// 档号, takes them back, sees an overdue loan on the dashboard, fills the 年报's settings and downloads
// the 年报, whose figures (read by openpyxl) are the page's; builds the package with the items' files,
// whose PDFs carry the 归档章 (pdftotext) and whose manifest holds the stamped copies' digests.
// (lending-yearbook-postgres.test.ts: the same on a PostgreSQL archive.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { lend } from '../../src/main/core/lending/loans';
import { FORM_CODES, type YearbookFigures } from '../../src/shared/yearbook';
import { fixedClock, tempDir } from '../helpers/archive';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { YEAR } from './demo';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const ROOT = join(import.meta.dirname, '../..');
const PASSWORD = 'e2e-lending-pw1';
const NOW_YEAR = new Date().getFullYear();
let tmp: { dir: string; cleanup: () => void };
let archive: E2eArchive;
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];

const sanwu = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...archive.env, SANWU_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-lending-');
  archive = await e2eArchive(tmp.dir);
  const db = archive.location;
  sanwu('demo', '--db', db, '--year', String(YEAR), '--communities', '2', '--records', '150', '--users');
  sanwu('file', '--db', db, '--year', String(YEAR), '--as', 'clerk');
  // a loan made in the past through the core (its clock then), due before today: overdue now
  const ctx = await openArchive(db, { clock: fixedClock(`${NOW_YEAR - 1}-03-01T10:00:00+08:00`), actor: 'clerk', workDir: join(tmp.dir, 'test-work') });
  const [first] = await ctx.db.selectFrom('records').select('id').where('status', '=', '在保').orderBy('id').limit(1).execute();
  await lend(ctx, { recordIds: [first!.id], borrower: '逾期人', purpose: '编史修志', due: `${NOW_YEAR - 1}-03-15` });
  await closeArchive(ctx);
  server = await serve(db, archive.env);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  errors = collectErrors(page);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await archive?.drop();
  tmp?.cleanup();
});

async function signIn(username: string): Promise<void> {
  await page.goto(`${server.url}`);
  const card = page.getByTestId('sign-in');
  await card.or(page.getByTestId('signed-in-user')).first().waitFor();
  if (await page.getByTestId('signed-in-user').isVisible()) {
    await page.getByTestId('signed-in-user').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await card.waitFor();
  }
  await card.getByLabel('用户名').fill(username);
  await card.getByLabel('密码').fill(PASSWORD);
  await card.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

const go = (hash: string) => page.goto(`${server.origin}/${hash}`);

describe('借阅 · 利用', () => {
  it('a 查阅 account views a PDF: logged as 利用 and listed; it may not lend', async () => {
    await signIn('viewer');
    const nav = await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();
    expect(nav).toEqual(expect.arrayContaining(['借阅', '年报']));
    const { records } = await apiCall<{ records: { id: number; attachments: number; archivalCode: string }[] }>(page, 'records.search', { year: YEAR, limit: 300 });
    let pdf: { recordId: number; originalName: string } | undefined;
    let code = '';
    for (const r of records.filter((x) => x.attachments > 0)) {
      const detail = await apiCall<{ attachments: { recordId: number; mediaType: string; originalName: string }[] }>(page, 'records.get', { id: r.id });
      pdf = detail.attachments.find((a) => a.mediaType === 'application/pdf');
      code = r.archivalCode;
      if (pdf) break;
    }
    await go(`#/records?id=${pdf!.recordId}`);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '查看', exact: true }).first().click();
    await drawer.getByTestId('attachment-preview').locator('iframe').waitFor();
    // the log is written in a batch about a second after the file is served
    const logged = async () => (await apiCall<{ views: { archivalCode: string; viewer: string }[] }>(page, 'lending.views', { year: NOW_YEAR })).views;
    await expect.poll(async () => (await logged()).some((v) => v.archivalCode === code && v.viewer === 'viewer'), { timeout: 20_000 }).toBe(true);

    await go('#/lending?tab=views');
    await page.getByRole('tab', { name: '利用记录（查看电子文件）' }).waitFor();
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator(`.ant-select-item-option[title="${NOW_YEAR} 年"]`).click();
    const row = page.locator('.ant-table-row', { hasText: code });
    await expect.poll(async () => (await row.count()) > 0, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => row.first().innerText()).toContain('viewer');
    await screenshot(page, 'lending-views');

    await go('#/lending');
    await page.getByRole('tab', { name: '借阅登记' }).waitFor();
    await page.locator('.ant-table').first().waitFor();
    expect(await page.getByRole('button', { name: '登记借阅' }).count()).toBe(0);
    await expect(apiCall(page, 'lending.lend', { recordIds: [1], borrower: 'x', purpose: 'y' })).rejects.toThrow('FORBIDDEN');
    expect(errors).toEqual([]);
  }, 180_000);

  it('a 档案员 lends items found by 档号, takes them back, and sees the overdue loan on the dashboard', async () => {
    await signIn('clerk');
    const { records } = await apiCall<{ records: { id: number; archivalCode: string }[] }>(page, 'records.search', { year: YEAR, status: '在保', limit: 3 });
    await go('#/lending');
    await page.getByRole('button', { name: '登记借阅' }).click();
    const form = page.getByTestId('lend-form');
    const items = form.getByRole('combobox', { name: '借阅的档案' });
    for (const r of records.slice(0, 2)) {
      await items.fill(r.archivalCode);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: r.archivalCode }).first().click();
    }
    await form.getByLabel('借阅人').fill('张审计');
    await form.getByLabel('借阅单位').fill('区审计局');
    await form.getByLabel('借阅目的').fill('审计核对');
    await form.getByLabel('应还日期').click();
    await form.getByLabel('应还日期').fill(`${NOW_YEAR + 1}-01-31`);
    await form.getByLabel('应还日期').press('Enter');
    await screenshot(page, 'lending-form');
    await page.getByRole('button', { name: '登记借出' }).click();
    await page.getByText(/已登记借阅，借阅单号 2（2 件）/).waitFor();
    const row = page.locator('.ant-table-row', { hasText: '张审计' });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${NOW_YEAR + 1}-01-31`);
    expect(await row.innerText()).toContain(records[0]!.archivalCode);
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await screenshot(page, 'lending-register');

    // a loan without a borrower is refused next to the field, nothing written
    await page.getByRole('button', { name: '登记借阅' }).click();
    await page.getByRole('button', { name: '登记借出' }).click();
    await page.getByText('请填写借阅人').waitFor();
    await page.getByRole('button', { name: '取消' }).click();

    await row.getByRole('button', { name: '登记归还' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '登记归还' }).click();
    await page.getByText('借阅单 2 已登记归还').waitFor();
    await expect.poll(() => row.innerText()).toContain('已还');
    const loans = await apiCall<{ total: number; loans: { id: number; returnedAt: string | null; overdue: boolean; borrower: string }[] }>(page, 'lending.list', {});
    expect(loans.loans.map((l) => [l.id, l.borrower, l.returnedAt !== null, l.overdue])).toEqual([
      [2, '张审计', true, false],
      [1, '逾期人', false, true],
    ]);

    await page.locator('.ant-segmented-item-label').getByText('逾期', { exact: true }).click();
    // the list reloads with the overdue loans only (逾期人's was listed before the filter too)
    await expect.poll(async () => page.locator('.ant-table-row').allInnerTexts(), { timeout: 20_000 }).toEqual([expect.stringContaining('逾期人')]);

    await go(`#/?year=${YEAR}`);
    const overdue = page.getByTestId('overdue-loans');
    await overdue.waitFor();
    expect(await overdue.innerText()).toContain('逾期人（借阅单 1，1 件）');
    expect(await page.getByTestId('warnings').innerText()).toContain('有 1 笔借阅已逾期未还：逾期人');
    await screenshot(page, 'dashboard-overdue');
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('年报', () => {
  it('shows the counted figures, keeps the entered ones, and writes the 年报 the page shows', async () => {
    await signIn('clerk');
    await go('#/yearbook');
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator(`.ant-select-item-option[title="${NOW_YEAR} 年"]`).click();
    const form = page.getByTestId('yearbook-settings');
    await form.getByLabel('单位负责人').fill('王主任');
    await form.getByLabel('统一社会信用代码').fill('11110000mb1234567x');
    await form.getByLabel('档案工作人员', { exact: true }).fill('3');
    await form.getByLabel('档案工作人员（专职）').fill('1');
    // parts that do not add up are pointed out, not refused
    await page.getByText('专职与兼职合计 1 人，与档案工作人员 3 人不一致').waitFor();
    await form.getByLabel('档案用房面积', { exact: true }).fill('86.5');
    await form.getByRole('button', { name: '保存年报设置' }).click();
    await page.getByText('年报设置已保存').waitFor();
    const settings = await apiCall<{ unit: { unitHead: string; creditCode: string }; figures: Record<string, number | null> }>(page, 'yearbook.settings.get', { year: NOW_YEAR });
    expect(settings.unit).toMatchObject({ unitHead: '王主任', creditCode: '11110000MB1234567X' });
    expect(settings.figures).toMatchObject({ staffTotal: 3, staffFullTime: 1, areaTotal: 86.5 });

    const figures = await apiCall<YearbookFigures>(page, 'yearbook.figures', { year: NOW_YEAR });
    // this year: the clerk's and viewer's views, 张审计's loan (the overdue loan was last year's)
    expect(figures.values.usePersonTimes).toBeGreaterThanOrEqual(2);
    expect(figures.values.useItemTimes).toBeGreaterThanOrEqual(3);
    const table = page.getByTestId('yearbook-figures');
    await expect.poll(() => table.locator('.ant-table-row', { hasText: '室存档案' }).first().innerText()).toContain(String(figures.values.holdings));

    await page.getByRole('button', { name: '生成年报' }).click();
    const result = page.getByTestId('yearbook-result');
    await result.waitFor({ timeout: 60_000 });
    const saved = await result.locator('code').innerText();
    await screenshot(page, 'yearbook');
    const download = page.waitForEvent('download');
    await result.getByText('下载年报').click();
    const file = join(tmp.dir, 'downloaded.xlsx');
    await (await download).saveAs(file);
    for (const path of [saved, file]) {
      const form1 = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', 'import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1])["档案室基本情况"]\nprint(json.dumps({r[1]: r[3] for r in ws.iter_rows(values_only=True) if r[1]}))', path], { encoding: 'utf8' }),
      ) as Record<string, unknown>;
      for (const key of ['holdings', 'received', 'usePersonTimes', 'useItemTimes'] as const) expect(form1[FORM_CODES.get(key)!], key).toBe(figures.values[key]);
      expect(form1[FORM_CODES.get('staffTotal')!]).toBe(3);
    }
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('报表 · 附带电子文件', () => {
  it('builds the package with the items’ files: the page says how many PDFs carry the 归档章, and they do', async () => {
    await signIn('clerk');
    await go('#/report');
    await pick(page, page, '年度', `${YEAR} 年`);
    await page.getByRole('checkbox', { name: '附带电子文件' }).check();
    await page.getByRole('button', { name: '生成报送包' }).click();
    const result = page.getByTestId('report-result');
    await result.waitFor({ timeout: 120_000 });
    const note = await result.getByText(/^已复制电子文件/).innerText();
    const [, copied, stamped] = /已复制电子文件 (\d+) 个，其中 (\d+) 个 PDF 副本加盖了归档章/.exec(note)!.map(Number);
    await screenshot(page, 'report-with-files');

    const bag = await JSZip.loadAsync(readFileSync(await result.locator('code').innerText()));
    const copies = Object.values(bag.files).filter((f) => !f.dir && f.name.includes('/data/06_电子文件/') && !f.name.endsWith('文件对照表.xlsx'));
    expect(copies.length).toBe(copied);
    const pdfs = copies.filter((f) => f.name.endsWith('.pdf'));
    expect(pdfs.length).toBe(stamped);
    expect(stamped).toBeGreaterThan(0);
    const manifest = await Object.values(bag.files).find((f) => f.name.endsWith('/manifest-sha256.txt'))!.async('string');
    const pdf = pdfs[0]!;
    const bytes = await pdf.async('nodebuffer');
    // the manifest holds the stamped copy's own digest
    expect(manifest).toContain(`${createHash('sha256').update(bytes).digest('hex')}  ${pdf.name.slice(pdf.name.indexOf('data/'))}`);
    const file = join(tmp.dir, 'stamped.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    // {档号}.pdf, or {档号}-2.pdf for an item's second file; the 档号 ends in its 4-digit 件号
    const code = /([^/]*-\d{4})(-\d+)?\.pdf$/.exec(pdf.name)![1]!;
    for (const word of ['全宗号', '年度', '件号', '保管期限', '页数', code.slice(0, code.indexOf('-')), String(YEAR), code.slice(-4)]) expect(text).toContain(word);
    expect(errors).toEqual([]);
  }, 300_000);
});
