// The workbooks read back with exceljs: sheets, row counts against the database, SUM formulas,
// frozen and printed header rows, A4, real dates.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import { runAudit } from '../../src/main/core/standards';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  a = await reportArchive({ communities: 3, perCommunity: 30 });
  out = tempDir('sanwu-xlsx-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir });
});
afterAll(async () => {
  await a.close();
  out.cleanup();
});

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(result.path, 'data', file));
  return wb;
}

const count = (sql: string, ...params: unknown[]) => (raw(a.ctx).prepare(sql).get(...params) as { n: number }).n;

function expectPrintable(ws: ExcelJS.Worksheet, landscape: boolean) {
  expect(ws.pageSetup.paperSize, ws.name).toBe(9);
  expect(ws.pageSetup.orientation, ws.name).toBe(landscape ? 'landscape' : 'portrait');
  expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
  expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(0);
}

describe('02 台账', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await workbook(`02_${YEAR}年度三务公开台账.xlsx`);
  });

  it('has the six sheets, each printable on A4 with its header frozen and repeated', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '党务公开', '居务公开', '财务公开', '考评', '问题清单']);
    for (const ws of wb.worksheets) expectPrintable(ws, ws.name !== '问题清单');
  });

  it('has one row per record in each 类别 sheet, real dates, and SUM totals', () => {
    for (const affair of ['党务', '居务', '财务']) {
      const ws = wb.getWorksheet(`${affair}公开`)!;
      const n = count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = ?', YEAR, affair);
      expect(ws.rowCount, affair).toBe(n + 2);
      expect(ws.getRow(1).getCell(5).value).toBe('日期');
      expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);
      expect(ws.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd');
      const totals = ws.getRow(n + 2);
      expect(totals.getCell(1).value).toBe('合计');
      expect(totals.getCell(10).value).toMatchObject({ formula: `SUM(J2:J${n + 1})` });
      const pages = count('SELECT sum(pages) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = ?', YEAR, affair);
      expect((totals.getCell(10).value as { result: number }).result).toBe(pages);
    }
    const money = wb.getWorksheet('财务公开')!;
    const last = money.rowCount;
    expect(money.getRow(1).getCell(11).value).toBe('收入金额（元）');
    expect(money.getRow(last).getCell(11).value).toMatchObject({ formula: `SUM(K2:K${last - 1})` });
    const income = count(`SELECT sum(income_fen) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = '财务'`, YEAR) / 100;
    expect((money.getRow(last).getCell(11).value as { result: number }).result).toBeCloseTo(income, 2);
  });

  it('sums communities × 类别 × month in 汇总, agreeing with the database', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.rowCount).toBe(3 * 3 + 2);
    expect(ws.getRow(1).values).toEqual([undefined, '社区', '类别', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '合计']);
    const march = count(`SELECT count(*) AS n FROM records r JOIN communities c ON c.id = r.community_id WHERE r.year = ? AND r.voided_at IS NULL AND c.name = '桃源社区' AND r.affair = '居务' AND substr(r.date, 6, 2) = '03'`, YEAR);
    const row = ws.getRows(2, 9)!.find((r) => r.getCell(1).value === '桃源社区' && r.getCell(2).value === '居务')!;
    expect(row.getCell(5).value).toBe(march);
    const totals = ws.getRow(11);
    expect(totals.getCell(15).value).toMatchObject({ formula: 'SUM(O2:O10)', result: count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL', YEAR) });
  });

  it('colours 考评 by status and lists every shortfall in 问题清单', async () => {
    const audit = await runAudit(a.ctx, { year: YEAR });
    const ws = wb.getWorksheet('考评')!;
    const standards = audit.communities.reduce((s, c) => s + c.standards.length, 0);
    expect(ws.rowCount).toBe(standards + 1);
    const fills = new Set<string>();
    ws.getRow(2).eachCell((cell, c) => {
      if (c > 5) fills.add((cell.fill as ExcelJS.FillPattern).fgColor!.argb!);
    });
    expect(fills.size).toBeGreaterThan(1);
    const problems = audit.communities.flatMap((c) => c.standards.flatMap((s) => s.indicators.filter((i) => i.status === 'partial' || i.status === 'unmet')));
    expect(problems.length).toBeGreaterThan(0);
    expect(wb.getWorksheet('问题清单')!.rowCount).toBe(problems.length + 1);
  });
});

