// Issue 10 in the real UI: adding a community with a 全宗号 in use is refused in Chinese; renaming asks
// for confirmation first and is then recorded; the inspection shows the anchor notice and quarantines
// a stray file when asked.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { apiCall, collectErrors, launch, screenshot } from './browser';
import { serve, type Served } from './server';

const ROOT = join(import.meta.dirname, '../..');
let tmp: { dir: string; cleanup: () => void };
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-trust-');
  const db = join(tmp.dir, 'archive');
  execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), 'init', '--db', db, '--name', '幸福路街道'], { stdio: 'ignore' });
  server = await serve(db);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(server.url);
  await apiCall(page, 'communities.save', { code: 'S101', name: '桃源社区', households: 1274 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  tmp?.cleanup();
});

async function openCommunities(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/#/settings`);
  await page.getByRole('tab', { name: '社区与人员' }).click();
}

describe('社区', () => {
  it('refuses to add a community with a 全宗号 in use, saying whose it is', async () => {
    await openCommunities();
    await page.getByRole('button', { name: '添加社区' }).click();
    const dialog = page.getByRole('dialog', { name: '添加社区' });
    await dialog.getByLabel('社区名称').fill('新建测试社区');
    await dialog.getByLabel('社区代码（全宗号）').fill('S101');
    await dialog.getByRole('button', { name: '保 存' }).or(dialog.getByRole('button', { name: '保存' })).click();
    await dialog.getByText('全宗号 S101 已属于 桃源社区').waitFor();
    await screenshot(page, 'trust-community-clash');
    const list = await apiCall<{ name: string; households: number }[]>(page, 'communities.list');
    expect(list).toEqual([expect.objectContaining({ name: '桃源社区', households: 1274 })]);
  });

  it('renames only after confirmation, and records it', async () => {
    await openCommunities();
    await page.locator('tr', { hasText: '桃源社区' }).getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑 桃源社区' });
    await dialog.getByLabel('社区名称').fill('桃园社区');
    await dialog.getByRole('button', { name: '保 存' }).or(dialog.getByRole('button', { name: '保存' })).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确认更改社区名称或全宗号？' });
    await confirm.getByText('将把名称“桃源社区”改为“桃园社区”').waitFor();
    await screenshot(page, 'trust-community-rename-confirm');
    await confirm.getByRole('button', { name: '确认更改' }).click();
    await page.locator('tr', { hasText: '桃园社区' }).waitFor();
    const list = await apiCall<{ name: string; code: string; households: number }[]>(page, 'communities.list');
    expect(list).toEqual([expect.objectContaining({ name: '桃园社区', code: 'S101', households: 1274 })]);
    expect(errors).toEqual([]);
  });
});

describe('档案检查', () => {
  it('moves a stray file of the store into quarantine when asked', async () => {
    const stray = join(tmp.dir, 'archive', 'files', 'readme.txt');
    writeFileSync(stray, 'not an attachment');
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#/check`);
    await page.getByRole('button', { name: /开始检查/ }).click();
    await page.getByTestId('check-summary').getByText('发现 1 个问题').waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: /移入隔离文件夹/ }).check();
    await page.getByRole('button', { name: /开始检查/ }).click();
    await page.getByText(/已把附件库中 1 个不属于档案的文件移入隔离文件夹/).waitFor({ timeout: 120_000 });
    await page.getByTestId('check-summary').getByText('检查通过').waitFor();
    await screenshot(page, 'trust-check-quarantine');
    expect(existsSync(stray)).toBe(false);
    expect(errors).toEqual([]);
  }, 240_000);
});
