// What the clerk sees is true (issue 11), in real Chromium against `sanwu serve` on a filed demo
// archive: search by a full and a partial 档号, the completeness grid's tooltip and 考评 agreeing on a
// planted gap, the record form refusing bad values next to their fields, attachments checked on the way
// in and removed, a voided record shown and restored, and an empty archive saying what to do first.
// (truth-postgres.test.ts: the same on PostgreSQL archives.)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { createDemo, YEAR, type Demo } from './demo';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const ROOT = join(import.meta.dirname, '../..');
const WAIT = 30_000;
let tmp: { dir: string; cleanup: () => void };
let demo: Demo;
let archives: E2eArchive[] = [];
let server: Served;
let empty: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const sanwu = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });

async function go(hash: string, origin = server.origin, on: Page = page): Promise<void> {
  await on.goto('about:blank');
  await on.goto(`${origin}/${hash}`);
}

interface Found {
  total: number;
  records: { id: number; title: string; archivalCode: string | null; income: number | null; expense: number | null; date: string; pages: number | null }[];
}
const search = (input: object) => apiCall<Found>(page, 'records.search', input);

/** The form item holding the control labelled `label`, and the refusal shown under it. */
const field = (scope: Locator, label: string): Locator => scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
const refusal = (scope: Locator, label: string): Locator => field(scope, label).locator('.ant-form-item-explain-error');

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-truth-');
  const [filled, blank] = [await e2eArchive(join(tmp.dir, 'filled')), await e2eArchive(join(tmp.dir, 'blank'))];
  archives = [filled, blank];
  demo = createDemo(filled.location, { env: filled.env });
  sanwu(filled.env, 'file', '--db', filled.location, '--year', String(YEAR));
  sanwu(blank.env, 'init', '--db', blank.location, '--name', '空白街道办事处');
  [server, empty] = await Promise.all([serve(filled.location, filled.env), serve(blank.location, blank.env)]);
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(server.url);
}, 240_000);

beforeEach(() => {
  errors?.splice(0);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), empty?.stop()]);
  for (const a of archives) await a.drop();
  tmp?.cleanup();
});

describe('档号 search', () => {
  it('finds an item by its full 档号 and by a partial one, in the search box the list offers', async () => {
    const filed = (await search({ year: YEAR, limit: 200 })).records.filter((r) => r.archivalCode);
    const item = filed[filed.length >> 1]!;
    const code = item.archivalCode!;
    const box = page.getByPlaceholder('搜索题名、责任者、文号、档号');
    const codes = page.locator('.ant-table-tbody .ant-table-row .ant-table-cell:nth-child(1)');

    await go('#/records');
    await box.fill(code);
    await box.press('Enter');
    await page.getByText('共 1 件').waitFor();
    expect(await codes.allInnerTexts()).toEqual([code]);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').first().innerText()).toContain(item.title);

    // 全宗号-门类: every item of the fonds and category, code parts first
    const prefix = code.split('·')[0]!;
    const expected = await search({ q: prefix, limit: 0 });
    expect(expected.total).toBeGreaterThan(1);
    await go('#/records');
    await box.fill(prefix);
    await box.press('Enter');
    await page.getByText(`共 ${expected.total.toLocaleString('zh-CN')} 件`).waitFor();
    for (const shown of await codes.allInnerTexts()) expect(shown.startsWith(prefix), shown).toBe(true);

    // a 件号 as displayed
    const itemNo = code.slice(-4);
    await go(`#/records?q=${itemNo}`);
    await page.locator('.ant-table-row').first().waitFor();
    expect((await codes.allInnerTexts()).slice(0, 2).every((c) => c.endsWith(`-${itemNo}`))).toBe(true);
    await screenshot(page, 'search-by-code');
    expect(errors).toEqual([]);
  });
});