describe('04 归档文件目录 (xlsx)', () => {
  it('has a cover, a DA/T 22 sheet per 全宗 and 保管期限 holding every filed item, 盒脊 and 备考表', async () => {
    const wb = await workbook(`04_${YEAR}年度归档文件目录.xlsx`);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('封面');
    expect(names.slice(-2)).toEqual(['盒脊', '备考表']);
    const parts = names.slice(1, -2);
    expect(parts).toContain('S101_永久');
    let items = 0;
    for (const p of parts) {
      const ws = wb.getWorksheet(p)!;
      expectPrintable(ws, true);
      expect(ws.getRow(1).values).toEqual([undefined, '序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
      items += ws.rowCount - 1;
    }
    const filed = count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND item_no IS NOT NULL', YEAR);
    expect(items).toBe(filed);
    const cover = wb.getWorksheet('封面')!;
    expect(cover.rowCount).toBe(parts.length + 2);
    expect(cover.getRow(cover.rowCount).getCell(6).value).toMatchObject({ formula: `SUM(F2:F${parts.length + 1})`, result: filed });
    const cells = count('SELECT count(*) AS n FROM (SELECT DISTINCT fonds_code, retention, category_code, problem_code FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL)', YEAR);
    expect(wb.getWorksheet('盒脊')!.rowCount).toBe(cells + 1);
    expect(wb.getWorksheet('备考表')!.getRow(2).getCell(4).value).toMatch(/^本盒共\d+件（0001—\d{4}）/);
  });
});

describe('05 档案保管期限检查清单', () => {
  it('lists every item to the report year with its expiry, and the items due for appraisal with a 销毁清册 draft', async () => {
    const wb = await workbook('05_档案保管期限检查清单.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['检查清单', '到期鉴定清单', '销毁清册封面', '销毁清册', '会计档案销毁清册']);
    const all = wb.getWorksheet('检查清单')!;
    expect(all.rowCount - 1).toBe(count('SELECT count(*) AS n FROM records WHERE year <= ? AND voided_at IS NULL', YEAR));
    const old = all.getRows(2, all.rowCount - 1)!.find((r) => r.getCell(4).value === '2014年第一季度居务公开')!;
    expect([old.getCell(5).value, old.getCell(6).value, old.getCell(7).value, old.getCell(9).value]).toEqual([2014, '定期10年', 2024, '是']);
    const notDue = all.getRows(2, all.rowCount - 1)!.find((r) => r.getCell(4).value === '2015年第一季度居务公开')!;
    expect([notDue.getCell(7).value, notDue.getCell(9).value]).toEqual([2025, '否']);

    const due = wb.getWorksheet('到期鉴定清单')!;
    const codes = raw(a.ctx).prepare(`SELECT archival_code FROM records WHERE id IN (${a.dueIds.join(',')}) ORDER BY archival_code`).pluck().all();
    expect(
      due
        .getRows(2, due.rowCount - 1)!
        .map((r) => r.getCell(3).value)
        .sort(),
    ).toEqual(codes);
    expect(wb.getWorksheet('销毁清册封面')!.getRow(1).values).toEqual([
      undefined,
      '全宗号',
      '全宗名称',
      '销毁数量（件）',
      '鉴定小组负责人（签名）',
      '日期',
      '批准人（签名）',
      '日期',
      '监销人（签名）',
      '监销人（签名）',
      '销毁日期',
    ]);
    const docs = wb.getWorksheet('销毁清册')!;
    expect(docs.getRow(1).values).toEqual([undefined, '序号', '文件题名', '所属年度', '档号', '应保管期限', '已保管期限', '文件页数', '备注']);
    expect(docs.getRow(2).values).toEqual([undefined, 1, '2014年第一季度居务公开', 2014, codes.find((c) => String(c).includes('WS')), '定期10年', '10年', 2]);
    expect(wb.getWorksheet('会计档案销毁清册')!.getRow(2).getCell(2).value).toBe('2014年3月银行对账单');
    for (const ws of wb.worksheets) expectPrintable(ws, true);
  });
});
