// The 归档章 on copies of PDFs, read back as a receiver would: rendered by poppler (the red ink sits at the
// top right of the first page as displayed, the page's own content still there), its text extracted
// (the six cells' names and values), its font embedded. PDFs from LibreOffice and pdf-lib, rotated
// pages, an offset crop box, content that leaves a scaled drawing state behind; encrypted and damaged
// files are copied as they are, saying why.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatTransformationMatrix, degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampedCopy, type StampCells } from '../../src/main/core/stamp';
import { stampFontBytes, uncovered } from '../../src/main/core/stamp/fonts';
import { STAMP_FONT_BASE64 } from '../../src/main/core/stamp/font-data';
import { tempDir } from '../helpers/archive';
import { firstPageInk, pdfFonts, pdfText } from './render';
import { officeEnv } from '../helpers/office';

const CELLS: StampCells = { fonds: 'S101', year: '2025', itemNo: '0012', problem: 'JW', retention: '永久', pages: '3' };
const tmp = tempDir('sanwu-stamp-');
afterAll(() => tmp.cleanup());

async function pdfWith(options: { rotate?: number; crop?: [number, number, number, number]; text?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(options.text ?? 'Original content of the page', { x: 60, y: 700, size: 20, font });
  if (options.crop) page.setCropBox(...options.crop);
  if (options.rotate) page.setRotation(degrees(options.rotate));
  return doc.save();
}

async function stampTo(name: string, source: Uint8Array, cells = CELLS) {
  const outcome = await stampedCopy(source, cells);
  const file = join(tmp.dir, name);
  writeFileSync(file, outcome.bytes);
  return { ...outcome, file };
}

/** The stamp is 45 × 16 mm, 8 mm in from the top and right edges of the displayed page. */
function expectTopRight(file: string, page: { widthMm: number; heightMm: number }): void {
  const ink = firstPageInk(file);
  expect(ink.red).not.toBeNull();
  const r = ink.red!;
  const tol = 0.02;
  expect(r.right).toBeCloseTo(1 - 8 / page.widthMm, 1);
  expect(r.right - r.left).toBeGreaterThan(45 / page.widthMm - tol);
  expect(r.right - r.left).toBeLessThan(45 / page.widthMm + tol);
  expect(r.top).toBeCloseTo(8 / page.heightMm, 1);
  expect(r.bottom - r.top).toBeGreaterThan(16 / page.heightMm - tol);
  expect(r.bottom - r.top).toBeLessThan(16 / page.heightMm + tol);
}

function expectStampText(file: string, cells = CELLS): void {
  const text = pdfText(file).replace(/\s+/g, ' ');
  for (const word of ['全宗号', '年度', '件号', '机构(问题)', '保管期限', '页数', cells.fonds, cells.year, cells.itemNo, cells.problem, cells.retention, cells.pages]) {
    expect(text).toContain(word);
  }
  // row 1 reads 全宗号 年度 件号, row 2 机构(问题) 保管期限 页数, each name over its value
  expect(text).toMatch(/全宗号 年度 件号 .*S101 2025 0012 .*机构\(问题\) 保管期限 页数 .*JW 永久 3/);
}

describe('the 归档章 on a copy', () => {
  it('is drawn at the top right of a pdf-lib page, its text and font readable, the page content kept', async () => {
    const source = await pdfWith();
    const s = await stampTo('plain.pdf', source);
    expect(s.stamped).toBe(true);
    expect(Buffer.from(source)).not.toEqual(Buffer.from(s.bytes));
    expectTopRight(s.file, { widthMm: 210, heightMm: 297 });
    expectStampText(s.file);
    expect(pdfText(s.file)).toContain('Original content of the page');
    expect(pdfFonts(s.file)).toContainEqual(expect.objectContaining({ name: expect.stringMatching(/^SanwuStamp-Regular/), embedded: true }));
    // a subset: the carried font is 17 KB, the stamp adds a few
    expect(s.bytes.byteLength - source.byteLength).toBeLessThan(12_000);
  });

  it('stays at the top right, upright, on rotated pages and with an offset crop box', async () => {
    for (const rotate of [90, 180, 270]) {
      const s = await stampTo(`rot${rotate}.pdf`, await pdfWith({ rotate }));
      const turned = rotate !== 180;
      expectTopRight(s.file, turned ? { widthMm: 297, heightMm: 210 } : { widthMm: 210, heightMm: 297 });
      expectStampText(s.file);
    }
    // the visible page is the crop box (here 150 × 200 pt in from 40, 500)
    const s = await stampTo('crop.pdf', await pdfWith({ crop: [40, 600, 400, 200] }));
    expectTopRight(s.file, { widthMm: (400 * 25.4) / 72, heightMm: (200 * 25.4) / 72 });
  });

  it('is not moved by content that leaves a scaled drawing state behind', async () => {
    // a page whose content scales by 3 and never restores (no q … Q): unwrapped, the stamp would land off the page
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.pushOperators(concatTransformationMatrix(3, 0, 0, 3, 0, 0));
    page.drawRectangle({ x: 10, y: 10, width: 20, height: 20 });
    const s = await stampTo('ctm.pdf', await doc.save());
    expectTopRight(s.file, { widthMm: 210, heightMm: 297 });
  });

  it('stamps a PDF LibreOffice wrote (Chinese text, its own fonts)', () => {
    const dir = join(tmp.dir, 'lo');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, '会议记录.txt'), '桃源社区居民会议记录\n时间：2025年3月5日\n出席：居民代表41人\n');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, '会议记录.txt')], {
      env: officeEnv(dir),
      stdio: 'pipe',
      timeout: 180_000,
    });
    const source = readFileSync(join(dir, '会议记录.pdf'));
    expect(source.subarray(0, 5).toString()).toBe('%PDF-');
    return stampTo('libreoffice.pdf', source).then((s) => {
      expect(s.stamped).toBe(true);
      expectTopRight(s.file, { widthMm: 210, heightMm: 297 });
      expectStampText(s.file);
      expect(pdfText(s.file)).toContain('桃源社区居民会议记录');
    });
  });

  it('fills 页数 from the PDF when the record has none', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 4; i++) doc.addPage([595, 842]);
    const s = await stampTo('pages.pdf', await doc.save(), { ...CELLS, pages: '' });
    expect(pdfText(s.file).replace(/\s+/g, ' ')).toMatch(/JW 永久 4/);
  });
});

