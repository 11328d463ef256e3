// LibreOffice renders the documents as WPS and Word users will print them; the PDF's text and its
// boxes (pdftotext -bbox-layout) and pixels (pdftoppm) prove the layout: 28 characters on a full line,
// titles broken between words, the page number's dash 7 mm under the text block, covers unnumbered
// and volumes numbered from 1, and the 考评 sheet's glyphs at 9 pt or more. CI installs LibreOffice
// and poppler; without them this file is skipped with a warning.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';
import { officeEnv } from '../helpers/office';

const hasSoffice = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
if (!hasSoffice) console.warn('test/reports/render.test.ts skipped: LibreOffice (soffice) or poppler (pdftotext) is not installed.');

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  if (!hasSoffice) return;
  a = await reportArchive({ communities: 2, perCommunity: 24 });
  out = tempDir('sanwu-render-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: join(out.dir, 'out') });
});
afterAll(async () => {
  await a?.close();
  out?.cleanup();
});

function toPdf(source: string, name: string): string {
  const input = join(out.dir, name);
  copyFileSync(source, input);
  const env = officeEnv(out.dir);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(out.dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out.dir, input], { env, stdio: 'pipe', timeout: 180_000 });
  return input.replace(/\.\w+$/, '.pdf');
}

const MM = 25.4 / 72;

interface Line {
  page: number;
  /** mm from the page's left and top edges */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
  /** word box heights, pt */
  heights: number[];
}

/** Every text line of the PDF, with its box. */
function pdfLines(pdf: string): Line[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out: Line[] = [];
  html.split(/<page /).slice(1).forEach((page, p) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5]!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      out.push({
        page: p + 1,
        x0: Number(m[1]) * MM,
        y0: Number(m[2]) * MM,
        x1: Number(m[3]) * MM,
        y1: Number(m[4]) * MM,
        text: words.map((w) => w[3]).join(''),
        heights: words.map((w) => Number(w[2]) - Number(w[1])),
      });
    }
  });
  return out;
}

/** Lines that run the full width of the 156 mm block (28 mm to 184 mm) and hold only full-width characters. */
const fullCjkLines = (lines: Line[]) => lines.filter((l) => l.x0 < 29 && l.x1 > 183 && l.x1 < 185 && ![...l.text].some((c) => c.codePointAt(0)! < 0x2e80));

/** The vertical extent (mm) of the dark pixels in a box of a page, at 300 dpi. */
function inkRows(pdf: string, page: number, box: { x: number; y: number; w: number; h: number }): { top: number; bottom: number } | null {
  const dpi = 300;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const pgm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-x', String(px(box.x)), '-y', String(px(box.y)), '-W', String(px(box.w)), '-H', String(px(box.h)), pdf], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const dark: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[y * w + x]! < 128) dark.push(y);
  if (dark.length === 0) return null;
  const mm = (row: number) => box.y + (row / dpi) * 25.4;
  return { top: mm(Math.min(...dark)), bottom: mm(Math.max(...dark)) };
}

