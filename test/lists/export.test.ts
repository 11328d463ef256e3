// Lists exported as the clerk sees them, on both engines: records.search sorts by 档号, 日期, 题名 and
// 社区 (pinyin order), records.export writes every match in that order, lists.export writes any list;
// openpyxl (an independent reader) finds real dates and numbers, the package's print setup, the rows in order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { requireCommunityByName } from '../../src/main/core/communities/repository';
import { createRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { SessionStore } from '../../src/main/core/users/sessions';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import type { CallReply, DownloadFile } from '../../src/shared/api';
import { ENGINES, tempArchive, type TestArchive } from '../helpers/archive';

const READ = `
import json, sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cell = lambda v: v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v
print(json.dumps({
  "title": ws.title, "freeze": ws.freeze_panes, "titles": ws.print_title_rows, "paper": ws.page_setup.paperSize,
  "orientation": ws.page_setup.orientation, "scale": ws.page_setup.scale, "footer": ws.oddFooter.center.text,
  "font": ws.cell(row=4, column=1).font.name,
  "rows": [[cell(c.value) for c in r] for r in ws.iter_rows()],
  "formats": [c.number_format for c in ws[4]] if ws.max_row >= 4 else [],
  "types": [type(c.value).__name__ for c in ws[4]] if ws.max_row >= 4 else [],
}, ensure_ascii=False))
`;

function readXlsx(file: DownloadFile): {
  title: string;
  freeze: string;
  titles: string;
  paper: number;
  orientation: string;
  scale: number;
  footer: string;
  font: string;
  rows: unknown[][];
  formats: string[];
  types: string[];
} {
  const path = join(mkdtempSync(join(tmpdir(), 'sanwu-list-')), 'list.xlsx');
  writeFileSync(path, Buffer.from(file.dataBase64, 'base64'));
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, path], { encoding: 'utf8' }));
}

