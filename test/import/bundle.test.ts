// A .zip of workbooks and scans is one import: 附件 resolve inside it (letter case and Unicode form
// forgiven, as the sender's Windows or Mac wrote them), nothing leads out of it, hostile entries refuse
// the whole zip, and the unpacked copy never outlives the import.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/main/core/check';
import { engineOf } from '../../src/main/core/db';
import { importWorkbooks } from '../../src/main/core/import/import';
import type { ImportResult } from '../../src/shared/import';
import { ENGINES, rawQuery, tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { recordRow, recordsBook, writeBook, writeFile } from './fixtures';
import { hasOpenpyxl, pythonZip } from './writers';

if (!hasOpenpyxl) console.warn('test/import/bundle.test.ts skipped: python3 is not installed.');

let a: TestArchive;
let dir: string;
let book: string;
const unpacked = () => readdirSync(tmpdir()).filter((n) => n.startsWith('sanwu-zip-'));
let before: string[];

beforeAll(async () => {
  a = await tempArchive();
  dir = a.dir;
  book = await recordsBook(join(dir, 'src', '台账.xlsx'), [
    recordRow({ 题名: '有两份附件的一件', 附件: '附件/记录.PDF；附件/照片.jpg' }),
    recordRow({ 题名: '没有附件的一件' }),
  ]);
  before = unpacked();
});
afterAll(() => a.close());

const entries = () => [
  { name: '包/台账.xlsx', file: book },
  { name: '包/附件/记录.pdf', text: '%PDF-1.4 记录' },
  // a Mac zip: the name in decomposed form (NFD); the cell is typed composed
  { name: '包/附件/照片.jpg'.normalize('NFD'), bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]) },
];

async function refused(zip: string): Promise<ImportResult> {
  const counts = tableCounts(a.ctx);
  const r = await importWorkbooks(a.ctx, { files: [zip] });
  expect(r.ok).toBe(false);
  expect(tableCounts(a.ctx)).toEqual(counts);
  return r;
}

