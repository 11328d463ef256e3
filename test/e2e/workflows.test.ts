// The whole UI in a real browser against `sanwu serve` on a `sanwu demo` archive: every page loads
// cleanly, and each workflow (search, create/edit/attach/file, import, audit, check, report, settings)
// works end to end. The demo's planted gaps (its --json output) are the shortfalls the audit must show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { apiCall, collectErrors, COMING_SOON, launch, pick, screenshot } from './browser';
import { createDemo, YEAR, type Demo } from './demo';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const WAIT = 30_000;
let tmp: { dir: string; cleanup: () => void };
let demo: Demo;
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];

const PAGES: [name: string, hash: string, ready: (p: Page) => Promise<unknown>][] = [
  ['dashboard', `#/?year=${YEAR}`, (p) => p.getByText(`${YEAR} 年档案（件）`).waitFor()],
  ['records', '#/records', (p) => p.locator('.ant-table-row').first().waitFor()],
  ['import', '#/import', (p) => p.getByRole('button', { name: '下载模板' }).waitFor()],
  ['audit', `#/audit?year=${YEAR}`, (p) => p.locator('[data-testid=audit-results], .ant-alert').first().waitFor()],
  ['check', '#/check', (p) => p.getByRole('button', { name: '开始检查' }).waitFor()],
  ['report', '#/report', (p) => p.getByRole('button', { name: '生成报送包' }).waitFor()],
  ['settings', '#/settings', (p) => p.getByLabel('街道名称').and(p.locator('[value*="幸福路街道"]')).waitFor()],
];

