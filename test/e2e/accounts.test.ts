// Who acts, in real Chromium against `sanwu serve` on `sanwu demo --users` (issue 14's "Done when"):
// the page opens on sign-in; a 查阅 reads but sees no write controls and the server refuses its writes;
// a 档案员 imports and files; a 管理员 adds a user; the history names each; sign-out and the 30-minute
// lock. And browser mode leaks nothing to other local servers: no cookie holds the token or a session,
// and a page on another port cannot tell whether an attachment exists.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { menu, PASSWORD, sanwuWith, signIn as signInAt } from './accounts';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { YEAR } from './demo';
import { e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const WAIT = 30_000;
let tmp: { dir: string; cleanup: () => void };
let server: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const sanwu = sanwuWith(() => archiveEnv);

/** the archives of this suite: folders, or databases (accounts-postgres.test.ts runs it there) */
const archives: E2eArchive[] = [];
let archiveEnv: NodeJS.ProcessEnv = {};
async function newArchive(name: string): Promise<string> {
  const archive = await e2eArchive(join(tmp.dir, name));
  archives.push(archive);
  archiveEnv = { ...archiveEnv, ...archive.env };
  return archive.location;
}

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-accounts-');
  const db = await newArchive('main');
  sanwu('demo', '--db', db, '--year', String(YEAR), '--communities', '2', '--records', '150', '--users');
  server = await serve(db, archiveEnv);
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  errors = collectErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const a of archives) await a.drop();
  tmp?.cleanup();
});

const signIn = (p: Page, username: string, password = PASSWORD): Promise<void> => signInAt(p, server.origin, username, password);

const navItems = (p: Page) => p.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();

/** A call straight to the server with this page's token and the given session, as a script would. */
function rawCall(p: Page, method: string, input: unknown, session: string | null): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return p.evaluate(
    async ([m, body, s]) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'x-sanwu-token': localStorage.getItem('sanwu.token') ?? '' };
      if (s) headers['x-sanwu-session'] = s;
      return (await fetch(`/api/${m}`, { method: 'POST', headers, body: JSON.stringify(body) })).json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
    },
    [method, input, session] as const,
  );
}

describe('signing in', () => {
  it('opens on the sign-in page; the token leaves the URL and no cookie is ever set', async () => {
    await page.goto(server.url);
    await page.getByTestId('sign-in').waitFor();
    await page.getByText('幸福路街道办事处').first().waitFor();
    expect(page.url()).not.toContain('token');
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('sanwu.token'))).toBe(server.token);
    // before signing in, the archive answers nothing but its name
    await expect(apiCall(page, 'records.search', { limit: 1 })).rejects.toThrow(/AUTH_REQUIRED: 请先登录/);
    await screenshot(page, 'sign-in');
    expect(errors).toEqual([]);
  });

  it('refuses a wrong password in Chinese and stays on the sign-in page', async () => {
    await page.goto(`${server.origin}/`);
    const card = page.getByTestId('sign-in');
    await card.getByLabel('用户名').fill('clerk');
    await card.getByLabel('密码').fill('not-the-password');
    await card.getByRole('button', { name: '登录' }).click();
    await card.getByText('用户名或密码不正确').waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
  });
});

