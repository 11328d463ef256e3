// A clerk's daily work on the records list, driven as a clerk would in Chromium at 1366×768 against
// `sanwu serve` on a demo archive: search and rows by keyboard, sorting kept in the URL, picking rows
// (ctrl/shift-click, Space, Ctrl+A, all matching) and filing the picked ones from a per-cell preview,
// exporting the list (read back by openpyxl) and printing it (the print stylesheet through Chromium's
// PDF, read by pdftotext and turned into images to look at). (daily-records-postgres.test.ts: the same
// on a PostgreSQL archive.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { apiCall, screenshot } from './browser';
import { focusedLabel, openSession, printCalls, printToPdf, readDownload, stubPrint, type Session } from './daily-helpers';
import { createDemo, YEAR } from './demo';
import { e2eArchive, type E2eArchive } from './engine';

let tmp: { dir: string; cleanup: () => void };
let archive: E2eArchive | undefined;
let session: Session;
let page: Page;
let errors: string[];

interface Rec {
  id: number;
  title: string;
  date: string;
  community: string;
  archivalCode: string | null;
  status: string;
}
const search = (input: Record<string, unknown>) => apiCall<{ total: number; records: Rec[] }>(page, 'records.search', input);

const go = (hash: string): Promise<void> => session.go(hash, '.ant-table-row, .ant-empty');

const rows = () => page.getByTestId('records-table').locator('.ant-table-row');
const titles = () => rows().locator('[role=gridcell]:nth-child(2)').allInnerTexts();
const focusedRow = () => page.evaluate(`document.activeElement?.closest('.sanwu-grid-row')?.getAttribute('aria-rowindex') ?? null`) as Promise<string | null>;

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-daily-');
  // a folder, or a PostgreSQL database (daily-records-postgres.test.ts runs this suite there)
  archive = await e2eArchive(tmp.dir);
  createDemo(archive.location, { communities: 3, records: 150, env: archive.env });
  session = await openSession(archive, { width: 1366, height: 768 });
  ({ page, errors } = session);
  // one community's year filed, so 档号 exist to sort by
  await apiCall(page, 'filing.run', { year: YEAR, community: '桃源社区' });
}, 240_000);

beforeEach(() => {
  errors?.splice(0);
});

afterAll(async () => {
  await session?.close();
  await archive?.drop();
  tmp?.cleanup();
});

