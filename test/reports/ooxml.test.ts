// Every XML part of every .docx and .xlsx the package writes meets the OOXML schema rules we rely on
// (integer attributes, element order in pPr/rPr/sectPr/tblPr/tcPr/worksheet/styles …, footers with a
// section code), checked by lxml; python-docx and openpyxl then open every file with warnings as
// errors. The checker is attacked too: planted faults must be found.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import type { ReportResult } from '../../src/shared/report';
import { tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

const PYTHON = '/usr/bin/python3';
const RULES = join(__dirname, 'ooxml_rules.py');

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  // a rural community too, for the BJ-NCSQ sheet and self-assessments
  a = await reportArchive({ communities: 4, perCommunity: 24 });
  out = tempDir('sanwu-ooxml-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir });
});
afterAll(async () => {
  await a.close();
  out.cleanup();
});

const check = (files: string[]): string[] => JSON.parse(execFileSync(PYTHON, [RULES, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

async function rewrite(file: string, into: string, part: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file(part)!.async('string');
  const changed = edit(xml);
  expect(changed, `${part} unchanged by the planted fault`).not.toBe(xml);
  zip.file(part, changed);
  const target = join(out.dir, into);
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer' }));
  return target;
}

describe('OOXML rules', () => {
  it('hold for every part of every docx and xlsx in the package, and python-docx/openpyxl open each without a warning', () => {
    const files = result.files.filter((f) => /\.(docx|xlsx)$/.test(f)).map((f) => join(result.path, f));
    expect(files.length).toBe(5 + 9); // work report, ledger, catalogue ×2, checklist; 4 communities' self-assessments
    expect(check(files)).toEqual([]);
  });

  it('find a decimal attribute, misordered properties and a footer without its section code', async () => {
    const report = join(result.path, `data/01_${YEAR}年度三务公开工作报告.docx`);
    const ledger = join(result.path, `data/02_${YEAR}年度三务公开台账.xlsx`);
    const decimal = await rewrite(report, 'decimal.docx', 'word/styles.xml', (x) => x.replace('w:line="700"', 'w:line="694.8"'));
    const order = await rewrite(report, 'order.docx', 'word/styles.xml', (x) => x.replace(/<w:keepNext\/><w:spacing ([^>]*)\/>/, '<w:spacing $1/><w:keepNext/>'));
    const sect = await rewrite(report, 'sect.docx', 'word/document.xml', (x) => x.replace(/(<w:pgSz [^>]*\/>)(<w:pgMar [^>]*\/>)/, '$2$1'));
    const footer = await rewrite(ledger, 'footer.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('&amp;C第', '第'));
    const problems = check([decimal, order, sect, footer]);
    expect(problems.some((p) => p.includes('decimal.docx') && p.includes('w:line="694.8"') && p.includes('not an integer'))).toBe(true);
    expect(problems.some((p) => p.includes('order.docx') && p.includes('<keepNext> out of order in <pPr>'))).toBe(true);
    expect(problems.some((p) => p.includes('sect.docx') && p.includes('<pgSz> out of order in <sectPr>'))).toBe(true);
    expect(problems.some((p) => p.includes('footer.xlsx') && p.includes('no section code'))).toBe(true);
    // openpyxl's own complaint about the footer, raised as an error
    expect(problems.some((p) => p.includes('footer.xlsx: UserWarning') && p.includes('header or footer'))).toBe(true);
  });
});
