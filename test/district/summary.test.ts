// `sanwu summary`: the district's xlsx and GB/T 9704 docx from the packages it received, read back by
// openpyxl and python-docx (warnings as errors), held to the OOXML rules, rendered by LibreOffice.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOffice } from '../../src/main/core/district/offices';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { fixedClock, tempDir } from '../helpers/archive';
import { sanwuAt, streetOffice, writePackage } from './helpers';

const PYTHON = '/usr/bin/python3';
const RULES = join(__dirname, '../reports/ooxml_rules.py');
const tmp = tempDir('sanwu-summary-');
afterAll(() => tmp.cleanup());
const district = join(tmp.dir, 'district');
const out = join(tmp.dir, 'summary');
let files: string[] = [];
let received = 0;

beforeAll(async () => {
  const a = await streetOffice(tmp.dir, '幸福路街道办事处', 1);
  const b = await streetOffice(tmp.dir, '光华街道办事处', 2, { communities: 2 });
  const pa = await writePackage(tmp.dir, a, '2026-01-12T09:30:00+08:00', 'out-a');
  const pb = await writePackage(tmp.dir, b, '2026-02-03T09:30:00+08:00', 'out-b');
  expect((await sanwuAt('2026-01-05T09:00:00+08:00', ['init', '--db', district, '--name', '和平区民政局', '--district'], tmp.dir)).code).toBe(0);
  const ctx = await openArchive(district, { clock: fixedClock('2026-01-05T09:00:00+08:00'), actor: 'test' });
  await addOffice(ctx, { name: '东风街道办事处' });
  await closeArchive(ctx);
  // one on time, one after the deadline (31 January)
  const r1 = await sanwuAt('2026-01-20T10:00:00+08:00', ['receive', '--db', district, pa.bag, '--add-office', '--json'], tmp.dir);
  const r2 = await sanwuAt('2026-02-05T10:00:00+08:00', ['receive', '--db', district, pb.bag, '--add-office', '--json'], tmp.dir);
  received = [r1, r2].reduce((n, r) => n + JSON.parse(r.stdout).received[0].records, 0);
  const s = await sanwuAt('2026-02-10T10:00:00+08:00', ['summary', '--db', district, '--year', '2025', '--out', out, '--json'], tmp.dir);
  expect(s.code, s.stderr).toBe(0);
  files = JSON.parse(s.stdout).files;
}, 180_000);

const python = (script: string, file: string): any => JSON.parse(execFileSync(PYTHON, ['-W', 'error', '-c', script, file], { encoding: 'utf8' }));

describe('sanwu summary', () => {
  it('writes the xlsx and the docx into --out', () => {
    expect(files).toEqual([join(out, '2025年度全区三务公开汇总表.xlsx'), join(out, '2025年度全区三务公开工作情况报告.docx')]);
    for (const f of files) expect(existsSync(f)).toBe(true);
  });

  it('the workbook says who reported, late or not, and its totals are the records received (openpyxl)', () => {
    const book = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
vals = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {}
for ws in wb.worksheets:
    v = vals[ws.title]
    out[ws.title] = {"rows": [[c for c in r] for r in v.iter_rows(values_only=True)], "formulas": [c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("=")][:5],
                     "titles": ws.print_title_rows, "freeze": ws.freeze_panes, "paper": ws.page_setup.paperSize, "footer": ws.oddFooter.center.text}
print(json.dumps(out, ensure_ascii=False, default=str))
`,
      files[0]!,
    );
    expect(Object.keys(book).slice(0, 2)).toEqual(['报送情况', '汇总']);
    expect(Object.keys(book)).toContain('问题清单');
    expect(Object.keys(book).some((k) => k.startsWith('考评-'))).toBe(true);
    for (const sheet of Object.values(book) as any[]) {
      expect(sheet).toMatchObject({ titles: '$1:$3', freeze: 'A4', paper: 9 });
      expect(sheet.footer).toContain('&P');
    }
    const states = Object.fromEntries(book['报送情况'].rows.slice(3, 6).map((r: unknown[]) => [r[1], r[2]]));
    expect(states).toEqual({ 幸福路街道办事处: '已报送', 光华街道办事处: '逾期报送', 东风街道办事处: '未报送' });
    const totals = book['汇总'].rows.at(-1);
    expect(totals[0]).toBe('合计');
    expect(totals.at(-1)).toBe(received);
    expect(book['汇总'].formulas.length).toBeGreaterThan(0);
    // 5 communities × 3 类别, the header rows and the totals
    expect(book['汇总'].rows.length).toBe(3 + 15 + 1);
    const problems = book['问题清单'].rows.slice(3);
    expect(problems[0].slice(1, 6)).toEqual(['东风街道办事处', '—', '—', '年度报送包', '未报送']);
  });

  it('the report is a 公文 with 基本情况, 存在问题 by street office and 下一步打算 (python-docx)', () => {
    const doc = python(
      `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`,
      files[1]!,
    );
    const text: string[] = doc.paragraphs;
    for (const h of ['一、基本情况', '二、存在问题', '三、下一步打算', '（一）东风街道办事处', '（二）光华街道办事处', '（三）幸福路街道办事处', '特此报告。']) expect(text).toContain(h);
    expect(text.join('')).toContain('和平区民政局关于2025年度全区三务公开工作情况的报告'.slice(0, 6));
    expect(text.join('')).toMatch(/按时报送2025年度三务公开报送包的1个，逾期报送的1个（光华街道办事处），未报送的1个（东风街道办事处）/);
    expect(text.join('')).toContain(`形成三务档案${received}件`);
    expect(doc.tables).toHaveLength(3);
    expect(doc.tables[1].at(-1)[0]).toBe('合计');
    expect(doc.tables[1].at(-1).at(-1)).toBe(String(received));
    expect(text).toContain('区人民政府：');
  });

  it('both meet the OOXML rules the package is held to', () => {
    expect(JSON.parse(execFileSync(PYTHON, [RULES, ...files], { encoding: 'utf8' }))).toEqual([]);
  });
});
