// "Done when" of issue 12: the same records, written by other software, import the same. The template
// filled with openpyxl is the reference; LibreOffice re-saves it as .xlsx, .xls and .ods; openpyxl's
// write-only mode, exceljs and SheetJS write it anew; a sheet with a merged title row and shuffled
// columns; a .zip of the workbook with its scans (UTF-8 names, and GBK names as Chinese Windows zips).
// Every one imports exactly the reference's records, communities, roster and attachments.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../src/main/core/import/import';
import { writeTemplate } from '../../src/main/core/import/template';
import type { ImportResult } from '../../src/shared/import';
import { tempArchive, tempDir } from '../helpers/archive';
import { COMMUNITY_HEADERS, RECORD_HEADERS } from './fixtures';
import { importedContent } from './imported';
import { book, COMMUNITIES, RECORDS, SCANS, withoutScans, withScans } from './same-records';
import { copyInto, exceljsBook, hasOpenpyxl, hasSoffice, libreOfficeSave, openpyxlBook, PYTHON, pythonZip, sheetjsBook, type Value } from './writers';

if (!hasOpenpyxl || !hasSoffice) console.warn('test/import/other-writers.test.ts skipped: python3-openpyxl or LibreOffice (soffice) is not installed.');

let tmp: { dir: string; cleanup: () => void };
let reference: Awaited<ReturnType<typeof importedContent>>;
let filled: string;

/** Imports the files into a fresh archive; returns the result and what the archive then holds. */
async function importFresh(files: string[]): Promise<{ result: ImportResult; content: Awaited<ReturnType<typeof importedContent>> }> {
  const a = await tempArchive();
  try {
    const result = await importWorkbooks(a.ctx, { files });
    return { result, content: await importedContent(a.ctx) };
  } finally {
    await a.close();
  }
}

beforeAll(async () => {
  if (!hasOpenpyxl || !hasSoffice) return;
  tmp = tempDir('sanwu-writers-');
  const template = join(tmp.dir, '模板.xlsx');
  await writeTemplate(template);
  // the template has its header rows: the clerk's rows go below them
  const rowsOnly = book().map((s) => ({ ...s, rows: s.rows.slice(1) }));
  filled = openpyxlBook(join(withScans(join(tmp.dir, 'filled')), '桃源梅园2025.xlsx'), rowsOnly, { template });
  const { result, content } = await importFresh([filled]);
  expect(result.errors).toEqual([]);
  expect(result).toMatchObject({ ok: true, imported: { records: 4, communities: 1, roster: 2, attachments: 4 } });
  reference = content;
}, 60_000);
afterAll(() => tmp?.cleanup());