describe('what cannot be stamped is copied as it is, saying why', () => {
  it('an encrypted PDF', async () => {
    const source = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>endobj\ntrailer<</Root 1 0 R/Encrypt 3 0 R>>\n%%EOF\n',
    );
    const s = await stampedCopy(source, CELLS);
    expect(s).toMatchObject({ stamped: false, note: expect.stringContaining('PDF 已加密') });
    expect(s.bytes).toBe(source);
  });

  it('a damaged PDF and one without pages', async () => {
    const damaged = Buffer.from('%PDF-1.7\n\u0000\u0001garbage that is not a PDF at all');
    expect(await stampedCopy(damaged, CELLS)).toMatchObject({ stamped: false, bytes: damaged, note: 'PDF 文件已损坏或无法读取，不能加盖归档章，按原样复制' });
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    expect(await stampedCopy(empty, CELLS)).toMatchObject({ stamped: false, bytes: empty, note: expect.stringContaining('PDF 没有页面') });
  });
});

describe('the font', () => {
  it('is carried by the app: the module holds exactly resources/fonts/sanwu-stamp.ttf, a small subset', () => {
    expect(Buffer.from(STAMP_FONT_BASE64, 'base64')).toEqual(readFileSync(join(__dirname, '../../resources/fonts/sanwu-stamp.ttf')));
    expect(stampFontBytes().byteLength).toBeLessThan(40_000);
    // every character a stamp can hold by the field rules: its words, the retention terms, printable ASCII
    const ascii = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i));
    expect(uncovered(`全宗号年度件号机构(问题)保管期限页数永久定期30年10年${ascii}`)).toBe('');
    expect(uncovered('全宗号街道')).toBe('街道');
  });

  it('copies unstamped, saying so, a PDF whose stamp would need a character it lacks', async () => {
    const source = await pdfWith();
    const s = await stampedCopy(source, { ...CELLS, fonds: '街道' });
    expect(s).toMatchObject({ stamped: false, note: '归档章的字体没有“街道”（全宗号、问题代码应为字母和数字），按原样复制，未加盖归档章' });
    expect(s.bytes).toBe(source);
  });
});

beforeAll(() => {
  execFileSync('pdftoppm', ['-v'], { stdio: 'pipe' });
});