describe('the records list by keyboard', () => {
  it('/ goes to the search box; Tab reaches the rows; arrows move; Enter opens; Esc closes back on the row', async () => {
    await go('#/records');
    await page.keyboard.press('/');
    expect(await focusedLabel(page)).toBe('搜索');
    await page.keyboard.type('例会');
    // read back before Enter: the words go in as inserted text, not key presses
    await expect.poll(() => page.locator(':focus').inputValue()).toBe('例会');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('q=');
    const found = await search({ q: '例会', limit: 3 });
    await expect.poll(() => titles().then((t) => t[0])).toBe(found.records[0]!.title);
    // Tab from the search box through the toolbar and the sortable headers onto the focused row
    let presses = 0;
    while ((await focusedRow()) === null && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusedRow()).toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe('4');
    await page.keyboard.press('Enter');
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(found.records[2]!.title).first().waitFor();
    await expect.poll(() => page.url()).toContain(`id=${found.records[2]!.id}`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(focusedRow).toBe('4');
    // Ctrl+F goes to the search box too, where the page has one
    await page.keyboard.press('Control+f');
    expect(await focusedLabel(page)).toBe('搜索');
    expect(errors).toEqual([]);
  });

  it('sorts by 档号, 成文日期, 题名 and 社区 from the headers, the order kept in the URL', async () => {
    await go(`#/records?year=${YEAR}`);
    const header = (name: string) => page.getByRole('columnheader', { name });
    await header('档号').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sort=archivalCode');
    const byCode = await search({ year: YEAR, sort: 'archivalCode', limit: 5 });
    await expect.poll(() => rows().first().locator('[role=gridcell]').first().innerText()).toBe(byCode.records[0]!.archivalCode);
    expect(await header('档号').getAttribute('aria-sort')).toBe('ascending');
    // the order survives a reload (it is in the URL)
    await page.reload();
    await rows().first().waitFor();
    expect(await header('档号').getAttribute('aria-sort')).toBe('ascending');
    await header('档号').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('order=desc');
    const desc = await search({ year: YEAR, sort: 'archivalCode', order: 'desc', limit: 1 });
    await expect.poll(() => rows().first().locator('[role=gridcell]').first().innerText()).toBe(desc.records[0]!.archivalCode);
    // by keyboard: the 成文日期 header's button takes Enter
    await header('成文日期').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('sort=date');
    const oldest = await search({ year: YEAR, sort: 'date', limit: 1 });
    await expect.poll(() => titles().then((t) => t[0])).toBe(oldest.records[0]!.title);
    await header('社区').getByRole('button').click();
    const byCommunity = await search({ year: YEAR, sort: 'community', limit: 1 });
    await expect.poll(() => rows().first().locator('[role=gridcell]:nth-child(3)').innerText()).toBe(byCommunity.records[0]!.community);
    await header('题名').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sort=title');
    await screenshot(page, 'daily-records-sorted');
    expect(errors).toEqual([]);
  });
});

describe('batch work', () => {
  it('picks rows by ctrl/shift-click, Space and Ctrl+A; Esc lets go', async () => {
    await go(`#/records?year=${YEAR}&status=未归档`);
    const bar = page.getByTestId('batch-bar');
    await rows().nth(0).click({ modifiers: ['Control'] });
    await rows().nth(2).click({ modifiers: ['Control'] });
    await bar.getByText('已选 2 件').waitFor();
    await rows().nth(5).click({ modifiers: ['Shift'] });
    await bar.getByText('已选 5 件').waitFor();
    expect(await rows().evaluateAll((els) => els.filter((e) => e.getAttribute('aria-selected') === 'true').map((e) => e.getAttribute('aria-rowindex')))).toEqual(['2', '4', '5', '6', '7']);
    // the focus is on the last row clicked: Space unpicks it, Shift+↓ picks on from there
    await page.keyboard.press('Space');
    await bar.getByText('已选 4 件').waitFor();
    await page.keyboard.press('Shift+ArrowDown');
    await bar.getByText('已选 6 件').waitFor();
    await page.keyboard.press('Escape');
    await bar.getByText('Ctrl+点击或空格选取一件').waitFor();
    await page.keyboard.press('Control+a');
    const shown = await rows().count();
    expect(shown).toBeGreaterThan(0);
    await bar.getByText(/^已选 \d+ 件$/).waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('files the picked rows after a preview per cell (community, 题名, 日期 → 档号), then shows and exports the ranges', async () => {
    await go(`#/records?year=${YEAR}&community=${encodeURIComponent('文化路社区')}&status=未归档&sort=date`);
    const picked = (await search({ year: YEAR, community: '文化路社区', status: '未归档', sort: 'date', limit: 3 })).records;
    await rows().nth(0).click({ modifiers: ['Control'] });
    await rows().nth(2).click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('batch-bar');
    await bar.getByText('已选 3 件').waitFor();
    await bar.getByRole('button', { name: '归档所选' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '归档所选档案' });
    await dialog.getByText('将给 3 件档案编号').waitFor();
    const items = dialog.getByTestId('filing-preview');
    for (const r of picked) {
      const row = items.locator('[role=row]', { hasText: r.title });
      await row.waitFor();
      expect(await row.innerText()).toContain(r.date);
      expect(await row.innerText()).toContain('文化路社区');
    }
    const cells = dialog.getByTestId('filing-preview-cells');
    expect(await cells.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'daily-filing-preview');
    await dialog.getByRole('button', { name: '确认归档' }).click();
    await dialog.getByTestId('filing-result').getByText('已归档 3 件').waitFor();
    const ranges = dialog.getByTestId('filing-cells');
    await ranges.waitFor();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出 Excel' }).click();
    const x = await readDownload(await download, tmp.dir);
    expect(x.name).toMatch(/^归档结果（\d{4}年\d{1,2}月\d{1,2}日）\.xlsx$/);
    expect(x.rows[2]).toEqual(['社区', '组别（档号除件号外的部分）', '起始件号', '终止件号', '件数']);
    const data = x.rows.slice(3);
    expect(data.reduce((n, r) => n + Number(r[4]), 0)).toBe(3);
    expect(data.every((r) => r[0] === '文化路社区')).toBe(true);
    // exactly the picked ones were filed, nothing else of the community
    const after = await search({ ids: picked.map((r) => r.id) });
    expect(after.records.map((r) => r.status)).toEqual(['在保', '在保', '在保']);
    const still = await search({ year: YEAR, community: '文化路社区', status: '在保', limit: 0 });
    expect(still.total).toBe(3);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('picks every matching record, exports them all with real dates, and prints the page', async () => {
    await go(`#/records?year=${YEAR}&community=${encodeURIComponent('幸福里社区')}`);
    const total = (await search({ year: YEAR, community: '幸福里社区', limit: 0 })).total;
    expect(total).toBeGreaterThan(100);
    await rows().first().click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+a');
    const bar = page.getByTestId('batch-bar');
    await bar.getByRole('button', { name: `选择全部 ${total} 件符合条件的档案` }).click();
    await bar.getByText(`已选全部 ${total} 件符合条件的档案`).waitFor();
    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: '导出所选' }).click();
    const x = await readDownload(await download, tmp.dir);
    expect(x.name).toMatch(/^档案清单（.+）\.xlsx$/);
    expect(x.rows[0]![0]).toBe('幸福路街道办事处档案清单');
    expect(String(x.rows[1]![0])).toContain('社区：幸福里社区');
    expect(x.rows[2]!.slice(0, 6)).toEqual(['档号', '题名', '社区', '类别', '事项', '成文日期']);
    expect(x.rows.length - 3).toBe(total);
    expect(x.types[3]![5]).toBe('datetime');
    expect(x.formats[3]![5]).toBe('yyyy-mm-dd');
    expect(x).toMatchObject({ freeze: 'A4', titles: '$1:$3', paper: 9, orientation: 'landscape' });

    await bar.getByRole('button', { name: '取消选择' }).click();
    await bar.getByText('Ctrl+点击或空格选取一件').waitFor();
    await stubPrint(page);
    await bar.getByRole('button', { name: '打印' }).click();
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor({ state: 'attached' });
    await expect.poll(() => printCalls(page)).toBe(1);
    const shownRows = Math.min(100, total);
    expect(await sheet.locator('tbody tr').count()).toBe(shownRows);
    const printed = await printToPdf(page, 'daily-print-records');
    expect(printed.text).toContain('幸福路街道办事处档案清单');
    expect(printed.text).toContain(`共 ${total} 件，本页第 1–${shownRows} 件`);
    expect(printed.text).toContain('第 1 页，共');
    const first = (await search({ year: YEAR, community: '幸福里社区', limit: 1 })).records[0]!;
    expect(printed.text.replace(/\s+/g, '')).toContain(first.title.replace(/\s+/g, '').slice(0, 12));
    expect(printed.pages).toBeGreaterThan(1);
    expect(printed.images.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
