// The other daily pages, driven in Chromium against `sanwu serve` on a demo archive whose first
// community has a 30-character name: axe-core on every page, tab, drawer and dialog (no serious or
// critical violation); the check result kept after leaving the page, exported (read by openpyxl) and
// printed (Chromium's PDF, read by pdftotext); the evaluation exported; the record form's guard and
// locked fields; the layout at 1280×720; restoring a kept and an uploaded backup from the UI.
// (daily-pages-postgres.test.ts: the same on a PostgreSQL archive.)
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { adminQuery } from '../helpers/postgres';
import { apiCall, screenshot } from './browser';
import { axeFindings, openSession, printCalls, printToPdf, readDownload, stubPrint, type Session } from './daily-helpers';
import { createDemo, YEAR } from './demo';
import { E2E_ENGINE, e2eArchive, type E2eArchive } from './engine';

/** 30 characters, as the longest community names clerks type */
const LONG_NAME = '某某市某某区幸福路街道办事处桃源第一社区居民委员会新村东北片';
let tmp: { dir: string; cleanup: () => void };
let archive: E2eArchive;
let session: Session;
let page: Page;
let errors: string[];

interface Rec {
  id: number;
  title: string;
  archivalCode: string | null;
  status: string;
}
const search = (input: Record<string, unknown>) => apiCall<{ total: number; records: Rec[] }>(page, 'records.search', input);

const go = (hash: string, ready?: string): Promise<void> => session.go(hash, ready);

/** One stored attachment gets a byte more, in the folder or in the database; returns how to mend it. */
async function damageAFile(): Promise<() => Promise<void>> {
  if (E2E_ENGINE === 'sqlite') {
    const damaged = largestFile(join(archive.location, 'files'));
    const bytes = readFileSync(damaged);
    appendFileSync(damaged, 'x');
    return async () => writeFileSync(damaged, bytes);
  }
  const database = new URL(archive.location).pathname.slice(1);
  const [blob] = await adminQuery<{ sha256: string }>(`SELECT sha256 FROM file_blobs ORDER BY size DESC LIMIT 1`, [], database);
  await adminQuery(`UPDATE file_chunks SET data = data || '\\x78'::bytea WHERE sha256 = $1 AND seq = 0`, [blob!.sha256], database);
  return async () => {
    await adminQuery(`UPDATE file_chunks SET data = substring(data FROM 1 FOR length(data) - 1) WHERE sha256 = $1 AND seq = 0`, [blob!.sha256], database);
  };
}

/** The biggest file under `dir`. */
function largestFile(dir: string): string {
  let best = { path: '', size: -1 };
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (s.size > best.size) best = { path: p, size: s.size };
    }
  };
  walk(dir);
  return best.path;
}

beforeAll(async () => {
  expect([...LONG_NAME].length).toBe(30);
  tmp = tempDir('sanwu-e2e-pages-');
  archive = await e2eArchive(tmp.dir);
  createDemo(archive.location, { communities: 3, records: 140, env: archive.env });
  session = await openSession(archive, { width: 1366, height: 768 });
  ({ page, errors } = session);
  const communities = await apiCall<{ id: number; name: string; code: string }[]>(page, 'communities.list');
  const first = communities[0]!;
  await apiCall(page, 'communities.rename', { id: first.id, name: LONG_NAME, code: first.code, confirm: true });
  await apiCall(page, 'filing.run', { year: YEAR, community: LONG_NAME });
}, 240_000);

beforeEach(() => {
  errors?.splice(0);
});

afterAll(async () => {
  await session?.close();
  await archive?.drop();
  tmp?.cleanup();
});

