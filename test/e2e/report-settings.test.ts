// The 报表 page's report settings in a real browser: the clerk sets 发文字号, 签发人, 主送机关 and the
// unsealed layout, they are kept in the archive, and the next package's work report carries them.
// (report-settings-postgres.test.ts: the same on a PostgreSQL archive.)
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSettings } from '../../src/shared/report';
import { tempDir } from '../helpers/archive';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { createDemo, YEAR } from './demo';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

let tmp: { dir: string; cleanup: () => void };
let archive: E2eArchive;
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-report-');
  archive = await e2eArchive(tmp.dir);
  createDemo(archive.location, { communities: 2, records: 150, env: archive.env });
  server = await serve(archive.location, archive.env);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(server.url);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await archive?.drop();
  tmp?.cleanup();
});

describe('报表 · 工作报告的公文要素', () => {
  it('keeps 发文字号, 签发人, 主送机关 and the signature layout, and the work report carries them', async () => {
    await page.goto(`${server.origin}/#/report`);
    const form = page.getByTestId('report-settings');
    await expect.poll(() => form.getByLabel('主送机关').inputValue()).toBe('区民政局');
    // an empty 主送机关 is refused in Chinese, nothing saved
    await form.getByLabel('主送机关').fill('');
    await form.getByRole('button', { name: '保存报告设置' }).click();
    await form.getByText('请填写主送机关').waitFor();
    await form.getByLabel('发文字号').fill('幸街发〔2026〕5号');
    await form.getByLabel('签发人').fill('王强');
    await form.getByLabel('主送机关').fill('区民政局、区档案馆');
    await form.getByRole('switch', { name: '加盖印章' }).click();
    await form.getByRole('button', { name: '保存报告设置' }).click();
    await page.getByText('已保存').first().waitFor();
    await screenshot(page, 'report-settings');
    expect(await apiCall<ReportSettings>(page, 'report.settings.get')).toEqual({ docNumber: '幸街发〔2026〕5号', signer: '王强', addressee: '区民政局、区档案馆', sealed: false });

    // a fresh page shows what was kept
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#/report`);
    await expect.poll(() => page.getByTestId('report-settings').getByLabel('发文字号').inputValue()).toBe('幸街发〔2026〕5号');

    await pick(page, page, '年度', `${YEAR} 年`);
    await page.getByRole('button', { name: '生成报送包' }).click();
    const result = page.getByTestId('report-result');
    await result.waitFor({ timeout: 120_000 });
    // browser mode zips the bag; the page names where it was saved
    const saved = await result.locator('code').innerText();
    const bag = await JSZip.loadAsync(readFileSync(saved));
    const report = Object.values(bag.files).find((f) => f.name.endsWith(`data/01_${YEAR}年度三务公开工作报告.docx`))!;
    const zip = await JSZip.loadAsync(await report.async('nodebuffer'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('幸街发〔2026〕5号\t签发人：王强');
    expect(text).toContain('区民政局、区档案馆：');
    expect(errors).toEqual([]);
  }, 180_000);
});