describe('查阅 (viewer)', () => {
  it('reads everything but sees no write controls', async () => {
    await signIn(page, 'viewer');
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('赵查阅（查阅）');
    expect(await navItems(page)).toEqual(['工作台', '档案管理', '考评', '借阅', '年报', '设置']);
    await page.goto(`${server.origin}/#/records`);
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: /新建档案|归档/ }).count()).toBe(0);
    await page.locator('.ant-table-row').first().click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('附件').first().waitFor();
    expect(await drawer.getByRole('button', { name: /编辑|作废/ }).count()).toBe(0);
    expect(await drawer.locator('.ant-upload-drag').count()).toBe(0);
    await screenshot(page, 'viewer-record');
    await page.goto(`${server.origin}/#/settings`);
    await page.getByRole('tab', { name: '街道' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).not.toEqual(expect.arrayContaining(['用户管理']));
    expect(await page.getByRole('tab', { name: '备份与恢复' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await page.getByLabel('街道名称').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('is refused by the server when it writes anyway, with a Chinese message', async () => {
    const total = (await apiCall<{ total: number }>(page, 'records.search', { limit: 0 })).total;
    await expect(
      apiCall(page, 'records.create', { communityId: 1, affair: '居务', kind: '居民会议', title: '查阅员偷偷新建', date: `${YEAR}-05-01` }),
    ).rejects.toThrow('FORBIDDEN: 当前账号“viewer”的角色是查阅，无权进行这项操作（需要档案员或管理员）');
    await expect(apiCall(page, 'users.add', { name: 'friend', role: '管理员', password: 'friend-password' })).rejects.toThrow('FORBIDDEN');
    expect((await apiCall<{ total: number }>(page, 'records.search', { limit: 0 })).total).toBe(total);
  });

  it('signs out: the page returns to sign-in and the old session is refused', async () => {
    const session = await page.evaluate(() => sessionStorage.getItem('sanwu.session'));
    expect((await rawCall(page, 'records.search', { limit: 0 }, session)).ok).toBe(true);
    await menu(page, '退出登录');
    await page.getByTestId('sign-in').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('sanwu.session'))).toBeNull();
    expect(await rawCall(page, 'records.search', { limit: 0 }, session)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });
});

describe('档案员 (clerk)', () => {
  it('imports a workbook and files the year; the history names the clerk', async () => {
    await signIn(page, 'clerk');
    expect(await navItems(page)).toEqual(['工作台', '档案管理', '数据导入', '考评', '档案检查', '报表', '鉴定', '移交', '借阅', '年报', '设置']);
    const [community] = await apiCall<{ name: string }[]>(page, 'communities.list');
    const template = join(tmp.dir, 'template.xlsx');
    sanwu('template', '--out', template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const sheet = wb.getWorksheet('档案登记')!;
    const headers = (sheet.getRow(1).values as (string | undefined)[]).map((h) => (h ?? '').toString().trim());
    const row: Record<string, string> = { 社区: community!.name, 类别: '居务', 事项: '居民会议', 题名: '档案员导入的居民会议记录', 成文日期: `${YEAR}/6/18` };
    sheet.addRow(headers.map((h) => row[h] ?? null));
    const file = join(tmp.dir, 'clerk.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(`${server.origin}/#/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByTestId('import-summary').getByText('导入完成').waitFor({ timeout: 60_000 });

    await page.goto(`${server.origin}/#/records`);
    await page.getByRole('button', { name: /^(snippets )?归档$/ }).click();
    const filing = page.getByRole('dialog').filter({ hasText: '预览档号' });
    await pick(page, filing, '年度', `${YEAR} 年`);
    await pick(page, filing, '社区', community!.name);
    await filing.getByRole('button', { name: '预览档号' }).click();
    await filing.getByTestId('filing-preview').waitFor();
    await filing.getByRole('button', { name: '确认归档' }).click();
    await filing.getByTestId('filing-result').getByText(/已归档 \d+ 件/).waitFor({ timeout: 60_000 });

    const found = await apiCall<{ records: { id: number; status: string }[] }>(page, 'records.search', { q: '档案员导入的居民会议记录' });
    expect(found.records).toEqual([expect.objectContaining({ status: '在保' })]);
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#/records?id=${found.records[0]!.id}`);
    const history = page.locator('.ant-drawer-open').getByTestId('record-history');
    await history.getByText('李文书').first().waitFor();
    expect(await history.innerText()).not.toMatch(/\broot\b|os-user/);
    expect(await history.locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'clerk-history');
    // the clerk is not a 管理员
    await expect(apiCall(page, 'codeTemplate.set', { template: '{全宗号}-{件号}' })).rejects.toThrow('FORBIDDEN');
    await page.goto(`${server.origin}/#/`);
    await menu(page, '退出登录');
    await page.getByTestId('sign-in').waitFor();
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('管理员 (admin)', () => {
  it('adds a user under 设置 → 用户管理, who can then sign in', async () => {
    await signIn(page, 'admin');
    await page.goto(`${server.origin}/#/settings`);
    await page.getByRole('tab', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增用户' });
    await dialog.getByLabel('用户名').fill('newbie');
    await dialog.getByLabel('姓名').fill('钱新人');
    await dialog.getByLabel('密码', { exact: true }).fill('newbie-pass-1');
    await dialog.getByLabel('再输入一次').fill('newbie-pass-1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'newbie', exact: true }).waitFor();
    await screenshot(page, 'users-tab');
    const users = await apiCall<{ name: string; role: string; display: string }[]>(page, 'users.list');
    expect(users.find((u) => u.name === 'newbie')).toMatchObject({ role: '档案员', display: '钱新人' });
    await menu(page, '退出登录');
    await signIn(page, 'newbie', 'newbie-pass-1');
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('钱新人（档案员）');
    await menu(page, '退出登录');
    expect(errors).toEqual([]);
  });
});

describe('the 30-minute lock', () => {
  it('locks an idle page, and unlocks with the password', async () => {
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    await p.clock.install();
    await signIn(p, 'clerk');
    await p.goto(`${server.origin}/#/records`);
    await p.locator('.ant-table-row').first().waitFor();
    // the pointer rests at (300, 200) from here on
    await p.mouse.move(300, 200);
    await p.clock.fastForward('29:00');
    expect(await p.getByTestId('signed-in-user').count()).toBe(1);
    // what Chromium sends when the page changes under a resting pointer, even with a made-up movement:
    // not activity
    await p.locator('body').dispatchEvent('mousemove', { clientX: 300, clientY: 200, movementX: 300, movementY: 200 });
    await p.clock.fastForward('02:00');
    const card = p.getByTestId('sign-in');
    await card.getByText('已超过 30 分钟没有操作，页面已锁定').waitFor();
    expect(await card.getByLabel('用户名').inputValue()).toBe('clerk');
    await screenshot(p, 'locked');
    await card.getByLabel('密码').fill(PASSWORD);
    await card.getByRole('button', { name: '解锁' }).click();
    await p.getByTestId('signed-in-user').waitFor();
    expect(pageErrors).toEqual([]);
    await p.close();
  });
});

describe('an archive without accounts', () => {
  it('works as before and offers, in a notice, to create the first 管理员, who is then signed in', async () => {
    const db = await newArchive('plain');
    sanwu('init', '--db', db, '--name', '和平街道');
    const plain = await serve(db, archiveEnv);
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    try {
      await p.goto(plain.url);
      const notice = p.getByTestId('first-admin-notice');
      await notice.waitFor();
      // not a blocking dialog: the pages work underneath it
      expect(await navItems(p)).toEqual(['工作台', '档案管理', '数据导入', '考评', '档案检查', '报表', '鉴定', '移交', '借阅', '年报', '设置']);
      expect(await p.getByTestId('signed-in-user').count()).toBe(0);
      await screenshot(p, 'first-admin-notice');
      await notice.getByRole('button', { name: '创建管理员账号' }).click();
      const dialog = p.getByRole('dialog').filter({ hasText: '创建第一个管理员账号' });
      await dialog.getByLabel('用户名').fill('chief');
      await dialog.getByLabel('姓名').fill('孙主任');
      await dialog.getByLabel('密码', { exact: true }).fill('short12');
      await dialog.getByLabel('再输入一次').fill('short12');
      await dialog.getByRole('button', { name: '创建' }).click();
      await dialog.getByText('密码至少 8 个字符').first().waitFor();
      await dialog.getByLabel('密码', { exact: true }).fill('chief-pass-1');
      await dialog.getByLabel('再输入一次').fill('chief-pass-1');
      await dialog.getByRole('button', { name: '创建' }).click();
      await p.getByTestId('signed-in-user').getByText('孙主任（管理员）').waitFor();
      expect(await notice.count()).toBe(0);
      // from now on the archive asks who is there
      const fresh = await context.newPage();
      await fresh.goto(`${plain.origin}/`);
      await fresh.getByTestId('sign-in').waitFor();
      await fresh.close();
      expect(pageErrors).toEqual([]);
    } finally {
      await p.close();
      await plain.stop();
    }
  }, 120_000);
});

/** What a hostile local page would do: load our attachments as images, and post to our API. */
const probePage = (target: string, ids: number[]): string => `<!doctype html><meta charset="utf-8"><title>另一个本机网页</title><script>
  const target = ${JSON.stringify(target)};
  const probe = (src) => new Promise((done) => { const i = new Image(); i.onload = () => done('loaded'); i.onerror = () => done('error'); i.src = src; });
  window.results = (async () => {
    const out = {};
    for (const id of ${JSON.stringify(ids)}) out[id] = await probe(target + '/api/attachments/' + id);
    try { await fetch(target + '/api/records.search', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }); out.fetch = 'sent'; } catch { out.fetch = 'blocked'; }
    return out;
  })();
</script>`;

describe('nothing leaks to other servers on this computer', () => {
  let evil: Server;
  let seen: IncomingHttpHeaders[];

  beforeAll(async () => {
    seen = [];
    evil = createServer((req, res) => {
      seen.push(req.headers);
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(probePage(query.get('target') ?? '', JSON.parse(query.get('ids') ?? '[]') as number[]));
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

  it('a page on another port cannot tell an existing attachment from a missing one, nor reach the API', async () => {
    await signIn(page, 'clerk');
    // an image attachment of the demo, visible to the signed-in clerk
    const { records } = await apiCall<{ records: { id: number; attachments: number }[] }>(page, 'records.search', { year: YEAR, limit: 300 });
    let image: { id: number; recordId: number; originalName: string } | undefined;
    for (const r of records.filter((x) => x.attachments > 0)) {
      const detail = await apiCall<{ attachments: { id: number; recordId: number; mediaType: string; originalName: string }[] }>(page, 'records.get', { id: r.id });
      image = detail.attachments.find((a) => a.mediaType.startsWith('image/'));
      if (image) break;
    }
    expect(image).toBeDefined();
    // our own page shows it: fetched with the headers into a blob: URL
    await page.goto(`${server.origin}/#/records?id=${image!.recordId}`);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(image!.originalName).first().waitFor();
    await drawer.locator('div[style*="display: flex"]', { hasText: image!.originalName }).last().getByRole('button', { name: '查看', exact: true }).click();
    const img = drawer.getByTestId('attachment-preview').locator('img');
    await expect.poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);

    // meanwhile, in another tab of the same browser, a page of another local server probes
    const evilPort = (evil.address() as AddressInfo).port;
    const other = await context.newPage();
    const ids = [image!.id, 99_999_999];
    await other.goto(`http://127.0.0.1:${evilPort}/?target=${encodeURIComponent(server.origin)}&ids=${encodeURIComponent(JSON.stringify(ids))}`);
    const results = await other.evaluate(() => (globalThis as unknown as { results: Promise<Record<string, string>> }).results);
    expect(results[String(image!.id)]).toBe('error');
    expect(results[String(99_999_999)]).toBe('error');
    // and nothing of ours travelled to it
    const text = JSON.stringify(seen);
    const session = await page.evaluate(() => sessionStorage.getItem('sanwu.session'));
    expect(session).toBeTruthy();
    expect(text).not.toContain(server.token);
    expect(text).not.toContain(session!);
    expect(seen.every((h) => h.cookie === undefined)).toBe(true);
    expect(await context.cookies()).toEqual([]);
    await other.close();
  });
});
