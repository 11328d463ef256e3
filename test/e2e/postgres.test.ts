// The UI in Chromium on a PostgreSQL archive (`sanwu serve --db postgres://…` on a `sanwu demo`), with
// two clerks at once in two browser sessions: every page loads, the settings say where the archive is,
// one clerk's edit shows up in the other's open list and record without reloading, and the other's
// edit made from the older version is refused with who changed it and when.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { tempPgDatabase, type TempDatabase } from '../helpers/postgres';
import { apiCall, collectErrors, launch, screenshot } from './browser';
import { createDemo, YEAR } from './demo';
import { serve, type Served } from './server';

const WAIT = 30_000;
let tmp: { dir: string; cleanup: () => void };
let pg: TempDatabase;
let server: Served;
let browser: Browser;
const clerks: { context: BrowserContext; page: Page; errors: string[] }[] = [];

async function clerk(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url);
  return { context, page, errors };
}

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-pg-');
  pg = await tempPgDatabase();
  const env = { XDG_CONFIG_HOME: join(tmp.dir, 'config'), SANWU_ACTOR: '王某' };
  createDemo(pg.url, { communities: 2, records: 140, env });
  server = await serve(pg.url, env);
  browser = await launch();
  clerks.push(await clerk(), await clerk());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await pg?.drop();
  tmp?.cleanup();
});

const go = async (page: Page, hash: string) => {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/${hash}`);
};

describe('the UI on a PostgreSQL archive', () => {
  it.each([
    ['dashboard', `#/?year=${YEAR}`, (p: Page) => p.getByText(`${YEAR} 年档案（件）`).waitFor()],
    ['records', '#/records', (p: Page) => p.locator('.ant-table-row').first().waitFor()],
    ['audit', `#/audit?year=${YEAR}`, (p: Page) => p.locator('[data-testid=audit-results], .ant-alert').first().waitFor()],
    ['check', '#/check', (p: Page) => p.getByRole('button', { name: '开始检查' }).waitFor()],
    ['report', '#/report', (p: Page) => p.getByRole('button', { name: '生成报送包' }).waitFor()],
  ] as const)('%s loads without console errors', async (name, hash, ready) => {
    const { page, errors } = clerks[0]!;
    errors.splice(0);
    await go(page, hash);
    await ready(page);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await screenshot(page, `postgres-${name}`);
    expect(errors).toEqual([]);
  });

  it('says in the settings that the archive is on a server, without its password', async () => {
    const { page, errors } = clerks[0]!;
    errors.splice(0);
    await go(page, '#/settings');
    await page.getByRole('tab', { name: '连接服务器' }).click();
    const current = page.getByTestId('connection-current');
    await current.getByText('数据库服务器（多人共用）').waitFor();
    expect(await current.textContent()).toContain(new URL(pg.url).pathname.slice(1));
    await page.getByText('浏览器模式下，档案库在启动时已经确定，不能在这里更换。').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows one clerk’s edit in the other’s open list and record, and refuses the other’s stale edit with who and when', async () => {
    const [a, b] = clerks as [(typeof clerks)[0], (typeof clerks)[0]];
    const { records } = await apiCall<{ records: { id: number; title: string }[] }>(a.page, 'records.search', { year: YEAR, limit: 1 });
    const target = records[0]!;
    // B has the record open in the list and in its edit form
    await go(b.page, `#/records?id=${target.id}`);
    const bDrawer = b.page.locator('.ant-drawer-open');
    await bDrawer.getByText(target.title).first().waitFor();
    await bDrawer.getByRole('button', { name: '编辑', exact: true }).click();
    const bForm = b.page.getByRole('dialog').filter({ hasText: '编辑档案' });
    await bForm.getByLabel('备注').fill('李某的补充说明');

    // A changes its title
    await go(a.page, `#/records?id=${target.id}`);
    const aDrawer = a.page.locator('.ant-drawer-open');
    await aDrawer.getByRole('button', { name: '编辑', exact: true }).click();
    const aForm = a.page.getByRole('dialog').filter({ hasText: '编辑档案' });
    await aForm.getByLabel('题名').fill(`${target.title}（王某修订）`);
    await aForm.getByRole('button', { name: '保存', exact: true }).click();
    await aForm.waitFor({ state: 'hidden' });

    // B's list and record show it without a reload; B's form keeps what B typed
    await b.page.locator('.ant-table-row', { hasText: '（王某修订）' }).first().waitFor({ timeout: 20_000 });
    await bDrawer.getByText(`${target.title}（王某修订）`).first().waitFor({ timeout: 20_000 });
    expect(await bForm.getByLabel('备注').inputValue()).toBe('李某的补充说明');
    await bForm.getByRole('button', { name: '保存', exact: true }).click();
    await bForm.getByText(/此档案已被 王某 于 \d\d:\d\d 修改，请刷新后再改。/).waitFor();
    await screenshot(b.page, 'postgres-stale-edit');
    const now = await apiCall<{ record: { title: string; notes: string } }>(b.page, 'records.get', { id: target.id });
    expect(now.record).toMatchObject({ title: `${target.title}（王某修订）`, notes: expect.not.stringContaining('李某') });
    expect([...a.errors, ...b.errors].filter((e) => !/409|CONFLICT/.test(e))).toEqual([]);
  }, 120_000);

  it('runs the inspection on the server archive', async () => {
    const { page, errors } = clerks[0]!;
    errors.splice(0);
    await go(page, '#/check');
    await page.getByRole('button', { name: /开始检查/ }).click();
    await page.getByTestId('check-summary').waitFor({ timeout: 120_000 });
    await screenshot(page, 'postgres-check');
    expect(errors).toEqual([]);
  }, 180_000);
});