describe.skipIf(!hasOpenpyxl)('a .zip of workbooks and scans', () => {
  it.each(ENGINES)('imports the workbook with its scans (letter case and Unicode form forgiven), and leaves no unpacked copy, on %s', async (engine) => {
    const b = await tempArchive({ engine });
    try {
      const zip = pythonZip(join(dir, '报送.zip'), entries());
      const r = await importWorkbooks(b.ctx, { files: [zip] });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ ok: true, imported: { records: 2, attachments: 2 } });
      const files = await rawQuery<{ original_name: string; sha256: string }>(b.ctx, 'SELECT original_name, sha256 FROM attachments ORDER BY id');
      expect(files.map((f) => f.original_name)).toEqual(['记录.PDF', '照片.jpg']);
      for (const f of files) expect(await engineOf(b.ctx.db).files.has(f.sha256)).toBe(true);
      const sources = await rawQuery<{ source: string }>(b.ctx, 'SELECT source FROM records ORDER BY id');
      expect(sources.map((x) => x.source)).toEqual(['报送.zip/包/台账.xlsx!档案登记!2', '报送.zip/包/台账.xlsx!档案登记!3']);
      expect(unpacked()).toEqual(before);
      // every row the import wrote has its whole state in the audit log; the scans are in the store
      expect((await runCheck(b.ctx)).problems).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('refuses 附件 paths leading out of the zip, and says which', async () => {
    const evil = await recordsBook(join(dir, 'evil', '台账.xlsx'), [recordRow({ 附件: '../../../etc/passwd；附件/../../记录.pdf' })]);
    const zip = pythonZip(join(dir, 'evil.zip'), [{ name: '台账.xlsx', file: evil }, { name: '附件/记录.pdf', text: 'x' }]);
    const r = await refused(zip);
    expect(r.errors.map((e) => [e.file, e.row, e.column, e.message])).toEqual([
      ['evil.zip/台账.xlsx', 2, '附件', '“../../../etc/passwd”位于压缩包之外，只能引用压缩包内的文件；“附件/../../记录.pdf”位于压缩包之外，只能引用压缩包内的文件'],
    ]);
  });

  it.each([
    ['a path leading out', '../evil.txt', '中的“../evil.txt”指向压缩包之外，已拒绝整个压缩包；请重新压缩后再导入'],
    ['an absolute path', '/tmp/evil.txt', '中的“/tmp/evil.txt”是绝对路径，已拒绝整个压缩包；请重新压缩后再导入'],
    ['a drive letter', 'C:\\evil.txt', '中的“C:\\evil.txt”是绝对路径，已拒绝整个压缩包；请重新压缩后再导入'],
    ['a device name', 'nul.txt', '中的“nul.txt”是 Windows 保留的设备名，已拒绝整个压缩包；请重新压缩后再导入'],
  ])('refuses an entry with %s, unpacking nothing', async (_what, name, message) => {
    const zip = pythonZip(join(dir, 'hostile.zip'), [...entries(), { name, text: 'x' }]);
    const r = await refused(zip);
    expect(r.errors).toEqual([{ file: 'hostile.zip', sheet: '', row: null, column: null, message: `“hostile.zip”${message}` }]);
    expect(existsSync(join(tmpdir(), 'evil.txt'))).toBe(false);
    expect(unpacked()).toEqual(before);
  });

  it('refuses a symlink entry and names that differ only in letter case', async () => {
    let r = await refused(pythonZip(join(dir, 'link.zip'), [...entries(), { name: '包/附件/链接.pdf', text: '/etc/passwd', symlink: true }]));
    expect(r.errors[0]!.message).toBe('“link.zip”中的“包/附件/链接.pdf”是链接，不是文件，已拒绝整个压缩包；请放入文件本身后重新压缩');
    r = await refused(pythonZip(join(dir, 'case.zip'), [...entries(), { name: '包/附件/记录.PDF', text: 'y' }]));
    expect(r.errors[0]!.message).toBe('“case.zip”中有两个文件“包/附件/记录.pdf”和“包/附件/记录.PDF”，只有大小写不同，无法区分；请改名后重新压缩');
  });

  it('refuses an encrypted zip and one without a workbook', async () => {
    const zip = pythonZip(join(dir, 'locked.zip'), entries());
    const bytes = readFileSync(zip);
    // set the "encrypted" flag of every central directory entry
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) bytes.writeUInt8(bytes.readUInt8(at + 8) | 1, at + 8);
    writeFileSync(zip, bytes);
    expect((await refused(zip)).errors[0]!.message).toBe('“locked.zip”中的文件设有密码（已加密），无法读取；请取消密码后重新保存或压缩再导入');
    const scansOnly = pythonZip(join(dir, 'scans.zip'), [{ name: '记录.pdf', text: 'x' }]);
    expect((await refused(scansOnly)).errors[0]!.message).toBe('“scans.zip”中没有工作簿（.xlsx、.xls、.ods 或 .csv），请把填好的导入工作簿和扫描件一起压缩后再导入');
  });

  it('refuses a zip of more entries than the limit before unpacking any', async () => {
    const many = Array.from({ length: 20_001 }, (_, i) => ({ name: `附件/${i}.txt`, text: '' }));
    const r = await refused(pythonZip(join(dir, 'many.zip'), [{ name: '台账.xlsx', file: book }, ...many]));
    expect(r.errors[0]!.message).toBe('“many.zip”含有 20002 个文件，超过 20000 个的上限，请分成几个较小的文件分别导入');
    expect(unpacked()).toEqual(before);
  });

  it('a workbook without the import’s sheets is a scan if a row names it, else said so; a zip inside is left with a notice', async () => {
    const ledger = await writeBook(join(dir, 'att', '收支明细.xlsx'), { 收支明细: [['日期', '金额'], ['2025-03-05', 100]] });
    const main = await recordsBook(join(dir, 'att', '台账.xlsx'), [recordRow({ 题名: '附有明细表的一件', 附件: '附件/收支明细.xlsx' })]);
    const zip = pythonZip(join(dir, '带明细.zip'), [
      { name: '台账.xlsx', file: main },
      { name: '附件/收支明细.xlsx', file: ledger },
      { name: '其他/另一张表.xlsx', file: ledger },
      { name: '旧材料.zip', text: 'PK' },
    ]);
    const r = await importWorkbooks(a.ctx, { files: [zip], dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, imported: { records: 1, attachments: 1 } });
    expect(r.notices.map((n) => n.message)).toEqual([
      '压缩包中的“旧材料.zip”也是压缩包，没有读取；请解压后把其中的文件直接放入压缩包',
      '压缩包中的“其他/另一张表.xlsx”没有“档案登记”“社区概况”“人员与组织”工作表，也没有被哪一行的“附件”列引用，没有导入',
    ]);
  });

  it('with skip-invalid, writes the error workbook beside the zip', async () => {
    const bad = await recordsBook(join(dir, 'skip', '台账.xlsx'), [recordRow({ 题名: '好的一件（跳过测试）' }), recordRow({ 成文日期: '2025-13-01' })]);
    const zip = pythonZip(join(dir, 'skip.zip'), [{ name: '社区/台账.xlsx', file: bad }]);
    const r = await importWorkbooks(a.ctx, { files: [zip], skipInvalid: true });
    expect(r).toMatchObject({ ok: true, imported: { records: 1 }, errorWorkbooks: [join(dir, 'skip-台账.错误.xlsx')] });
    expect(existsSync(join(dir, 'skip-台账.错误.xlsx'))).toBe(true);
    expect(unpacked()).toEqual(before);
  });

  it('a plain workbook and a zip in one import, a damaged zip refused whole', async () => {
    writeFile(dir, 'broken.zip', Buffer.concat([readFileSync(pythonZip(join(dir, 'whole.zip'), entries())).subarray(0, 300)]));
    const r = await refused(join(dir, 'broken.zip'));
    expect(r.errors[0]!.message).toMatch(/^“broken.zip”不是 Excel 工作簿|^无法读取“broken.zip”/);
  });
});
