// The handlers over the real core, as the pages call them: settings, filing, dashboard, import,
// audit, report and backup, with downloads offered the way browser mode offers them.
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiOutput, CallReply } from '../../src/shared/api';
import type { Progress } from '../../src/shared/domain';
import type { ErrorPayload } from '../../src/shared/errors';
import { FileOffers } from '../../src/main/handlers/files';
import { invoke } from '../../src/main/handlers/invoke';
import { SessionStore } from '../../src/main/core/users/sessions';
import type { HandlerEnv } from '../../src/main/handlers/types';
import { tableCounts, tempArchive, type TestArchive } from '../helpers/archive';

let archive: TestArchive;
const offers = new FileOffers();
const sessions = new SessionStore();
const progress: Progress[] = [];
const env = (mode: 'browser' | 'desktop' = 'browser'): HandlerEnv => ({
  mode,
  version: 'test',
  sessions,
  onProgress: (p) => progress.push(p),
  links: { attachment: (id) => `/api/attachments/${id}`, download: (path, name) => `/api/downloads/${offers.offer(path, name)}` },
});
const offered = (url: string) => offers.get(url.split('/').at(-1)!);

async function ok<M extends ApiMethod>(method: M, input: unknown, mode?: 'browser' | 'desktop'): Promise<ApiOutput<M>> {
  const reply: CallReply = await invoke(archive.ctx, method, input, env(mode));
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value as ApiOutput<M>;
}
async function refused(method: ApiMethod, input: unknown, mode?: 'browser' | 'desktop'): Promise<ErrorPayload> {
  const reply = await invoke(archive.ctx, method, input, env(mode));
  if (reply.ok) throw new Error(`${method} should have been refused`);
  return reply.error;
}

beforeAll(async () => {
  archive = await tempArchive();
  for (const [i, kind] of ['居务监督委员会例会', '居务监督委员会例会', '主题党日', '财务收支公开'].entries()) {
    await ok('records.create', {
      communityId: 1,
      affair: kind === '主题党日' ? '党务' : kind === '财务收支公开' ? '财务' : '居务',
      kind,
      title: `${kind}记录${i + 1}`,
      date: `2025-0${i + 1}-15`,
    });
  }
});

afterAll(async () => {
  await archive.close();
});

describe('settings', () => {
  it('changes the retention of a kind, audited, and refuses an unknown kind', async () => {
    const rule = await ok('retention.set', { kind: '主题党日', retention: '永久' });
    expect(rule).toEqual({ kind: '主题党日', affair: '党务', retention: '永久', isDefault: rule.isDefault });
    const listed = await ok('retention.list', {});
    expect(listed.find((r) => r.kind === '主题党日')?.retention).toBe('永久');
    expect(listed.length).toBeGreaterThan(40);
    expect((await refused('retention.set', { kind: '不存在的事项', retention: '永久' })).code).toBe('NOT_FOUND');
  });

  it('keeps a 档号 template only when it can give unique codes', async () => {
    expect(await ok('codeTemplate.get', {})).toMatchObject({ isDefault: true, example: 'S101-WS·2025-Y-JW-0001' });
    const before = tableCounts(archive.ctx);
    const error = await refused('codeTemplate.set', { template: '{全宗号}-{年度}' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('{保管期限}');
    expect(tableCounts(archive.ctx)).toEqual(before);
  });

  it('lists the vocabulary and the standards in use', async () => {
    const vocab = await ok('vocabulary.get', {});
    expect(vocab.kinds['居务']).toContain('居务监督委员会例会');
    expect(vocab.disclosureChannels).toContain('公开栏');
    const standards = await ok('standards.list', {});
    expect(standards.length).toBeGreaterThan(0);
    const first = standards[0]!.id;
    const after = await ok('standards.setInUse', { ids: [first] });
    expect(after.filter((s) => s.inUse).map((s) => s.id)).toEqual([first]);
  });
});

describe('records and filing', () => {
  it('previews the 档号 filing will give, then files', async () => {
    const preview = await ok('filing.preview', { year: 2025 });
    expect(preview).toHaveLength(4);
    const filed = await ok('filing.run', { year: 2025 });
    expect(filed.filed).toBe(4);
    const { records } = await ok('records.search', { year: 2025, limit: 10 });
    expect(records.map((r) => r.archivalCode).sort()).toEqual(preview.map((p) => p.archivalCode).sort());
    expect(records.every((r) => r.status === '在保')).toBe(true);
  });

  it('summarises the year for 工作台 with the completeness grid and its warnings', async () => {
    const summary = await ok('dashboard.summary', { year: 2025 });
    expect(summary).toMatchObject({ year: 2025, total: 4, byAffair: { 居务: 2, 党务: 1, 财务: 1 }, byStatus: { 在保: 4 } });
    expect(summary.completeness.rows.map((r) => r.community)).toContain('桃源社区');
    const missing = summary.warnings.filter((w) => w.kind === 'missing-period');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]!.link).toMatch(/^\/audit\?year=2025&community=/);
    expect(missing.map((m) => m.message)).toContain('桃源社区党务：缺1季度、2季度、3季度、4季度党务公开记录');
    expect(summary.warnings.some((w) => w.kind === 'unfiled')).toBe(false);
  });
});

describe('import', () => {
  it('gives the blank template as a workbook', async () => {
    const file = await ok('import.template', {});
    expect(file.name).toBe('三务档案导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['档案登记', '社区概况', '人员与组织']));
  });

  it('refuses a bad workbook with its row errors and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('档案登记').addRows([
      ['社区', '类别', '事项', '题名', '责任者', '文号', '成文日期', '公开日期', '公开形式', '页数', '保管期限', '收入金额', '支出金额', '资金类别', '备注', '附件'],
      ['桃源社区', '居务', '居民会议', '三月居民会议记录', '', '', '2025-02-30'],
    ]);
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const before = tableCounts(archive.ctx);
    progress.length = 0;
    const result = await ok('import.run', { files: [{ name: '坏表.xlsx', dataBase64: data }], dryRun: false, skipInvalid: false });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ sheet: '档案登记', row: 2, column: '成文日期' });
    expect(tableCounts(archive.ctx)).toEqual(before);
  });
});

describe('audit, report and backup', () => {
  it('audits the year', async () => {
    const audit = await ok('audit.run', { year: 2025 });
    expect(audit.communities.map((c) => c.community)).toEqual(['桃源社区']);
    const grid = await ok('audit.grid', { year: 2025 });
    expect(grid.periods).toHaveLength(12);
  });

  it('builds the package with progress and offers the zip in browser mode', async () => {
    progress.length = 0;
    const result = await ok('report.build', { year: 2025 });
    expect(result.path.startsWith(archive.ctx.paths.dir)).toBe(true);
    expect(result.zipPath && existsSync(result.zipPath)).toBe(true);
    expect(offered(result.downloadUrl!).path).toBe(result.zipPath);
    expect(readFileSync(result.zipPath!).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(progress.some((p) => p.phase === '报送包')).toBe(true);
  });

  it('writes a backup into backups/ and offers it in browser mode only', async () => {
    const browser = await ok('backup.create', {});
    expect(existsSync(browser.path)).toBe(true);
    expect(offered(browser.download!).path).toBe(browser.path);
    expect((await refused('backup.restore', { path: browser.path })).code).toBe('UNAVAILABLE');
  });
});