describe('completeness grid and 考评', () => {
  it('agree on the planted gap: the month’s tooltip names what 考评 names, and 待办提醒 lists it', async () => {
    const gap = demo.gaps.find((g) => g.gap === 'supervisionMonth')!;
    const month = Number(/(\d+)月/.exec(gap.description)![1]);
    const missing = `缺${month}月居务监督委员会例会记录`;

    const audit = await apiCall<{ communities: { standards: { indicators: { id: string; missing: string[] }[] }[] }[] }>(page, 'audit.run', {
      year: YEAR,
      standard: 'BJ-MZFZ',
      community: gap.community,
    });
    const named = audit.communities[0]!.standards[0]!.indicators.find((i) => i.id === 'BJ-MZFZ-02')!.missing;
    expect(named.some((m) => m.includes(`${month}月`) && m.endsWith('居务监督委员会例会记录'))).toBe(true);

    await go(`#/?year=${YEAR}`);
    await page.getByTestId('completeness-map').waitFor();
    await page.locator('.ant-segmented-item', { hasText: '居务' }).click();
    const cell = page.locator(`[data-testid=completeness-map] tr[data-community="${gap.community}"] td[data-month="${YEAR}-${String(month).padStart(2, '0')}"]`);
    expect(await cell.getAttribute('data-complete')).toBe('no');
    expect(Number(await cell.innerText())).toBeGreaterThan(0);
    await cell.hover();
    const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
    await expect.poll(() => tip.innerText()).toContain(missing);
    expect(await tip.innerText()).not.toContain('已齐全');
    const reminders = page.getByTestId('warnings');
    await expect.poll(() => reminders.innerText()).toContain(`${gap.community}居务：`);
    expect(await reminders.innerText()).toMatch(new RegExp(`缺[^；]*\\b${month}月[^；]*居务监督委员会例会记录`));
    await screenshot(page, 'grid-gap');

    await go(`#/audit?year=${YEAR}&standard=BJ-MZFZ&community=${encodeURIComponent(gap.community)}`);
    const row = page.getByTestId('audit-results').locator('tr', { hasText: 'BJ-MZFZ-02' });
    await expect.poll(() => row.innerText()).toContain(named[0]!);
    expect(errors).toEqual([]);
  });

  it('says an empty archive is empty and what to do first, never 齐全', async () => {
    const other = await context.newPage();
    const otherErrors = collectErrors(other);
    await other.goto(empty.url);
    await go(`#/?year=${YEAR}`, empty.origin, other);
    // the first-run guide (issue 19), its next step a button: add communities or import the workbook
    const guide = other.getByTestId('first-run-guide');
    await expect.poll(() => guide.innerText()).toContain('档案库还是空的');
    await guide.getByRole('button', { name: '导入工作簿' }).waitFor();
    expect(await other.locator('body').innerText()).not.toContain('齐全。');
    await screenshot(other, 'dashboard-empty');
    await other.close();
    expect(otherErrors).toEqual([]);
  });
});

describe('community profile figures', () => {
  it('refuses what cannot be read, keeps a 0 as a figure, and 考评 reports it as a value', async () => {
    await go('#/settings');
    await page.getByRole('tab', { name: '社区与人员' }).click();
    await page.getByRole('button', { name: '添加社区' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '添加社区' });
    await form.getByLabel('社区名称').fill('试验村');
    await form.getByLabel('社区代码（全宗号）').fill('C901');
    await form.getByText('农村', { exact: true }).click();
    await form.getByLabel('服务站面积（平方米）').fill('12abc');
    await form.getByLabel('每周服务时长（小时）').fill('0');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => refusal(form, '服务站面积（平方米）').innerText()).toContain('无法识别“12abc”');
    await form.getByLabel('服务站面积（平方米）').fill('0');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const c = (await apiCall<{ name: string; stationArea: number | null; weeklyHours: number | null; households: number | null }[]>(page, 'communities.list')).find((x) => x.name === '试验村');
    expect(c).toMatchObject({ stationArea: 0, weeklyHours: 0, households: null });
    const audit = await apiCall<{ communities: { standards: { indicators: { id: string; missing: string[] }[] }[] }[] }>(page, 'audit.run', { year: YEAR, standard: 'BJ-NCSQ', community: '试验村' });
    const missing = audit.communities[0]!.standards[0]!.indicators.flatMap((i) => i.missing);
    expect(missing).toContain('服务站面积0平方米，应不低于50平方米');
    expect(missing).toContain('每周服务时长0小时，应不低于40小时');
    expect(missing.join('')).not.toContain('社区概况缺服务站面积');
    expect(errors).toEqual([]);
  });
});

