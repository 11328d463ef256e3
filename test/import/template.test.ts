// `sanwu template`: the workbook a clerk fills in — exact headers, drop-downs, frozen headers,
// a 说明 sheet — and, filled in, it imports.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../src/main/core/import/import';
import { writeTemplate } from '../../src/main/core/import/template';
import { DEFAULT_VOCABULARY } from '../../src/shared/vocabulary';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';
import { COMMUNITY_HEADERS, RECORD_HEADERS, ROSTER_HEADERS } from './fixtures';

let a: TestArchive;
let path: string;
beforeEach(async () => {
  a = await tempArchive();
  path = join(a.dir, '模板.xlsx');
  await writeTemplate(path);
});
afterEach(async () => {
  await a.close();
});

async function load(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

/** The list a cell's drop-down offers, read through the formula into the list sheet. */
function dropDown(book: ExcelJS.Workbook, ws: ExcelJS.Worksheet, address: string): string[] {
  const dv = ws.getCell(address).dataValidation;
  expect(dv?.type).toBe('list');
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(dv!.formulae![0] as string)!;
  const list = book.getWorksheet(m[1]!)!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(list.getCell(`${m[2]}${r}`).value));
  return out;
}

describe('template', () => {
  it('has the three data sheets with the exact headers, frozen, and nothing below them', async () => {
    const book = await load();
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['档案登记', 'visible'],
      ['社区概况', 'visible'],
      ['人员与组织', 'visible'],
      ['说明', 'visible'],
      ['选项', 'hidden'],
    ]);
    for (const [name, headers] of [['档案登记', RECORD_HEADERS], ['社区概况', COMMUNITY_HEADERS], ['人员与组织', ROSTER_HEADERS]] as const) {
      const ws = book.getWorksheet(name)!;
      expect(headerOf(ws)).toEqual(headers);
      expect(ws.actualRowCount).toBe(1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(8);
    }
    expect(book.getWorksheet('档案登记')!.getColumn(4).width).toBe(40);
  });

  it('offers drop-downs from the vocabulary', async () => {
    const book = await load();
    const records = book.getWorksheet('档案登记')!;
    expect(dropDown(book, records, 'B2')).toEqual(['党务', '居务', '财务']);
    expect(dropDown(book, records, 'C100')).toEqual(Object.values(DEFAULT_VOCABULARY.kinds).flat());
    expect(dropDown(book, records, 'I2')).toEqual(DEFAULT_VOCABULARY.channels);
    expect(dropDown(book, records, 'K2')).toEqual(['永久', '定期30年', '定期10年']);
    expect(dropDown(book, records, 'N2')).toEqual(DEFAULT_VOCABULARY.fundCategories);
    expect(dropDown(book, book.getWorksheet('社区概况')!, 'C2')).toEqual(['城市', '农村']);
    expect(dropDown(book, book.getWorksheet('人员与组织')!, 'B2')).toEqual(DEFAULT_VOCABULARY.rosterKinds);
    expect(records.getCell('A2').dataValidation?.type).toBeUndefined();
  });

  it('explains every column with an example in the 说明 sheet', async () => {
    const ws = (await load()).getWorksheet('说明')!;
    const rows = new Map<string, unknown[]>();
    ws.eachRow((r) => {
      const v = r.values as unknown[];
      rows.set(`${String(v[1])}/${String(v[2])}`, v.slice(3));
    });
    for (const [sheet, headers] of [['档案登记', RECORD_HEADERS], ['社区概况', COMMUNITY_HEADERS], ['人员与组织', ROSTER_HEADERS]] as const) {
      for (const h of headers) expect(rows.get(`${sheet}/${h}`)?.[2], `${sheet}/${h}`).toBeTruthy();
    }
    expect(rows.get('档案登记/成文日期')).toEqual(['是', expect.stringContaining('2025年3月5日'), '2025-03-05']);
  });

  it('imports once filled in the way a clerk would', async () => {
    const book = await load();
    book.getWorksheet('社区概况')!.addRow(['梅园社区', 'S102', '城市', 900]);
    book.getWorksheet('人员与组织')!.addRow(['梅园社区', '法律顾问', '赵律师', new Date(Date.UTC(2025, 0, 1))]);
    book.getWorksheet('档案登记')!.addRow(['梅园社区', '党务', '主题党日', '3月主题党日活动记录', '梅园社区党委', '', new Date(Date.UTC(2025, 2, 20))]);
    await book.xlsx.writeFile(path);
    const r = await importWorkbooks(a.ctx, { files: [path] });
    expect(r).toMatchObject({ ok: true, imported: { records: 1, communities: 1, roster: 1, attachments: 0 }, errors: [] });
    expect(raw(a.ctx).prepare('SELECT retention, date FROM records').get()).toEqual({ retention: '定期10年', date: '2025-03-20' });
  });
});
