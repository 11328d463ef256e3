// LibreOffice renders the report and the ledger (as WPS and Word users will open them); the PDF text
// shows the content and the page numbers. CI installs LibreOffice; without it this file is skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

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

const SHARED_FONTS = join(__dirname, '../../../shared/tools/fontconfig-cjk.conf');

/** The shared CJK font mapping without its XML comments (fontconfig rejects `--` inside one). */
function fontconfig(dir: string): Record<string, string> {
  if (!existsSync(SHARED_FONTS)) return {};
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, readFileSync(SHARED_FONTS, 'utf8').replace(/<!--[\s\S]*?-->/g, ''));
  return { FONTCONFIG_FILE: file };
}

function toPdfText(source: string, name: string): { text: string; info: string } {
  const input = join(out.dir, name);
  copyFileSync(source, input);
  const env = { ...process.env, ...fontconfig(out.dir), HOME: out.dir };
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out.dir, input], { env, stdio: 'pipe', timeout: 120_000 });
  const pdf = input.replace(/\.\w+$/, '.pdf');
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }) };
}

describe.skipIf(!hasSoffice)('LibreOffice rendering', () => {
  it('renders the work report on A4 with its sections, numbers, page numbers and signature', () => {
    const { text, info } = toPdfText(join(result.path, `data/01_${YEAR}年度三务公开工作报告.docx`), 'report.docx');
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`幸福路街道${YEAR}年度三务公开工作报告`);
    for (const h of ['一、基本情况', '二、公开情况', '三、考评情况', '四、存在问题', '五、下一步工作']) expect(flat).toContain(h);
    const total = (raw(a.ctx).prepare('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL').get(YEAR) as { n: number }).n;
    expect(flat).toContain(`共形成三务公开档案${total}件`);
    expect(text).toMatch(/—\s?1\s?—/);
    expect(text).toMatch(/—\s?2\s?—/);
    expect(flat).toMatch(/幸福路街道2025年12月31日\s*—\s*\d+\s*—$/);
  });

  it('renders the ledger landscape with its records and totals', () => {
    const { text, info } = toPdfText(join(result.path, `data/02_${YEAR}年度三务公开台账.xlsx`), 'ledger.xlsx');
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const first = raw(a.ctx).prepare(`SELECT title FROM records WHERE year = ? AND affair = '党务' ORDER BY date LIMIT 1`).pluck().get(YEAR) as string;
    expect(text).toContain(first);
    expect(text).toContain('合计');
    expect(text).toContain('桃源社区');
  });
});