const env: HandlerEnv = { mode: 'browser', version: 'test', sessions: new SessionStore(), links: { attachment: () => '', download: () => '' } };
async function call<T>(method: string, input: unknown): Promise<T> {
  const reply: CallReply = await invoke(a.ctx, method, input, env);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

let a: TestArchive;

describe.each(ENGINES)('lists on %s', (engine) => {
  beforeAll(async () => {
    a = await tempArchive({
      engine,
      communities: [
        { code: 'S103', name: '中山社区', type: '城市' },
        { code: 'S101', name: '朝阳社区', type: '城市' },
        { code: 'S102', name: '安康社区', type: '城市' },
      ],
    });
    const rows = [
      ['朝阳社区', '朝阳社区三月例会记录', '2025-03-05'],
      ['安康社区', '安康社区居民会议记录', '2025-01-20'],
      ['中山社区', '中山社区财务公开', '2025-06-30'],
      ['朝阳社区', '朝阳社区一月例会记录', '2025-01-08'],
      ['安康社区', '安康社区调解台账', '2024-11-02'],
    ] as const;
    for (const [community, title, date] of rows) {
      const { id: communityId } = await requireCommunityByName(a.ctx.db, community);
      await createRecord(a.ctx, { communityId, affair: '居务', kind: '居务监督委员会例会', title, date });
    }
    await fileYear(a.ctx, { year: 2025, community: '朝阳社区' });
  });
  afterAll(async () => {
    await a?.close();
  });

  const titles = async (q: Record<string, unknown>): Promise<string[]> => (await searchRecords(a.ctx, q)).records.map((r) => r.title);

  describe('records.search sorts where sorting means something', () => {
    it('keeps newest first without a sort', async () => {
      expect(await titles({})).toEqual(['中山社区财务公开', '朝阳社区三月例会记录', '安康社区居民会议记录', '朝阳社区一月例会记录', '安康社区调解台账']);
    });

    it('sorts by date both ways, by title, by community in pinyin order', async () => {
      expect(await titles({ sort: 'date' })).toEqual(['安康社区调解台账', '朝阳社区一月例会记录', '安康社区居民会议记录', '朝阳社区三月例会记录', '中山社区财务公开']);
      expect(await titles({ sort: 'date', order: 'desc' })).toEqual(await titles({}));
      expect((await searchRecords(a.ctx, { sort: 'community' })).records.map((r) => r.community)).toEqual(['安康社区', '安康社区', '朝阳社区', '朝阳社区', '中山社区']);
      expect((await searchRecords(a.ctx, { sort: 'community', order: 'desc' })).records.map((r) => r.community)).toEqual(['中山社区', '朝阳社区', '朝阳社区', '安康社区', '安康社区']);
      const byTitle = await titles({ sort: 'title' });
      expect(byTitle).toEqual([...byTitle].sort());
    });

    it('sorts by 档号 with unfiled items last, whichever way', async () => {
      const asc = (await searchRecords(a.ctx, { sort: 'archivalCode' })).records;
      expect(asc.map((r) => r.archivalCode?.slice(-4) ?? null)).toEqual(['0001', '0002', null, null, null]);
      expect(asc[0]!.title).toBe('朝阳社区一月例会记录');
      const desc = (await searchRecords(a.ctx, { sort: 'archivalCode', order: 'desc' })).records;
      expect(desc.map((r) => r.archivalCode?.slice(-4) ?? null)).toEqual(['0002', '0001', null, null, null]);
    });

    it('pages a sorted list without repeating or losing a row', async () => {
      const pages = [];
      for (let offset = 0; offset < 5; offset += 2) pages.push(...(await titles({ sort: 'community', limit: 2, offset })));
      expect(pages).toEqual(await titles({ sort: 'community' }));
    });

    it('refuses an unknown sort in Chinese', async () => {
      const reply = await invoke(a.ctx, 'records.search', { sort: 'id' }, env);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!reply.ok) expect(reply.error.message).toContain('排序列');
    });
  });

  describe('records.export', () => {
    it('writes every match in the sort order, with real dates and the package print setup', async () => {
      const file = await call<DownloadFile>('records.export', { year: 2025, sort: 'date' });
      expect(file.name).toBe('档案清单（2025年12月31日）.xlsx');
      const x = readXlsx(file);
      expect(x.rows[0]![0]).toBe('幸福路街道档案清单');
      expect(String(x.rows[1]![0])).toContain('年度：2025');
      expect(String(x.rows[1]![0])).toContain('共 4 件');
      expect(x.rows[2]!.slice(0, 6)).toEqual(['档号', '题名', '社区', '类别', '事项', '成文日期']);
      expect(x.rows.slice(3).map((r) => r[1])).toEqual(['朝阳社区一月例会记录', '安康社区居民会议记录', '朝阳社区三月例会记录', '中山社区财务公开']);
      expect(x.rows[3]![5]).toBe('2025-01-08T00:00:00');
      expect(x.types[5]).toBe('datetime');
      expect(x.formats[5]).toBe('yyyy-mm-dd');
      expect(x.types[11]).toBe('int');
      expect(x.rows[4]![0]).toBe('未归档');
      expect(x).toMatchObject({ freeze: 'A4', titles: '$1:$3', paper: 9, footer: '第 &P 页，共 &N 页', font: '宋体', orientation: 'landscape' });
    });

    it('writes a heading and no rows for a query that matches nothing', async () => {
      const x = readXlsx(await call<DownloadFile>('records.export', { q: '没有这样的题名' }));
      expect(x.rows.slice(3).filter((r) => r.some((v) => v !== null))).toEqual([]);
      expect(String(x.rows[1]![0])).toContain('共 0 件');
    });
  });

  describe('lists.export', () => {
    it('keeps numbers as numbers, dates and times as dates', async () => {
      const file = await call<DownloadFile>('lists.export', {
        title: '档案检查结果',
        note: '检查时间：2025年12月31日 10:00',
        columns: [{ header: '档案' }, { header: '件数', kind: 'number' }, { header: '金额', kind: 'money' }, { header: '日期', kind: 'date' }, { header: '时间', kind: 'datetime' }],
        rows: [
          ['#1', 3, 1234.5, '2025-03-05', '2025-12-04T06:05:00.000Z'],
          ['#2', null, '20', '', null],
        ],
      });
      const x = readXlsx(file);
      expect(x.title).toBe('档案检查结果');
      expect(x.rows[3]).toEqual(['#1', 3, 1234.5, '2025-03-05T00:00:00', expect.stringMatching(/^2025-12-04T\d\d:05:00$/)]);
      expect(x.formats.slice(1)).toEqual(['0', '#,##0.00', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm']);
      expect(x.rows[4]).toEqual(['#2', null, 20, null, null]);
      expect(x.orientation).toBe('portrait');
    });

    it('refuses a row longer than its columns, and too many rows, in Chinese', async () => {
      const long = await invoke(a.ctx, 'lists.export', { title: '表', columns: [{ header: '甲' }], rows: [['a', 'b']] }, env);
      expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!long.ok) expect(long.error.message).toContain('格数多于列数');
      const many = await invoke(a.ctx, 'lists.export', { title: '表', columns: [{ header: '甲' }], rows: Array.from({ length: 20_001 }, () => ['a']) }, env);
      if (!many.ok) expect(many.error.message).toContain('一次最多导出');
      else expect.unreachable();
    });
  });

  describe('a selection', () => {
    it('is searched and exported by its ids, in the sort asked for', async () => {
      const all = (await searchRecords(a.ctx, { sort: 'date' })).records;
      const ids = [all[4]!.id, all[0]!.id];
      expect((await searchRecords(a.ctx, { ids, sort: 'date' })).records.map((r) => r.id)).toEqual([all[0]!.id, all[4]!.id]);
      expect((await searchRecords(a.ctx, { ids: [] })).total).toBe(0);
      const x = readXlsx(await call<DownloadFile>('records.export', { ids, sort: 'date' }));
      expect(x.rows.slice(3).map((r) => r[1])).toEqual([all[0]!.title, all[4]!.title]);
    });
  });
});