describe('accessibility', () => {
  it('axe finds no serious or critical violation on any page, tab, drawer or dialog', async () => {
    const findings: string[] = [];
    const scan = async (where: string): Promise<void> => {
      for (const f of await axeFindings(page)) findings.push(`${where}: ${f}`);
    };
    for (const [hash, ready] of [
      ['#/', '[data-testid=completeness-map]'],
      ['#/records', '.ant-table-row'],
      ['#/import', 'h1'],
      [`#/audit?year=${YEAR}`, '[data-testid=audit-results]'],
      ['#/check', 'h1'],
      ['#/report', 'h1'],
      ['#/appraisal', 'h1'],
      ['#/transfer', 'h1'],
      ['#/lending', 'h1'],
      ['#/yearbook', 'h1'],
    ] as const) {
      await go(hash, ready);
      await scan(hash);
    }
    await go('#/settings');
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').waitFor();
      await page.waitForTimeout(300);
      await scan(`设置 · ${tab}`);
    }
    // a record's drawer and its edit form
    await go('#/records', '.ant-table-row');
    await page.getByTestId('records-table').locator('.ant-table-row').first().click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '编辑' }).waitFor();
    await scan('档案详情');
    await drawer.getByRole('button', { name: '编辑' }).click();
    await page.getByTestId('record-form').waitFor();
    await page.waitForTimeout(400);
    await scan('编辑档案');
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('档案检查', () => {
  it('keeps the last result after leaving the page, exports it (openpyxl) and prints it (PDF)', async () => {
    // a damaged attachment: the check must name it (mended afterwards, for the backup below)
    const mend = await damageAFile();
    try {
      await checkAndKeep();
    } finally {
      await mend();
    }
  }, 180_000);
});

/** Runs the check (one attachment damaged), leaves the page and comes back, exports and prints the result. */
async function checkAndKeep(): Promise<void> {
  await go('#/check');
  await page.getByRole('button', { name: '开始检查' }).first().click();
  const summary = page.getByTestId('check-summary');
  await summary.getByText(/发现 \d+ 个问题/).waitFor({ timeout: 120_000 });
  const problems = Number(/发现 (\d+) 个问题/.exec(await summary.innerText())![1]);
  await page.getByTestId('check-problems').getByText(/文件校验值不符/).waitFor();
  expect(await axeFindings(page)).toEqual([]);
  // another page, then back: the result is still there, as the last check's
  await go('#/records', '.ant-table-row');
  await go('#/check', '[data-testid=check-summary]');
  expect(await summary.innerText()).toContain(`上次检查：发现 ${problems} 个问题`);
  expect(await summary.innerText()).toContain('结果保留到下次检查');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const x = await readDownload(await download, tmp.dir);
  expect(x.name).toMatch(/^档案检查结果（\d{4}年\d{1,2}月\d{1,2}日）\.xlsx$/);
  expect(x.rows[0]![0]).toBe('幸福路街道办事处档案检查结果');
  expect(String(x.rows[1]![0])).toContain(`共 ${problems} 个问题`);
  expect(x.rows[2]).toEqual(['方面', '问题类型', '档案', '档号', '问题']);
  expect(x.rows.length - 3).toBe(problems);
  const fixity = x.rows.slice(3).find((r) => r[1] === '文件校验值不符');
  expect(fixity).toBeDefined();
  expect(typeof fixity![2]).toBe('number');
  expect(x).toMatchObject({ freeze: 'A4', titles: '$1:$3', paper: 9 });

  await stubPrint(page);
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
  await expect.poll(() => printCalls(page)).toBe(1);
  const printed = await printToPdf(page, 'daily-print-check');
  expect(printed.text).toContain('幸福路街道办事处档案检查结果');
  expect(printed.text).toContain('文件校验值不符');
  expect(printed.text).toContain('第 1 页，共');
  expect(errors).toEqual([]);
}

describe('考评', () => {
  it('exports the evaluation as shown, one row per indicator and community', async () => {
    await go(`#/audit?year=${YEAR}`, '[data-testid=audit-results]');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const x = await readDownload(await download, tmp.dir);
    expect(x.name).toMatch(/^考评结果（.+）\.xlsx$/);
    expect(x.rows[0]![0]).toBe('幸福路街道办事处考评结果');
    const header = x.rows[2]!.map(String);
    expect(header).toContain('社区');
    const community = header.indexOf('社区');
    const names = new Set(x.rows.slice(3).map((r) => r[community]));
    expect(names).toContain(LONG_NAME);
    expect(names.size).toBe(3);
    // standards by their Chinese names, never their IDs (BJ-MZFZ)
    const standard = header.indexOf('标准');
    expect(x.rows.slice(3).every((r) => /\p{Script=Han}/u.test(String(r[standard])) && !/[A-Z]{2}-[A-Z]/.test(String(r[standard])))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('数据导入', () => {
  it('exports the refused cells of a bad workbook, each with its sheet, row and column', async () => {
    await go('#/import');
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载模板' }).click();
    const path = join(tmp.dir, 'template.xlsx');
    await (await template).saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('档案登记')!;
    const headers = (sheet.getRow(1).values as (string | undefined)[]).map((h) => (h ?? '').toString().trim());
    for (const r of [
      { 社区: '桃源社区', 类别: '居务', 事项: '居民会议', 题名: '居民会议记录', 成文日期: '2025-13-45' },
      { 社区: '不存在社区', 类别: '党务', 事项: '主题党日', 题名: '主题党日', 成文日期: '2025-04-01' },
    ] as Record<string, string>[]) {
      sheet.addRow(headers.map((h) => r[h] ?? null));
    }
    const bad = join(tmp.dir, '坏的工作簿.xlsx');
    await wb.xlsx.writeFile(bad);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '校验（不写入）' }).click();
    await page.getByTestId('import-errors').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const x = await readDownload(await download, tmp.dir);
    expect(x.name).toMatch(/^导入错误清单（.+）\.xlsx$/);
    expect(x.rows[2]).toEqual(['文件', '工作表', '行', '列', '问题']);
    const refused = x.rows.slice(3);
    expect(refused.find((r) => r[3] === '成文日期')).toMatchObject([expect.anything(), '档案登记', expect.any(Number), '成文日期', expect.stringContaining('2025-13-45')]);
    expect(refused.some((r) => r[3] === '社区' && String(r[4]).includes('不存在社区'))).toBe(true);
    expect(refused).toHaveLength(await page.getByTestId('import-errors').locator('.ant-table-row').count());
    expect(errors).toEqual([]);
  });
});

describe('the record form', () => {
  it('asks before dropping changes, shows a filed record’s locked fields read-only, puts errors by their field, fits the window', async () => {
    const filed = (await search({ year: YEAR, community: LONG_NAME, status: '在保', limit: 1 })).records[0]!;
    await go(`#/records?id=${filed.id}`, '.ant-drawer-open');
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    const dialog = page.getByRole('dialog').filter({ has: form });
    await dialog.getByText(`已归档，档号 ${filed.archivalCode}`).waitFor();
    // the fields the 档号 rests on are read-only, before 保存 could refuse them
    expect(await form.getByLabel('成文日期').isEditable()).toBe(false);
    expect(await form.getByRole('combobox', { name: '事项' }).isDisabled()).toBe(true);
    expect(await form.getByRole('combobox', { name: '保管期限' }).isDisabled()).toBe(true);
    // no dialog taller than the window
    const viewport = page.viewportSize()!;
    const box = (await dialog.locator('.ant-modal-container, .ant-modal-content').first().boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

    // a change, then Esc: asked, and 继续编辑 keeps it
    const title = form.getByLabel('题名');
    await title.fill('');
    await title.pressSequentially('改过的题名');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('改过的题名');

    // an empty 题名 refused next to its field, scrolled into view
    await title.fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    const error = form.getByText('题名不能为空');
    await error.waitFor();
    expect(await error.evaluate((e) => e.closest('.ant-form-item')?.querySelector('input')?.id)).toBe('title');
    await expect.poll(async () => { const b = (await error.boundingBox())!; return b.y >= 0 && b.y + b.height <= viewport.height; }).toBe(true);
    await screenshot(page, 'daily-form-error');

    // Esc again: 放弃修改 closes it, nothing saved
    await page.keyboard.press('Escape');
    await ask.getByRole('button', { name: '放弃修改' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await search({ ids: [filed.id] })).records[0]!.title).toBe(filed.title);
    expect(errors).toEqual([]);
  });
});

describe('layout at 1280×720 with a 30-character community name', () => {
  it('the completeness grid keeps all twelve months in its card, each on one line', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await go(`#/?year=${YEAR}`, '[data-testid=completeness-map]');
      const map = page.getByTestId('completeness-map');
      const card = page.locator('.ant-card', { has: map });
      const [mapBox, cardBox] = [(await map.boundingBox())!, (await card.boundingBox())!];
      expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
      const months = map.locator('thead th[title]');
      expect(await months.count()).toBe(12);
      const heights = await months.evaluateAll((ths) => ths.map((th) => ({ text: th.textContent, h: th.getBoundingClientRect().height, fits: th.scrollWidth <= th.clientWidth })));
      expect(heights.map((h) => h.text)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`));
      expect(heights.every((h) => h.fits && h.h < 30)).toBe(true);
      // the long name is cut with … in its cell, whole in its tip
      const nameCell = map.locator(`tr[data-community="${LONG_NAME}"] th`);
      expect(await nameCell.getAttribute('title')).toBe(LONG_NAME);
      await screenshot(page, 'daily-dashboard-1280');
      await go(`#/records?community=${encodeURIComponent(LONG_NAME)}`, '.ant-table-row');
      // the page itself never scrolls sideways
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await screenshot(page, 'daily-records-1280');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(errors).toEqual([]);
  });
});

describe('restore from the UI', () => {
  it('backs up, then restores the kept backup after checking it and asking; a later record is gone', async () => {
    await go('#/settings?tab=backup', '[data-testid=restore-card]');
    await page.getByRole('button', { name: /立即备份/ }).click();
    await page.getByRole('link', { name: '下载备份文件' }).waitFor({ timeout: 120_000 });
    const card = page.getByTestId('restore-card');
    const kept = card.locator('.ant-table-row');
    await kept.first().waitFor();
    const name = (await kept.first().locator('td').nth(1).innerText()).trim();
    expect(name).not.toMatch(/T\d{2}-\d{2}-\d{2}/);

    // after the backup: one more record, which the restore must take away
    const community = (await apiCall<{ id: number }[]>(page, 'communities.list'))[0]!;
    const later = await apiCall<Rec>(page, 'records.create', { communityId: community.id, affair: '居务', kind: '居民会议', title: '备份之后登记的档案', date: `${YEAR}-12-30` });

    // the download of that backup, kept for the upload below
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载备份文件' }).click();
    const tar = join(tmp.dir, 'uploaded.tar');
    await (await download).saveAs(tar);

    await kept.filter({ hasText: name }).getByRole('button', { name: '检查' }).click();
    const checked = page.getByTestId('backup-check');
    await checked.getByText(`备份完好：${name}`).waitFor({ timeout: 120_000 });
    await screenshot(page, 'daily-restore-checked');
    expect(await axeFindings(page)).toEqual([]);
    await checked.getByRole('button', { name: '恢复这个备份' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '用这个备份替换当前档案库？' });
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText('已恢复').first().waitFor({ timeout: 120_000 });
    // the page reloads onto the restored archive
    await page.waitForEvent('load', { timeout: 60_000 });
    await page.locator('h1').first().waitFor();
    expect((await search({ ids: [later.id] })).records).toEqual([]);
    expect((await search({ q: '备份之后登记的档案', limit: 0 })).total).toBe(0);

    // an uploaded backup file is checked the same way
    await go('#/settings?tab=backup', '[data-testid=restore-card]');
    // the engine's copy of the replaced archive, named in Chinese
    await card.getByText(/^恢复前自动备份（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）$/).waitFor();
    expect(await card.innerText()).not.toMatch(/before-restore|\d{4}-\d{2}-\d{2}T/);
    await card.locator('input[type=file]').setInputFiles(tar);
    await checked.getByText(/^备份完好：/).waitFor({ timeout: 120_000 });
    expect(await checked.getByRole('button', { name: '恢复这个备份' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  }, 300_000);
});
