// The district in a real browser (issue 17, "Done when"): three street offices (different seeds and
// names) write their 2025 packages with `sanwu report --zip`; a district archive made by
// `init --district` is served by `sanwu serve`; on its 接收 page the clerk drops the zips, confirms
// adding the unknown street offices, drops one again (nothing added), a corrected one (replaces the
// older) and a tampered one (refused, nothing written); the 工作台 shows all three offices and their
// communities, a community opens with its months, its records are listed; 报表 writes the summary.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictPackageInfo } from '../../src/shared/district';
import { zipBag } from '../../src/main/core/package/zip';
import { tempDir } from '../helpers/archive';
import { sanwuAt, storedState, streetOffice, writePackage, type StreetOffice } from '../district/helpers';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { axeFindings } from './daily-helpers';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const OFFICES = ['幸福路街道办事处', '光华街道办事处', '东湖街道办事处'];
let tmp: { dir: string; cleanup: () => void };
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];
let offices: StreetOffice[];
const zips: string[] = [];
let district: string;
let archive: E2eArchive;

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-district-');
  offices = [];
  for (const [i, name] of OFFICES.entries()) {
    const office = await streetOffice(tmp.dir, name, i + 1, { communities: 2, records: 140 });
    offices.push(office);
    zips.push((await writePackage(tmp.dir, office, `2026-01-1${i + 1}T09:00:00+08:00`, `out-${i + 1}`, true)).zip!);
  }
  archive = await e2eArchive(tmp.dir);
  district = archive.location;
  expect((await sanwuAt('2026-01-20T10:00:00+08:00', ['init', '--db', district, '--name', '和平区民政局', '--district'], tmp.dir)).code).toBe(0);
  server = await serve(district, archive.env);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(server.url);
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await archive?.drop();
  tmp?.cleanup();
});

/** Drops the files on the 接收 page and sends them; the result card once it shows. */
async function drop(files: string[]): Promise<void> {
  await page.goto(`${server.origin}/#/receive`);
  // the files of the last drop are gone once it was sent
  await expect.poll(() => page.locator('.ant-upload-list-item').count()).toBe(0);
  await page.locator('.ant-upload input[type=file]').setInputFiles(files);
  await page.getByRole('button', { name: '核验并接收' }).click();
}

const result = () => page.getByTestId('receive-result');

describe('区级档案库 · 接收', () => {
  it('receives the three packages after asking to add the offices, then the same one again adds nothing', async () => {
    await page.getByRole('menuitem', { name: '接收' }).waitFor();
    await drop(zips);
    // intact but from offices the district does not know: asked first
    const ask = page.getByRole('dialog').filter({ hasText: '添加新的街道办事处？' });
    await ask.waitFor({ timeout: 120_000 });
    for (const name of OFFICES) await expect.poll(() => ask.innerText()).toContain(name);
    await ask.getByRole('button', { name: '添加并接收' }).click();
    for (const name of OFFICES) await result().getByText(`${name} 2025年度报送包：已接收`).waitFor({ timeout: 120_000 });
    await ask.waitFor({ state: 'hidden' });
    await screenshot(page, 'district-receive');

    await drop([zips[0]!]);
    await result().getByText(`${OFFICES[0]} 2025年度报送包：与已接收的相同，未新增`).waitFor({ timeout: 120_000 });
    const history = await apiCall<DistrictPackageInfo[]>(page, 'district.packages', {});
    expect(history.map((p) => p.office).sort()).toEqual([...OFFICES].sort());
  }, 300_000);

  it('replaces a package by a corrected one and refuses a tampered one, writing nothing of it', async () => {
    const corrected = (await writePackage(tmp.dir, offices[1]!, '2026-01-19T09:00:00+08:00', 'out-corrected', true)).zip!;
    await drop([corrected]);
    await result().getByText(`${OFFICES[1]} 2025年度报送包：已接收`).waitFor({ timeout: 120_000 });
    await result().getByText('替换了较旧的一份').waitFor();

    // the third office's bag with one byte of its ledger changed, zipped again
    const bag = join(tmp.dir, 'tampered', `${OFFICES[2]}_2025年度三务公开报送包`);
    cpSync(zips[2]!.replace(/\.zip$/, ''), bag, { recursive: true });
    const ledger = join(bag, 'data', '02_2025年度三务公开台账.xlsx');
    const bytes = readFileSync(ledger);
    bytes[100]! ^= 0x01;
    writeFileSync(ledger, bytes);
    const tampered = join(tmp.dir, 'tampered', '篡改.zip');
    await zipBag(bag, `${OFFICES[2]}_2025年度三务公开报送包`, tampered);
    // nothing of it written: every row and stored file
    const before = await storedState(district, tmp.dir);
    await drop([tampered]);
    const refusal = result().getByRole('alert').filter({ hasText: '未接收' });
    await refusal.waitFor({ timeout: 120_000 });
    expect(await refusal.innerText()).toMatch(/“篡改\.zip”未接收：.*02_2025年度三务公开台账\.xlsx.*摘要与清单不符/);
    expect(await storedState(district, tmp.dir)).toEqual(before);

    const history = page.getByTestId('receive-history');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
    await history.getByText('已被替换').waitFor();
  }, 300_000);
});