describe.skipIf(!hasOpenpyxl || !hasSoffice)('workbooks written by other software import the same records', () => {
  it('the reference holds what the rows say', () => {
    const byTitle = new Map(reference.records.map((r) => [r.title, r]));
    expect([...byTitle.keys()].sort()).toEqual(RECORDS.map((r) => String(r[3])).sort());
    expect(byTitle.get('居务监督委员会3月例会记录')).toMatchObject({ date: '2025-03-05', disclosureDate: '2025-03-08', notes: '纪要&<>"\'另附' });
    expect(byTitle.get('居务监督委员会3月例会记录')!.attachments.map((x) => x.name)).toEqual(['3月例会记录.pdf', '公开栏照片.jpg']);
    expect(byTitle.get('2025年第一季度惠民资金使用情况公开')).toMatchObject({ date: '2025-04-01', disclosureDate: '2025-04-03', incomeFen: 2_000_000, expenseFen: 123_450, retention: '定期30年' });
    expect(byTitle.get('梅园社区党支部５月主题党日活动记录')).toMatchObject({ community: '梅园社区', date: '2025-05-20', notes: '前后有空格' });
    expect(byTitle.get('梅园社区2025年居民会议决议')).toMatchObject({ date: '2025-06-30', retention: '永久', channel: '微信群' });
    expect(reference.roster).toHaveLength(2);
    expect(reference.communities).toHaveLength(2);
  });

  it.each([['xlsx'], ['xls'], ['ods']] as const)('LibreOffice re-saved as .%s', async (format) => {
    const file = libreOfficeSave(filled, format, withScans(join(tmp.dir, `lo-${format}`)));
    const { result, content } = await importFresh([file]);
    expect(result.errors).toEqual([]);
    expect(content).toEqual(reference);
  }, 120_000);

  it('openpyxl in write-only mode (as pandas writes)', async () => {
    const file = openpyxlBook(join(withScans(join(tmp.dir, 'write-only')), 'w.xlsx'), book(), { writeOnly: true });
    const { result, content } = await importFresh([file]);
    expect(result.errors).toEqual([]);
    expect(content).toEqual(reference);
  });

  it('exceljs and SheetJS (.xlsx, .xls, .ods)', async () => {
    const dir = withScans(join(tmp.dir, 'libs'));
    const files = [
      await exceljsBook(join(dir, 'exceljs.xlsx'), book()),
      sheetjsBook(join(dir, 'sheetjs.xlsx'), book(), 'xlsx'),
      sheetjsBook(join(dir, 'sheetjs.xls'), book(), 'biff8'),
      sheetjsBook(join(dir, 'sheetjs.ods'), book(), 'ods'),
    ];
    for (const file of files) {
      const { result, content } = await importFresh([file]);
      expect(result.errors, file).toEqual([]);
      expect(content, file).toEqual(reference);
    }
  });

  it('a merged title row, shuffled columns and an extra column, said in notices', async () => {
    const order = [3, 0, 15, 6, 1, 2, 5, 4, 14, 13, 12, 11, 10, 9, 8, 7];
    const shuffle = (r: Value[]) => ['序号', ...order.map((i) => r[i]!)];
    const spec = book(
      RECORDS.map((r, i) => [i + 1, ...shuffle(r).slice(1)]),
      shuffle(RECORD_HEADERS) as string[],
    );
    spec[0]!.rows.unshift(['2025年度桃源、梅园社区档案登记表']);
    spec[0]!.merges = ['A1:Q1'];
    const file = openpyxlBook(join(withScans(join(tmp.dir, 'shuffled')), '登记表.xlsx'), spec);
    for (const f of [file, libreOfficeSave(file, 'xls', withScans(join(tmp.dir, 'shuffled-xls')))]) {
      const { result, content } = await importFresh([f]);
      expect(result.errors).toEqual([]);
      expect(content).toEqual(reference);
      expect(result.notices.map((n) => [n.sheet, n.row, n.message])).toEqual([
        ['档案登记', 2, '表头在第2行，其上方的第1行“2025年度桃源、梅园社区档案登记表”是标题或说明，已跳过'],
        ['档案登记', 2, '第2行表头中的“序号”不是导入模板中的列，这些列已忽略'],
      ]);
    }
  }, 120_000);

  it('a .zip of the workbook and its scans, with UTF-8 or GBK (Windows) names', async () => {
    for (const gbk of [false, true]) {
      const zip = pythonZip(join(tmp.dir, `报送${gbk ? '-gbk' : ''}.zip`), [
        { name: '2025年报送/桃源梅园2025.xlsx', file: filled, gbk },
        ...Object.keys(SCANS).map((rel) => ({ name: `2025年报送/${rel}`, file: join(tmp.dir, 'filled', rel), gbk })),
        { name: '2025年报送/附件/未登记的照片.jpg', text: 'x', gbk },
      ]);
      const { result, content } = await importFresh([zip]);
      expect(result.errors).toEqual([]);
      expect(content).toEqual(reference);
      expect(result.notices.map((n) => n.message)).toEqual(['压缩包中有 1 个文件没有被任何一行的“附件”列引用，没有导入：“2025年报送/附件/未登记的照片.jpg”']);
    }
  });

  it('hidden sheets stay unread in .xls and .ods too (LibreOffice keeps them hidden)', async () => {
    const dir = join(tmp.dir, 'hidden');
    const rows = withoutScans().slice(2);
    const file = openpyxlBook(join(dir, '隐藏.xlsx'), [
      { name: '档案登记', rows: [RECORD_HEADERS, ...rows] },
      { name: ' 档案登记 ', rows: [RECORD_HEADERS, ...withoutScans().slice(0, 2)], state: 'hidden' },
      { name: '社区概况', rows: [COMMUNITY_HEADERS, ...COMMUNITIES] },
    ]);
    for (const f of [file, libreOfficeSave(file, 'xls', dir), libreOfficeSave(file, 'ods', dir)]) {
      const a = await tempArchive();
      try {
        const r = await importWorkbooks(a.ctx, { files: [f] });
        expect(r, f).toMatchObject({ ok: true, imported: { records: 2 } });
        expect(r.notices.map((n) => n.message), f).toEqual(['工作表“ 档案登记 ”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入']);
      } finally {
        await a.close();
      }
    }
  }, 120_000);

  it('skip-invalid on an .xls: the refused row and its reason go to an .xlsx beside it, as openpyxl reads it back', async () => {
    const dir = withScans(join(tmp.dir, 'skip-xls'));
    const rows = [...RECORDS.slice(0, 2), ['桃源社区', '居务', '居民会议', '日期有误的一件', '', '', '2025-13-45', null, null, null, null, null, null, null, null, null]];
    const xls = libreOfficeSave(openpyxlBook(join(dir, '有误.xlsx'), book(rows)), 'xls', join(dir, 'xls'));
    withScans(join(dir, 'xls'));
    const a = await tempArchive();
    try {
      const r = await importWorkbooks(a.ctx, { files: [xls], skipInvalid: true });
      expect(r).toMatchObject({ ok: true, imported: { records: 2 }, errorWorkbooks: [join(dir, 'xls', '有误.错误.xlsx')] });
      const read = execFileSync(PYTHON, ['-c', 'import sys, json, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])["档案登记"]; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))', r.errorWorkbooks![0]!], { encoding: 'utf8' });
      const [header, refused, ...rest] = JSON.parse(read) as unknown[][];
      expect(header!.at(-1)).toBe('错误原因');
      expect(refused!.slice(0, 4)).toEqual(['桃源社区', '居务', '居民会议', '日期有误的一件']);
      expect(String(refused!.at(-1))).toMatch(/^成文日期：/);
      expect(rest).toEqual([]);
    } finally {
      await a.close();
    }
  }, 120_000);

  it('copies of the same rows sent again add nothing, whatever program wrote them', async () => {
    const a = await tempArchive();
    try {
      const dir = withScans(join(tmp.dir, 'again'));
      const first = await importWorkbooks(a.ctx, { files: [copyInto(dir, filled)] });
      expect(first.imported.records).toBe(4);
      const again = await importWorkbooks(a.ctx, { files: [libreOfficeSave(filled, 'ods', dir)] });
      expect(again).toMatchObject({ ok: true, imported: { records: 0, roster: 0, attachments: 0 }, duplicates: 6 });
    } finally {
      await a.close();
    }
  }, 120_000);
});