/** A fresh document for each visit: a hash change alone would keep the last test's dialogs open. */
async function go(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/${hash}`);
}

async function totalRecords(): Promise<number> {
  return (await apiCall<{ total: number }>(page, 'records.search', { limit: 0 })).total;
}

let archive: E2eArchive | undefined;

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-');
  // a folder, or a PostgreSQL database (workflows-postgres.test.ts runs this suite there)
  archive = await e2eArchive(tmp.dir);
  demo = createDemo(archive.location, { env: archive.env });
  server = await serve(archive.location, archive.env);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(server.url);
}, 240_000);

// each test answers for the console errors it caused
beforeEach(() => {
  errors?.splice(0);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await archive?.drop();
  tmp?.cleanup();
});

describe('every page', () => {
  it.each(PAGES)('%s loads without console errors', async (name, hash, ready) => {
    await go(hash);
    await ready(page);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await screenshot(page, name);
    expect(errors).toEqual([]);
  });
});

describe('档案管理', () => {
  it('finds records by Chinese search and filters', async () => {
    await go('#/records');
    const all = await apiCall<{ total: number }>(page, 'records.search', { q: '例会', limit: 0 });
    const inOne = await apiCall<{ total: number }>(page, 'records.search', { q: '例会', community: '桃源社区', limit: 0 });
    expect(all.total).toBeGreaterThan(inOne.total);
    expect(inOne.total).toBeGreaterThan(0);
    await page.getByPlaceholder('搜索题名').fill('例会');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('q=');
    await page.getByText(`共 ${all.total} 件`).waitFor();
    const titles = await page.locator('.ant-table-tbody .ant-table-row .ant-table-cell:nth-child(2)').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toContain('例会');
    await pick(page, page, '社区', '桃源社区');
    await page.getByText(`共 ${inOne.total} 件`).waitFor();
    expect(errors).toEqual([]);
  });

  it('creates, edits, attaches a file to and files a record', async () => {
    await go('#/records');
    const before = await totalRecords();
    await page.getByRole('button', { name: '新建档案' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '新建档案' });
    await pick(page, form, '社区', '桃源社区');
    await form.getByText('居务', { exact: true }).click();
    await pick(page, form, '事项', '居民会议');
    await form.getByLabel('成文日期').fill(`${YEAR}-06-28`);
    await form.getByLabel('成文日期').press('Enter');
    await form.getByLabel('题名').fill('桃源社区第二次居民会议记录');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await totalRecords()).toBe(before + 1);

    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('桃源社区第二次居民会议记录').first().waitFor();
    await drawer.getByText(`${YEAR}-06-28`).waitFor();

    await drawer.getByRole('button', { name: '编辑', exact: true }).click();
    const edit = page.getByRole('dialog').filter({ hasText: '编辑档案' });
    await edit.getByLabel('题名').fill('桃源社区第二次居民会议记录（修订）');
    await edit.getByRole('button', { name: '保存', exact: true }).click();
    await edit.waitFor({ state: 'hidden' });
    await drawer.getByTestId('record-history').getByText('题名：桃源社区第二次居民会议记录 → 桃源社区第二次居民会议记录（修订）').waitFor();

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    await drawer.locator('input[type=file]').setInputFiles({ name: '例会照片.png', mimeType: 'image/png', buffer: png });
    await drawer.getByText('例会照片.png').first().waitFor();
    await drawer.getByRole('button', { name: '查看', exact: true }).first().click();
    const img = drawer.getByTestId('attachment-preview').locator('img');
    await expect.poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    await screenshot(page, 'record-drawer');
    await drawer.getByRole('button', { name: '关闭' }).first().click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: /^(snippets )?归档$/ }).click();
    const filing = page.getByRole('dialog').filter({ hasText: '预览档号' });
    await pick(page, filing, '年度', `${YEAR} 年`);
    await pick(page, filing, '社区', '桃源社区');
    await filing.getByRole('button', { name: '预览档号' }).click();
    const preview = filing.getByTestId('filing-preview');
    await preview.waitFor();
    const unfiled = (await apiCall<{ total: number }>(page, 'records.search', { year: YEAR, community: '桃源社区', status: '未归档', limit: 0 })).total;
    await filing.getByText(`将给 ${unfiled} 件档案编号`).waitFor();
    await screenshot(page, 'filing-preview');
    await filing.getByRole('button', { name: '确认归档' }).click();
    await filing.getByTestId('filing-result').getByText(`已归档 ${unfiled} 件`).waitFor();
    const left = (await apiCall<{ total: number }>(page, 'records.search', { year: YEAR, community: '桃源社区', status: '未归档', limit: 0 })).total;
    expect(left).toBe(0);
    const mine = await apiCall<{ records: { archivalCode: string | null; attachments: number; status: string }[] }>(page, 'records.search', { q: '第二次居民会议记录（修订）' });
    expect(mine.records).toHaveLength(1);
    expect(mine.records[0]).toMatchObject({ status: '在保', attachments: 1 });
    const code = (await apiCall<{ name: string; code: string }[]>(page, 'communities.list')).find((c) => c.name === '桃源社区')!.code;
    expect(mine.records[0]!.archivalCode).toMatch(new RegExp(`^${code}`));
    expect(errors).toEqual([]);
  }, 180_000);
  it('previews a PDF attachment of a demo record', async () => {
    await go('#/records');
    const { records } = await apiCall<{ records: { id: number; attachments: number }[] }>(page, 'records.search', { year: YEAR, limit: 200 });
    let pdf: { id: number; recordId: number; originalName: string } | undefined;
    for (const r of records.filter((x) => x.attachments > 0)) {
      const detail = await apiCall<{ attachments: { id: number; recordId: number; mediaType: string; originalName: string }[] }>(page, 'records.get', { id: r.id });
      pdf = detail.attachments.find((a) => a.mediaType === 'application/pdf');
      if (pdf) break;
    }
    expect(pdf).toBeDefined();
    await go(`#/records?id=${pdf!.recordId}`);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(pdf!.originalName).first().waitFor();
    await drawer.getByRole('button', { name: '查看', exact: true }).first().click();
    const frame = drawer.getByTestId('attachment-preview').locator('iframe');
    const src = await frame.getAttribute('src');
    const served = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.subarray(0, 5)) };
    }, src);
    expect(served).toEqual({ status: 200, type: expect.stringContaining('application/pdf'), head: '%PDF-' });
    await screenshot(page, 'record-pdf-preview');
    expect(errors).toEqual([]);
  });
});

