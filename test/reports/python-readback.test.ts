// An independent reader: Debian's openpyxl and python-docx open what we wrote, as another program
// would, and report what they see. CI installs them; without them this file is skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

const PYTHON = '/usr/bin/python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import openpyxl, docx']).status === 0;
if (!hasPython) console.warn('test/reports/python-readback.test.ts skipped: python3-openpyxl / python3-docx are not installed.');

const READ_XLSX = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {"rows": ws.max_row, "freeze": ws.freeze_panes, "titles": ws.print_title_rows,
                     "paper": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation,
                     "scale": ws.page_setup.scale, "footer": ws.oddFooter.center.text,
                     "font": ws.cell(row=4, column=1).font.name, "default_font": wb._fonts[0].name}
print(json.dumps(out, ensure_ascii=False))
`;

const READ_DOCX = `
import json, sys, docx
d = docx.Document(sys.argv[1])
twips = lambda v: round(v / 635)
print(json.dumps({
  "sections": [{"w": twips(s.page_width), "h": twips(s.page_height), "top": twips(s.top_margin),
                "bottom": twips(s.bottom_margin), "left": twips(s.left_margin), "right": twips(s.right_margin)}
               for s in d.sections],
  "tables": len(d.tables),
  "text": "".join(p.text for p in d.paragraphs),
}, ensure_ascii=False))
`;

const python = (script: string, file: string): unknown => JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  if (!hasPython) return;
  a = await reportArchive({ communities: 2, perCommunity: 30 });
  out = tempDir('sanwu-pyread-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: join(out.dir, 'out') });
});
afterAll(async () => {
  await a?.close();
  out?.cleanup();
});

const count = (affair: string): number =>
  (raw(a.ctx).prepare('SELECT count(*) AS n FROM records WHERE year = ? AND affair = ? AND voided_at IS NULL').get(YEAR, affair) as { n: number }).n;

describe.skipIf(!hasPython)('read back by openpyxl and python-docx', () => {
  it('the ledger has its sheets, one row per record, title and header rows frozen and repeated on A4, 宋体, a centred footer', () => {
    const sheets = python(READ_XLSX, join(result.path, `data/02_${YEAR}年度三务公开台账.xlsx`)) as Record<
      string,
      { rows: number; freeze: string | null; titles: string | null; paper: number | string; scale: number; footer: string | null; font: string; default_font: string }
    >;
    expect(Object.keys(sheets)).toEqual(['汇总', '党务公开', '居务公开', '财务公开', '考评-民主法治示范社区', '考评-党组织领导社区治理', '问题清单']);
    for (const affair of ['党务', '居务', '财务']) {
      const s = sheets[`${affair}公开`]!;
      expect(s.rows, affair).toBe(3 + count(affair) + 2); // title, unit/year, header + records + 合计 + 其中公开事项
    }
    for (const [name, s] of Object.entries(sheets)) {
      expect(s.freeze, name).toBe('A4');
      expect(s.titles?.replaceAll('$', ''), name).toBe('1:3');
      expect(Number(s.paper), name).toBe(9); // A4
      expect(s.scale, name).toBeGreaterThanOrEqual(86); // 10.5 pt text prints at 9 pt or more
      // openpyxl parses the footer (it drops one without a section code)
      expect(s.footer, name).toBe('第 &P 页，共 &N 页');
      expect([s.font, s.default_font], name).toEqual(['宋体', '宋体']);
    }
  });

  it('the work report is A4 with the GB/T 9704 margins, real tables and the parts of a report', () => {
    const doc = python(READ_DOCX, join(result.path, `data/01_${YEAR}年度三务公开工作报告.docx`)) as {
      sections: { w: number; h: number; top: number; bottom: number; left: number; right: number }[];
      tables: number;
      text: string;
    };
    for (const s of doc.sections) expect(s).toEqual({ w: 11906, h: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(doc.tables).toBeGreaterThan(2);
    for (const h of ['一、基本情况', '二、主要做法和成效', '三、考评情况', '四、存在问题', '五、下一步打算', '特此报告。', '附件：1.']) expect(doc.text).toContain(h);
  });

  it('the catalogue docx: landscape volumes, then the portrait box forms', () => {
    const doc = python(READ_DOCX, join(result.path, `data/04_${YEAR}年度归档文件目录.docx`)) as { sections: { w: number; h: number }[] };
    const volumes = doc.sections.slice(0, -2);
    expect(volumes.length).toBeGreaterThan(0);
    for (const s of volumes) expect(s.w).toBeGreaterThan(s.h);
    // 盒脊 and 备考表 print on portrait A4
    for (const s of doc.sections.slice(-2)) expect([s.w, s.h]).toEqual([11906, 16838]);
  });
});