describe('区级档案库 · 工作台与汇总', () => {
  it('shows all three offices, their communities in the heat map, a community with its months and records', async () => {
    await page.goto(`${server.origin}/#/?year=2025`);
    const table = page.getByTestId('district-offices');
    for (const name of OFFICES) await table.getByRole('link', { name }).waitFor();
    const heat = page.getByTestId('district-heat-map');
    await expect.poll(() => heat.locator('tr[data-office]').count()).toBe(3);
    await expect.poll(() => heat.locator('button[data-community]').count()).toBe(6);
    await screenshot(page, 'district-dashboard');

    const row = heat.locator(`tr[data-office="${OFFICES[2]}"]`);
    const cell = row.locator('button[data-community]').first();
    const community = await cell.getAttribute('data-community');
    await cell.click();
    const drawer = page.getByTestId('community-drawer');
    await drawer.getByText(`${OFFICES[2]} · ${community}（2025年度）`).waitFor();
    await expect.poll(() => drawer.getByTestId('community-months').locator('tbody tr').count()).toBe(3);
    await drawer.getByRole('button', { name: '查看该社区报送的档案' }).click();
    const records = page.getByTestId('district-records');
    await records.locator('tbody tr.ant-table-row').first().waitFor();
    // every row listed is of that office and community
    const rows = records.locator('tbody tr.ant-table-row');
    expect(new Set(await rows.locator('td:nth-child(1)').allInnerTexts())).toEqual(new Set([OFFICES[2]]));
    expect(new Set(await rows.locator('td:nth-child(2)').allInnerTexts())).toEqual(new Set([community]));
    expect(errors).toEqual([]);
  }, 180_000);

  it('writes the district summary for 2025', async () => {
    await page.goto(`${server.origin}/#/report`);
    await pick(page, page, '年度', '2025 年');
    await page.getByRole('button', { name: '生成全区汇总' }).click();
    const done = page.getByTestId('summary-result');
    await done.waitFor({ timeout: 120_000 });
    await done.getByText('下载全区汇总').waitFor();
    const text = await done.innerText();
    expect(text).toMatch(/\.xlsx/);
    expect(text).toMatch(/\.docx/);
    expect(errors).toEqual([]);
  }, 180_000);

  it('axe finds no serious or critical violation on any district page', async () => {
    const findings: string[] = [];
    for (const hash of ['#/?year=2025', '#/records', '#/receive', '#/check', '#/report', '#/settings']) {
      await page.goto('about:blank');
      await page.goto(`${server.origin}/${hash}`);
      await page.locator('h1').first().waitFor();
      for (const f of await axeFindings(page)) findings.push(`${hash}: ${f}`);
    }
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