describe('数据导入', () => {
  async function template(): Promise<ExcelJS.Workbook | null> {
    await go('#/import');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载模板' }).click();
    const outcome = await Promise.race([download.then(() => 'download' as const), page.getByText(COMING_SOON).waitFor().then(() => 'coming' as const)]);
    if (outcome === 'coming') return null;
    const path = join(tmp.dir, 'template.xlsx');
    await (await download).saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  async function choose(wb: ExcelJS.Workbook, name: string): Promise<void> {
    const path = join(tmp.dir, name);
    await wb.xlsx.writeFile(path);
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(path) });
  }

  function addRows(wb: ExcelJS.Workbook, rows: Record<string, string | number>[]): void {
    const sheet = wb.getWorksheet('档案登记')!;
    const headers = (sheet.getRow(1).values as (string | undefined)[]).map((h) => (h ?? '').toString().trim());
    for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  }

  it('shows a bad workbook’s row errors and changes nothing, then imports a good one', async (ctx) => {
    const bad = await template();
    if (!bad) return ctx.skip();
    const before = await totalRecords();
    addRows(bad, [
      { 社区: '桃源社区', 类别: '居务', 事项: '居民会议', 题名: '居民会议记录', 成文日期: '2025-13-45' },
      { 社区: '不存在社区', 类别: '党务', 事项: '主题党日', 题名: '主题党日', 成文日期: '2025-04-01' },
      { 社区: '桃源社区', 类别: '居务', 事项: '居民会议', 题名: '', 成文日期: '2025-04-02' },
    ]);
    await choose(bad, 'bad.xlsx');
    await page.getByRole('button', { name: '校验（不写入）' }).click();
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const rows = await table.locator('.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.includes('档案登记') && r.includes('成文日期'))).toBe(true);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('正在处理工作簿').waitFor({ state: 'hidden' });
    await table.waitFor();
    await screenshot(page, 'import-errors');
    expect(await totalRecords()).toBe(before);

    await page.locator('.ant-upload-list-item').getByRole('button').last().click(); // remove bad.xlsx
    const good = (await template())!;
    addRows(good, [
      { 社区: '桃源社区', 类别: '居务', 事项: '居民会议', 题名: '桃源社区2025年居民会议记录', 成文日期: '2025/6/18', 责任者: '桃源社区居民委员会' },
      { 社区: '幸福里社区', 类别: '财务', 事项: '惠民资金公开', 题名: '幸福里社区惠民资金使用公开', 成文日期: '2025年7月1日', 收入金额: '2万', 资金类别: '惠民资金' },
    ]);
    await choose(good, 'good.xlsx');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByTestId('import-summary').getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await totalRecords()).toBe(before + 2);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('考评', () => {
  it('shows the demo’s planted shortfall: a month without 居务监督委员会例会', async (ctx) => {
    const gap = demo.gaps.find((g) => g.gap === 'supervisionMonth')!;
    const month = /(\d+)月/.exec(gap.description)![1];
    await go(`#/audit?year=${YEAR}&standard=BJ-MZFZ&community=${encodeURIComponent(gap.community)}`);
    const results = page.getByTestId('audit-results');
    await results.or(page.getByText(COMING_SOON)).first().waitFor({ timeout: 60_000 });
    if (await page.getByText(COMING_SOON).isVisible()) return ctx.skip();
    const row = results.locator('tr', { hasText: 'BJ-MZFZ-02' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(`${month}月`);
    expect(await row.locator('.ant-tag').innerText()).toBe('部分达标');
    await screenshot(page, 'audit-shortfall');
    expect(errors).toEqual([]);
  });

  it('attests a manual indicator with a note', async (ctx) => {
    await go(`#/audit?year=${YEAR}&standard=BJ-MZFZ&community=${encodeURIComponent('桃源社区')}`);
    const results = page.getByTestId('audit-results');
    await results.or(page.getByText(COMING_SOON)).first().waitFor({ timeout: 60_000 });
    if (await page.getByText(COMING_SOON).isVisible()) return ctx.skip();
    const row = results.locator('tr', { hasText: 'BJ-MZFZ-01' });
    await row.getByRole('button', { name: '认定' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '认定 桃源社区 BJ-MZFZ-01' });
    await dialog.getByText('达标', { exact: true }).click();
    await dialog.getByLabel('说明').fill('经查阅党委会议记录，党组织领导作用发挥良好');
    await dialog.getByRole('button', { name: '保存认定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.locator('.ant-tag').innerText()).toBe('达标');
    await row.getByText('经查阅党委会议记录').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('报表', () => {
  it('builds the reporting package with progress and downloads it', async (ctx) => {
    await go('#/report');
    await pick(page, page, '年度', `${YEAR} 年`);
    await page.getByRole('button', { name: '生成报送包' }).click();
    const result = page.getByTestId('report-result');
    await result.or(page.getByText(COMING_SOON)).first().waitFor({ timeout: 120_000 });
    if (await page.getByText(COMING_SOON).isVisible()) return ctx.skip();
    await result.getByText('年度三务公开工作报告.docx').first().waitFor();
    await screenshot(page, 'report-result');
    const download = page.waitForEvent('download');
    await result.getByText('下载报送包').click();
    const path = join(tmp.dir, 'package.zip');
    await (await download).saveAs(path);
    const zip = readFileSync(path);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('bagit.txt'))).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('档案检查', () => {
  it('runs the inspection with progress and lists problems by kind, each linking to its record', async (ctx) => {
    await go('#/check');
    // The full database check (integrity_check) is the clerk's choice; the default is quick_check.
    await page.getByRole('checkbox', { name: /完整校验数据库索引/ }).check();
    await page.getByRole('button', { name: /开始检查/ }).click();
    const summary = page.getByTestId('check-summary');
    await summary.or(page.getByText(COMING_SOON)).first().waitFor({ timeout: 120_000 });
    if (await page.getByText(COMING_SOON).isVisible()) return ctx.skip();
    expect(await summary.textContent()).toContain('数据库已完整校验');
    await screenshot(page, 'check-result');
    const problems = page.getByTestId('check-problems');
    if (await problems.isVisible()) {
      await problems.locator('.ant-collapse-header').first().click();
      const link = problems.locator('a[href*="id="]').first();
      const href = await link.getAttribute('href');
      await link.click();
      await expect.poll(() => page.url()).toContain(href!.replace(/^#/, ''));
      await page.locator('.ant-drawer-open [data-testid=record-detail]').waitFor();
      await go('#/check');
    }
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('设置', () => {
  it('adds a roster entry to a community', async () => {
    await go('#/settings');
    await page.getByRole('tab', { name: '社区与人员' }).click();
    await page.locator('tr', { hasText: '桃源社区' }).getByRole('button', { name: '人员与组织' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await pick(page, drawer, '类型', '法律顾问');
    await drawer.getByLabel('名称').fill('北京市某某律师事务所 王律师');
    await drawer.getByRole('button', { name: '添加', exact: true }).click();
    await drawer.locator('tr', { hasText: '北京市某某律师事务所 王律师' }).getByText('在任').waitFor();
    const id = (await apiCall<{ id: number; name: string }[]>(page, 'communities.list')).find((c) => c.name === '桃源社区')!.id;
    const roster = await apiCall<{ kind: string; name: string }[]>(page, 'roster.list', { communityId: id });
    expect(roster).toContainEqual(expect.objectContaining({ kind: '法律顾问', name: '北京市某某律师事务所 王律师' }));
    await screenshot(page, 'settings-roster');
    expect(errors).toEqual([]);
  });
});

describe('备份', () => {
  it('backs the archive up and downloads the backup file', async () => {
    await go('#/settings');
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByRole('button', { name: /立即备份/ }).click();
    const link = page.getByRole('link', { name: '下载备份文件' });
    await link.waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await link.click();
    const path = join(tmp.dir, 'backup.tar');
    await (await download).saveAs(path);
    const tar = readFileSync(path);
    expect(tar.subarray(257, 262).toString()).toBe('ustar');
    expect(tar.includes(Buffer.from('archive.sqlite'))).toBe(true);
    await screenshot(page, 'settings-backup');
    expect(errors).toEqual([]);
  }, 180_000);
});