describe.skipIf(!hasSoffice)('LibreOffice rendering', () => {
  let report: Line[];
  let reportPdf: string;
  beforeAll(() => {
    if (!hasSoffice) return;
    reportPdf = toPdf(join(result.path, `data/01_${YEAR}年度三务公开工作报告.docx`), 'report.docx');
    report = pdfLines(reportPdf);
  });

  it('sets the work report 28 characters to a full line, in the 156 mm block', () => {
    expect(execFileSync('pdfinfo', [reportPdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const full = fullCjkLines(report);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const l of full) expect([...l.text].length, l.text).toBe(28);
    // the body's left edge is the 28 mm margin
    expect(Math.min(...report.filter((l) => l.page === 1).map((l) => l.x0))).toBeCloseTo(28, 0);
  });

  it('breaks the title between words, upper line longer, and lays out the parts of the report', () => {
    const titleAt = report.findIndex((l) => l.text.startsWith('幸福路街道关于'));
    expect([report[titleAt]!.text, report[titleAt + 1]!.text]).toEqual(['幸福路街道关于2025年度', '三务公开工作情况的报告']);
    const flat = report.map((l) => l.text).join('');
    for (const h of ['幸福路街道文件', '签发人：', '区民政局：', '一、基本情况', '二、主要做法和成效', '三、考评情况', '四、存在问题', '五、下一步打算', '特此报告。', '附件：1.']) expect(flat).toContain(h);
    const total = (raw(a.ctx).prepare('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL').get(YEAR) as { n: number }).n;
    expect(flat).toContain(`共形成三务档案${total}件`);
    expect(flat).toMatch(/幸福路街道2025年12月31日—\d+—$/);
  });

  it('puts the page number\'s dash 7 mm under the text block, right on odd pages and left on even ones', () => {
    const pages = Math.max(...report.map((l) => l.page));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const page of [1, 2]) {
      const number = report.find((l) => l.page === page && /^—\d+—$/.test(l.text))!;
      expect(number.text).toBe(`—${page}—`);
      // odd: right, one 4号 character in from the block's edge (184 mm); even: left, from 28 mm
      if (page % 2) expect(184 - number.x1).toBeCloseTo(14 * MM, 0);
      else expect(number.x0 - 28).toBeCloseTo(14 * MM, 0);
      // the dash's ink (not its type box): 7 mm under the block's foot at 262 mm
      const ink = inkRows(reportPdf, page, { x: number.x0, y: 262, w: 3, h: 20 })!;
      expect(ink.top - 262, `page ${page}`).toBeGreaterThan(6.3);
      expect(ink.top - 262, `page ${page}`).toBeLessThan(7.7);
    }
  });

  it('renders a self-assessment 28 to a line, its title broken between words', () => {
    const pdf = toPdf(join(result.path, 'data/03_自评报告/桃源社区_北京市民主法治示范社区建设指导标准自评报告.docx'), 'self.docx');
    const lines = pdfLines(pdf);
    expect(lines.slice(0, 2).map((l) => l.text)).toEqual(['桃源社区2025年度民主法治', '示范社区自评报告']);
    const full = fullCjkLines(lines);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const l of full) expect([...l.text].length, l.text).toBe(28);
    const flat = lines.map((l) => l.text).join('');
    expect(flat).toContain('待人工认定（7项）');
    expect(flat).not.toContain('无一票否决事项');
  });

  it('renders the catalogue with unnumbered covers, each volume numbered from 1, and the box forms', () => {
    const pdf = toPdf(join(result.path, `data/04_${YEAR}年度归档文件目录.docx`), 'catalogue.docx');
    const lines = pdfLines(pdf);
    const pages = Math.max(...lines.map((l) => l.page));
    const on = (p: number) => lines.filter((l) => l.page === p).map((l) => l.text);
    const covers = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => on(p).includes('归档文件目录') && on(p).some((t) => t.startsWith('全宗号：')));
    const volumes = raw(a.ctx).prepare('SELECT DISTINCT fonds_code, category_code, retention FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL').all(YEAR);
    expect(covers).toHaveLength(volumes.length);
    for (const p of covers) {
      expect(on(p).some((t) => /^—\d+—$/.test(t)), `cover on page ${p}`).toBe(false);
      expect(on(p + 1), `page after the cover on ${p}`).toContain('—1—');
    }
    expect(lines.filter((l) => l.text === '备考表').length).toBeGreaterThan(0);
    expect(lines.some((l) => l.text === '起止件号')).toBe(true);
  });

  it('prints the 考评 sheet landscape with no glyph below 9 pt', () => {
    const pdf = toPdf(join(result.path, `data/02_${YEAR}年度三务公开台账.xlsx`), 'ledger.xlsx');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const lines = pdfLines(pdf);
    // the type box of 仿宋/宋体 (one font here) per point of size, from the work report's 16 pt body
    const body = report.filter((l) => l.page === 1 && fullCjkLines([l]).length === 1).flatMap((l) => l.heights);
    const boxPerPt = body.reduce((s, h) => s + h, 0) / body.length / 16;
    const pages = new Set(lines.filter((l) => l.text.includes('年度考评情况（')).map((l) => l.page));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    const glyphs = lines.filter((l) => pages.has(l.page)).flatMap((l) => l.heights.map((h) => h / boxPerPt));
    expect(Math.min(...glyphs)).toBeGreaterThanOrEqual(9 - 0.05);
    const flat = lines.filter((l) => pages.has(l.page)).map((l) => l.text).join('');
    expect(flat).toContain('待认定');
    expect(flat).toMatch(/暂评(达标|基本达标|不达标)/);
    expect(flat).toMatch(/第\d+页，共\d+页/);
  });
});