describe('the record form, attachments and voiding', () => {
  it('refuses each bad value next to its field, keeps what was typed, and saves what it accepts', async () => {
    const before = (await search({ limit: 0 })).total;
    await go('#/records');
    await page.getByRole('button', { name: '新建档案' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '新建档案' });
    await pick(page, form, '社区', '桃源社区');
    await form.getByText('财务', { exact: true }).click();
    await pick(page, form, '事项', '惠民资金公开');
    await form.getByLabel('题名').fill('桃源社区惠民资金使用情况公开');

    const date = form.getByLabel('成文日期');
    await date.fill(`${new Date().getFullYear() + 1}-01-10`);
    await date.blur();
    await expect.poll(() => refusal(form, '成文日期').innerText()).toContain('晚于今天');

    await form.getByLabel('页数').fill('-3');
    await form.getByLabel('收入金额（元）').fill('12abc34.5x');
    await form.getByLabel('支出金额（元）').fill('２万');
    await form.getByLabel('支出金额（元）').blur();
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => refusal(form, '页数').innerText()).toContain('请填写不小于 1 的整数');
    await expect.poll(() => refusal(form, '收入金额（元）').innerText()).toContain('无法识别金额“12abc34.5x”');
    expect(await refusal(form, '支出金额（元）').count()).toBe(0);
    await expect.poll(() => field(form, '支出金额（元）').innerText()).toContain('将保存为 20,000.00 元');
    await screenshot(page, 'record-form-refusals');
    expect((await search({ limit: 0 })).total).toBe(before);

    await date.fill('2025/3/5');
    await date.blur();
    await expect.poll(() => refusal(form, '成文日期').count()).toBe(0);
    expect(await date.inputValue()).toBe('2025/3/5');
    await expect.poll(() => field(form, '成文日期').innerText()).toContain('将保存为 2025-03-05');
    await form.getByLabel('页数').fill('3');
    await form.getByLabel('收入金额（元）').fill('12,345.5');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    const saved = (await search({ q: '桃源社区惠民资金使用情况公开' })).records;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ date: '2025-03-05', pages: 3, income: 12345.5, expense: 20000 });
    expect(errors).toEqual([]);
  });

  it('checks uploads, refuses a duplicate, removes an attachment added by mistake', async () => {
    const [record] = (await search({ q: '桃源社区惠民资金使用情况公开' })).records;
    await go(`#/records?id=${record!.id}`);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('附件（0）').waitFor();
    const upload = drawer.locator('input[type=file]');
    const alert = drawer.locator('.ant-alert-error');

    await upload.setInputFiles({ name: '会议纪要.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
    await expect.poll(() => alert.innerText()).toContain('实为可执行程序');
    await upload.setInputFiles({ name: 'data.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 251)) });
    await expect.poll(() => alert.innerText()).toContain('无法识别的文件，不是归档格式');
    expect(await alert.innerText()).not.toMatch(/application\/|octet-stream/);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await upload.setInputFiles({ name: '公开清单.pdf', mimeType: 'application/pdf', buffer: pdf });
    await drawer.getByText('附件（1）').waitFor();
    await drawer.getByText('PDF 文件').first().waitFor();
    await upload.setInputFiles({ name: '公开清单（副本）.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => alert.innerText()).toContain('与这件档案已有的附件“公开清单.pdf”内容相同，未重复添加');

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await upload.setInputFiles({ name: '传错的照片.png', mimeType: 'image/png', buffer: png });
    await drawer.getByText('附件（2）').waitFor();
    await drawer.getByText('PNG 图片').first().waitFor();
    await drawer.getByTestId('attachments').locator(':scope > div', { hasText: '传错的照片.png' }).getByRole('button', { name: '移除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '移除' }).click();
    await page.getByText('已移除附件：传错的照片.png').waitFor();
    await drawer.getByText('附件（1）').waitFor();
    await drawer.getByTestId('record-history').getByText('移除附件').waitFor();
    const detail = await apiCall<{ attachments: { originalName: string }[] }>(page, 'records.get', { id: record!.id });
    expect(detail.attachments.map((a) => a.originalName)).toEqual(['公开清单.pdf']);
    await screenshot(page, 'attachment-removed');
    expect(errors).toEqual([]);
  });

  it('voids a record with a message, shows it voided with its actions gone, lists it under 已作废 and restores it', async () => {
    const [record] = (await search({ q: '桃源社区惠民资金使用情况公开' })).records;
    await go(`#/records?id=${record!.id}`);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '作废', exact: true }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '作废这件档案' });
    await modal.getByRole('button', { name: '作废', exact: true }).click();
    // an empty reason: refused in words, never a method name
    await expect.poll(() => modal.locator('.ant-alert').innerText()).toContain('请写明作废原因');
    expect(await modal.locator('.ant-alert').innerText()).not.toMatch(/records\.|void/);
    await modal.getByLabel('作废原因').fill('重复登记');
    // (a button that was loading keeps its spinner's label while the spinner fades: match by part)
    await modal.getByRole('button', { name: '作废' }).click();
    await page.getByText('已作废；可在“状态”中选“已作废”找到它').waitFor();
    await drawer.getByTestId('voided-notice').getByText('作废原因：重复登记').waitFor();
    expect(await drawer.getByRole('button', { name: '编辑', exact: true }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '作废', exact: true }).count()).toBe(0);
    expect(await drawer.locator('input[type=file]').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '移除' }).count()).toBe(0);
    await screenshot(page, 'record-voided');
    expect((await search({ q: '桃源社区惠民资金使用情况公开' })).total).toBe(0);

    await go('#/records');
    await pick(page, page, '状态', '已作废');
    await expect.poll(() => page.url()).toContain('voided=1');
    const row = page.locator('.ant-table-row', { hasText: '桃源社区惠民资金使用情况公开' });
    await row.waitFor();
    expect(await row.locator('.ant-tag', { hasText: '已作废' }).count()).toBe(1);
    await row.click();
    await drawer.getByRole('button', { name: '恢复', exact: true }).click();
    await page.getByText('已恢复，这件档案重新出现在列表、考评和报表中').waitFor();
    await drawer.getByRole('button', { name: '编辑', exact: true }).waitFor();
    expect(await drawer.getByTestId('voided-notice').count()).toBe(0);
    await drawer.getByTestId('record-history').getByText('恢复').first().waitFor();
    expect((await search({ q: '桃源社区惠民资金使用情况公开' })).total).toBe(1);
    expect(errors).toEqual([]);
  });
});
