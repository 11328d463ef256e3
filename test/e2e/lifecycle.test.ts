// The record's life after filing in real Chromium against `sanwu serve` on `sanwu demo --users`
// (issue 15's "Done when"): a 档案员 appraises the items due as of a later day (鉴定 page: batch,
// decisions, closing with the documents), holds one; a 管理员 is refused one 监销人 named twice and the
// held item, releases the hold, approves the destruction with two 监销人 — the files leave the store and
// the check is clean; a year of another community is written as a carrier and the 管理员 confirms it
// once. The 查阅 sees none of it and the server refuses it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { adminQuery } from '../helpers/postgres';
import { sanwuWith, signIn as signInAt } from './accounts';
import { apiCall, collectErrors, launch, pick, screenshot } from './browser';
import { YEAR } from './demo';
import { E2E_ENGINE, e2eArchive, type E2eArchive } from './engine';
import { serve, type Served } from './server';

const WAIT = 30_000;
/** A day on which the year's 定期10年 items are due (their term runs through 2035). */
const AS_OF = `${YEAR + 11}-01-01`;
let tmp: { dir: string; cleanup: () => void };
/** a folder, or a database (lifecycle-postgres.test.ts runs this suite there) */
let archive: E2eArchive;
let db: string;
const sanwu = sanwuWith(() => archive.env);
let server: Served;
let browser: Browser;
let page: Page;
let errors: string[];
let communities: string[];
let batch: number;
/** The batch's items to destroy: id and the digests of their files. */
let doomed: { id: number; files: string[] }[];

/** Whether the store holds a file's bytes: in the folder's files/, or in the server's database. */
async function stored(sha256: string): Promise<boolean> {
  if (E2E_ENGINE === 'sqlite') return existsSync(join(db, 'files', sha256.slice(0, 2), sha256));
  return (await adminQuery('SELECT 1 FROM file_blobs WHERE sha256 = $1', [sha256], new URL(db).pathname.slice(1))).length > 0;
}
const storedOf = async (digests: string[]): Promise<boolean[]> => Promise.all(digests.map(stored));

beforeAll(async () => {
  tmp = tempDir('sanwu-e2e-lifecycle-');
  archive = await e2eArchive(tmp.dir);
  db = archive.location;
  sanwu('demo', '--db', db, '--year', String(YEAR), '--communities', '2', '--records', '140', '--users');
  // the demo's earlier years too (a few items each): the check must be clean before the lifecycle
  for (let year = YEAR - 10; year <= YEAR; year++) sanwu('file', '--db', db, '--year', String(year), '--as', 'clerk');
  server = await serve(db, archive.env);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  errors = collectErrors(page);
  // the start URL's token moves into the page's storage
  await page.goto(server.url);
  await page.getByTestId('sign-in').waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await archive?.drop();
  tmp?.cleanup();
});

const signIn = (username: string): Promise<void> => signInAt(page, server.origin, username);

