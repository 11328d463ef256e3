// Issue 10 in the real UI: adding a community with a 全宗号 in use is refused in Chinese; renaming asks
// for confirmation first and is then recorded; the inspection shows the anchor notice and quarantines
// a stray file when asked. (trust-postgres.test.ts: the same on a PostgreSQL archive, whose stray is
// stored bytes nobody references.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { adminQuery } from '../helpers/postgres';
import { apiCall, collectErrors, launch, screenshot } from './browser';
import { E2E_ENGINE, e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const ROOT = join(import.meta.dirname, '../..');
let tmp: { dir: string; cleanup: () => void };
let archive: E2eArchive;
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-trust-');
  archive = await e2eArchive(tmp.dir);
  execFileSync(process.execPath, [join(ROOT, 'bin/sanwu.js'), 'init', '--db', archive.location, '--name', '幸福路街道'], { stdio: 'ignore', env: { ...process.env, ...archive.env } });
  server = await serve(archive.location, archive.env);
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
  await archive?.drop();
  tmp?.cleanup();
});

/** A file in the store that no attachment references: in the folder, or bytes stored in the database. */
const STRAY = Buffer.from('not an attachment');
const STRAY_SHA = createHash('sha256').update(STRAY).digest('hex');
const database = () => new URL(archive.location).pathname.slice(1);
async function plantStray(): Promise<void> {
  if (E2E_ENGINE === 'sqlite') return writeFileSync(join(tmp.dir, 'archive', 'files', 'readme.txt'), STRAY);
  await adminQuery(`INSERT INTO file_blobs (sha256, size, chunks, created_at) VALUES ($1, $2, 1, '2026-01-01T00:00:00.000Z')`, [STRAY_SHA, STRAY.length], database());
  await adminQuery(`INSERT INTO file_chunks (sha256, seq, data) VALUES ($1, 0, $2)`, [STRAY_SHA, STRAY], database());
}
async function strayGone(): Promise<boolean> {
  if (E2E_ENGINE === 'sqlite') return !existsSync(join(tmp.dir, 'archive', 'files', 'readme.txt'));
  return (await adminQuery(`SELECT 1 FROM file_blobs WHERE sha256 = $1`, [STRAY_SHA], database())).length === 0;
}

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
    await plantStray();
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#/check`);
    await page.getByRole('button', { name: /开始检查/ }).click();
    await page.getByTestId('check-summary').getByText('发现 1 个问题').waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: /移入隔离文件夹/ }).check();
    await page.getByRole('button', { name: /开始检查/ }).click();
    await page.getByText(/已把(附件库|数据库)中 1 个不属于档案的文件移入(本机的)?隔离文件夹/).waitFor({ timeout: 120_000 });
    await page.getByTestId('check-summary').getByText('检查通过').waitFor();
    await screenshot(page, 'trust-check-quarantine');
    expect(await strayGone()).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);
});