/** Answers the confirmation an irreversible step asks first. */
async function confirm(okText: string, says: RegExp): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  expect(await dialog.innerText()).toMatch(says);
  await dialog.getByRole('button', { name: okText, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

const drawer = (): Locator => page.locator('.ant-drawer-open');
const navItems = (): Promise<string[]> => page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();

async function openBatch(): Promise<Locator> {
  await page.goto(`${server.origin}/#/appraisal?tab=batches&batch=${batch}`);
  await drawer().getByTestId('batch-detail').waitFor();
  return drawer();
}

/** Saves what a click offers and returns its name and bytes. */
async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe('档案员 appraises', () => {
  it('lists the items due as of a later day and opens them as a batch', async () => {
    await signIn('clerk');
    expect(await navItems()).toEqual(expect.arrayContaining(['鉴定', '移交']));
    communities = (await apiCall<{ name: string }[]>(page, 'communities.list')).map((c) => c.name);
    await page.goto(`${server.origin}/#/appraisal`);
    await page.getByLabel('截至日期').fill(AS_OF);
    await pick(page, page, '社区', communities[0]!);
    const table = page.getByTestId('due-table');
    await table.locator('.ant-table-row').first().waitFor();
    const due = await apiCall<{ items: { id: number; retention: string; community: string }[] }>(page, 'appraisal.due', { asOf: AS_OF, community: communities[0] });
    expect(due.items.length).toBeGreaterThan(2);
    expect(due.items.every((i) => i.retention === '定期10年' && i.community === communities[0])).toBe(true);
    await page.getByRole('button', { name: `建立鉴定批次（${due.items.length} 件）` }).click();
    await confirm('建立鉴定批次', new RegExp(`截至 ${AS_OF}.*${due.items.length} 件档案将列入一批鉴定`));
    await drawer().getByTestId('batch-detail').waitFor();
    batch = Number(new URL(page.url()).hash.match(/batch=(\d+)/)![1]);
    expect(await drawer().getByTestId('batch-detail').innerText()).toContain('鉴定中');
    expect(errors).toEqual([]);
  });

  it('decides: all 拟销毁, then one kept with a new term; closes with the documents it keeps', async () => {
    const d = await openBatch();
    const rows = d.getByTestId('batch-items').locator('.ant-table-tbody .ant-table-row');
    const n = await rows.count();
    await d.getByTestId('batch-items').locator('.ant-table-thead .ant-checkbox-input').check();
    const bar = d.getByTestId('decision-bar');
    await bar.getByLabel('鉴定理由').fill('保管期限已满，已无查考利用价值');
    await bar.getByRole('button', { name: `对所选 ${n} 件作出鉴定意见` }).click();
    await d.getByText(`已鉴定 ${n} 件（继续保存 0，拟销毁 ${n}）`).waitFor();
    // one kept for 30 more years
    await rows.first().locator('.ant-checkbox-input').check();
    await bar.getByText('继续保存', { exact: true }).click();
    await pick(page, bar, '新的保管期限', '定期30年');
    await bar.getByLabel('鉴定理由').fill('涉及集体土地承包，仍有查考价值');
    await bar.getByRole('button', { name: '对所选 1 件作出鉴定意见' }).click();
    await d.getByText(`已鉴定 ${n} 件（继续保存 1，拟销毁 ${n - 1}）`).waitFor();

    const close = d.getByTestId('close-form');
    await close.getByLabel('鉴定小组成员').fill('张主任、李文书');
    await close.getByLabel('鉴定意见').fill('经逐件审查，同意所列档案销毁，一件延长保管期限。');
    await close.getByRole('button', { name: '结束鉴定' }).click();
    await confirm('结束鉴定', new RegExp(`继续保存的 1 件恢复“在保”.*拟销毁的 ${n - 1} 件等待另一位管理员批准销毁`));
    await d.getByTestId('batch-detail').getByText('待批准销毁').waitFor();
    // a 档案员 may not approve
    expect(await d.getByTestId('destruction-form').count()).toBe(0);
    const docs = d.getByTestId('office-documents');
    await docs.getByText(/鉴定意见书/).first().waitFor();
    const names = await docs.getByRole('button').allInnerTexts();
    expect(names.some((t) => /\.docx/.test(t) && t.includes('鉴定意见书'))).toBe(true);
    expect(names.filter((t) => t.includes('销毁清册')).length).toBeGreaterThanOrEqual(2);
    const opinion = await download(() => docs.getByRole('button', { name: /鉴定意见书.*\.docx/ }).click());
    expect(opinion.name).toMatch(/鉴定意见书.*\.docx$/);
    expect(opinion.bytes.subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'appraisal-closed');

    const detail = await apiCall<{ items: { id: number; status: string; decision: string }[] }>(page, 'appraisal.get', { batch });
    const kept = detail.items.filter((i) => i.decision === 'keep');
    expect(kept.map((i) => i.status)).toEqual(['在保']);
    const proposed = detail.items.filter((i) => i.decision === 'destroy');
    expect(proposed.every((i) => i.status === '拟销毁')).toBe(true);
    doomed = await Promise.all(
      proposed.map(async (i) => {
        const r = await apiCall<{ attachments: { sha256: string }[] }>(page, 'records.get', { id: i.id });
        return { id: i.id, files: r.attachments.map((a) => a.sha256) };
      }),
    );
    expect(doomed.flatMap((x) => x.files).length).toBeGreaterThan(0);
    expect((await storedOf(doomed.flatMap((x) => x.files))).every(Boolean)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('holds one of them from its record: the hold shows there and in the list', async () => {
    await page.goto(`${server.origin}/#/records?id=${doomed[0]!.id}`);
    await drawer().getByTestId('record-detail').waitFor();
    await drawer().getByRole('button', { name: '冻结', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '冻结：' });
    await dialog.getByLabel('冻结原因').fill('涉及未结诉讼案件');
    await dialog.getByRole('button', { name: '冻结', exact: true }).click();
    await drawer().getByTestId('hold-notice').getByText('这件档案已冻结：涉及未结诉讼案件').waitFor();
    await page.goto(`${server.origin}/#/appraisal?tab=holds`);
    await page.getByTestId('holds-table').getByText('涉及未结诉讼案件').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('管理员 approves the destruction', () => {
  it('is refused one 监销人 named twice and a held item, each in Chinese with nothing changed', async () => {
    await signIn('admin');
    const d = await openBatch();
    const form = d.getByTestId('destruction-form');
    await form.getByLabel('监销人一').fill('王监销');
    await form.getByLabel('监销人二').fill('王监销');
    await form.getByRole('button', { name: '批准销毁' }).click();
    await confirm('批准销毁', /不能恢复/);
    await form.getByText('两名监销人须是不同的人（填写了两次“王监销”）').waitFor();
    await form.getByLabel('监销人二').fill('赵监销');
    await form.getByRole('button', { name: '批准销毁' }).click();
    await confirm('批准销毁', /监销人：王监销、赵监销/);
    await form.getByText(/已冻结（涉及未结诉讼案件），涉及未结事项的档案不得销毁/).waitFor();
    const statuses = await apiCall<{ items: { status: string }[] }>(page, 'appraisal.get', { batch });
    expect(statuses.items.filter((i) => i.status === '已销毁')).toEqual([]);
    expect((await storedOf(doomed.flatMap((x) => x.files))).every(Boolean)).toBe(true);
  });

  it('releases the hold, approves: items 已销毁, their files gone, the final 销毁清册 kept, the check clean', async () => {
    await page.goto(`${server.origin}/#/appraisal?tab=holds`);
    await page.getByTestId('holds-table').getByRole('button', { name: '解除冻结' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '解除冻结：' });
    await dialog.getByLabel('解除说明').fill('案件已结案');
    await dialog.getByRole('button', { name: '解除冻结' }).click();
    // the modal closes once the release is recorded (an error would show in it)
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('holds-table').getByText('没有冻结中的档案').waitFor();

    const d = await openBatch();
    const form = d.getByTestId('destruction-form');
    await form.getByLabel('监销人一').fill('王监销');
    await form.getByLabel('监销人二').fill('赵监销');
    await form.getByRole('button', { name: '批准销毁' }).click();
    await confirm('批准销毁', new RegExp(`批准销毁第 ${batch} 批鉴定的 ${doomed.length} 件档案`));
    await d.getByTestId('batch-detail').getByText('已销毁').first().waitFor();
    expect(await d.getByTestId('batch-detail').innerText()).toMatch(/王监销、赵监销/);
    await d.getByTestId('office-documents').getByText(/销毁清册/).first().waitFor();
    await screenshot(page, 'destroyed');

    for (const x of doomed) {
      const r = await apiCall<{ record: { status: string; archivalCode: string }; attachments: { sha256: string }[] }>(page, 'records.get', { id: x.id });
      expect(r.record.status).toBe('已销毁');
      expect(r.attachments.length).toBe(x.files.length); // metadata and digests stay
    }
    expect((await storedOf(doomed.flatMap((x) => x.files))).some(Boolean)).toBe(false);

    await page.goto(`${server.origin}/#/check`);
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByTestId('check-summary').getByText('检查通过，没有发现问题。').waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('transfer', () => {
  it('档案员 writes a year of a community as a carrier; its items are 移交中', async () => {
    await signIn('clerk');
    await page.goto(`${server.origin}/#/transfer`);
    // a multiple choice: the list stays open until Escape
    await page.getByRole('combobox', { name: '社区', exact: true }).click();
    await page.locator(`.ant-select-dropdown .ant-select-item-option[title="${communities[1]}"]`).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '生成移交载体' }).click();
    await confirm('生成移交载体', new RegExp(`${communities[1]}${YEAR}年度已归档、在保的档案将写入电子档案移交载体`));
    const result = page.getByTestId('transfer-result');
    await result.waitFor({ timeout: 120_000 });
    const carrier = (await result.locator('.ant-card-head-title').innerText()).replace('已生成载体 ', '');
    const zip = await download(() => result.getByText('下载移交载体（zip）').click());
    expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');
    const entries = zip.bytes.toString('latin1');
    for (const part of ['说明文件.TXT', '文件目录.XML', '数字摘要.txt']) expect(entries).toContain(Buffer.from(part).toString('latin1'));
    await page.getByTestId('transfers-table').getByText('移交中，待管理员确认').waitFor();
    const list = await apiCall<{ carrier: string; items: number }[]>(page, 'transfer.list');
    expect(list).toEqual([expect.objectContaining({ carrier })]);
    const moving = await apiCall<{ total: number }>(page, 'records.search', { status: '移交中', limit: 0 });
    expect(moving.total).toBe(list[0]!.items);
    await expect(apiCall(page, 'transfer.confirm', { carrier })).rejects.toThrow('FORBIDDEN');
    await screenshot(page, 'transfer-built');
    expect(errors).toEqual([]);
  }, 300_000);

  it('管理员 confirms it once: items 已移交; a second confirmation is refused', async () => {
    await signIn('admin');
    await page.goto(`${server.origin}/#/transfer`);
    const table = page.getByTestId('transfers-table');
    await table.getByRole('button', { name: '确认移交' }).click();
    await confirm('确认移交', /状态改为“已移交”，不能撤销/);
    await table.getByText(/已移交 \d{4}年\d{1,2}月\d{1,2}日/).waitFor();
    const [t] = await apiCall<{ carrier: string; items: number }[]>(page, 'transfer.list');
    expect((await apiCall<{ total: number }>(page, 'records.search', { status: '已移交', limit: 0 })).total).toBe(t!.items);
    await expect(apiCall(page, 'transfer.confirm', { carrier: t!.carrier })).rejects.toThrow(/不能重复确认/);
    expect(errors).toEqual([]);
  });
});

describe('查阅 (viewer)', () => {
  it('sees neither page and is refused by the server', async () => {
    await signIn('viewer');
    expect(await navItems()).not.toEqual(expect.arrayContaining(['鉴定']));
    expect(await navItems()).not.toEqual(expect.arrayContaining(['移交']));
    await expect(apiCall(page, 'appraisal.open', { asOf: AS_OF })).rejects.toThrow('FORBIDDEN');
    await expect(apiCall(page, 'holds.set', { recordId: doomed[0]!.id, reason: '试' })).rejects.toThrow('FORBIDDEN');
    expect(errors).toEqual([]);
  });
});
