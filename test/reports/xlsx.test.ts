// The workbooks read back with exceljs: sheets, row counts against the database, SUM formulas, the
// print layout of an office form (title rows, borders, 宋体, &C footer, scale ≥ 9 pt), disclosures
// apart from holdings, 考评 per standard, catalogue volumes and boxes, the signable 销毁清册 draft.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import { FIRST_DATA_ROW, MIN_SCALE } from '../../src/main/core/reports/xlsx/sheet';
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
const DATA = FIRST_DATA_ROW;

/** Prints like an office form: title and unit/year rows repeated over the header, frozen, A4 at ≥ 9 pt, borders, 宋体, &C footer. */
function expectForm(ws: ExcelJS.Worksheet, landscape = true) {
  expect(ws.pageSetup.paperSize, ws.name).toBe(9);
  expect(ws.pageSetup.orientation, ws.name).toBe(landscape ? 'landscape' : 'portrait');
  expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:3');
  expect(ws.pageSetup.scale, ws.name).toBeGreaterThanOrEqual(MIN_SCALE);
  expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 3 });
  expect(ws.headerFooter.oddFooter, ws.name).toBe('&C第 &P 页，共 &N 页');
  expect(String(ws.getCell('A1').value), ws.name).toMatch(/^幸福路街道/);
  expect(String(ws.getCell('A2').value), ws.name).toMatch(/^填报单位：幸福路街道　　/);
  const body = ws.getRow(DATA);
  if (body.cellCount > 0) {
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = body.getCell(c);
      expect(cell.font?.name, `${ws.name} ${cell.address}`).toBe('宋体');
      expect(cell.border?.left?.style, `${ws.name} ${cell.address}`).toBe('thin');
      expect(cell.alignment?.vertical, `${ws.name} ${cell.address}`).toBe('middle');
    }
  }
}

describe('02 台账', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await workbook(`02_${YEAR}年度三务公开台账.xlsx`);
  });

  it('has 汇总, a sheet per 类别, one 考评 sheet per standard in use and 问题清单, each printing as a form', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '党务公开', '居务公开', '财务公开', '考评-民主法治示范社区', '考评-党组织领导社区治理', '问题清单']);
    for (const ws of wb.worksheets) expectForm(ws);
  });

  it('has one row per record in each 类别 sheet; 公开日期 and 公开形式 only on disclosures; SUM and COUNTIF totals', () => {
    for (const affair of ['党务', '居务', '财务']) {
      const ws = wb.getWorksheet(`${affair}公开`)!;
      const n = count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = ?', YEAR, affair);
      const disclosed = count(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = ? AND instr(kind, '公开') > 0`, YEAR, affair);
      expect(ws.rowCount, affair).toBe(DATA - 1 + n + 2);
      expect(String(ws.getCell('A2').value)).toContain(`共${n}件，其中公开事项${disclosed}件`);
      const header = ws.getRow(3);
      expect([header.getCell(5).value, header.getCell(6).value, header.getCell(7).value]).toEqual(['日期', '公开日期', '公开形式']);
      const rows = ws.getRows(DATA, n)!;
      expect(rows[0]!.getCell(5).value).toBeInstanceOf(Date);
      expect(rows[0]!.getCell(5).numFmt).toBe('yyyy-mm-dd');
      for (const r of rows) {
        const kind = String(r.getCell(3).value);
        if (kind.includes('公开')) {
          expect(r.getCell(6).value, kind).toBeInstanceOf(Date);
          expect(r.getCell(7).value, kind).not.toBe('—');
        } else expect([r.getCell(6).value, r.getCell(7).value], kind).toEqual(['—', '—']);
      }
      expect(ws.getRow(DATA + n).getCell(4).value).toMatchObject({ formula: `COUNTA(D${DATA}:D${DATA + n - 1})`, result: n });
      expect(ws.getRow(DATA + n + 1).getCell(1).value).toBe('其中公开事项');
      expect(ws.getRow(DATA + n + 1).getCell(4).value).toMatchObject({ formula: `COUNTIF(C${DATA}:C${DATA + n - 1},"*公开*")`, result: disclosed });
    }
    const money = wb.getWorksheet('财务公开')!;
    const last = money.rowCount - 1;
    expect(money.getRow(3).getCell(9).value).toBe('收入金额（元）');
    expect(money.getRow(last).getCell(9).value).toMatchObject({ formula: `SUM(I${DATA}:I${last - 1})` });
    const income = count(`SELECT sum(income_fen) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = '财务'`, YEAR) / 100;
    expect((money.getRow(last).getCell(9).value as { result: number }).result).toBeCloseTo(income, 2);
  });

  it('counts disclosures by month and the other holdings in 汇总, agreeing with the database', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.rowCount).toBe(DATA - 1 + 3 * 3 + 1);
    expect(ws.getRow(3).values).toEqual([undefined, '社区', '类别', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '公开事项', '其他档案', '档案合计']);
    const where = `r.year = ? AND r.voided_at IS NULL AND c.name = '桃源社区' AND r.affair = '居务'`;
    const march = count(`SELECT count(*) AS n FROM records r JOIN communities c ON c.id = r.community_id WHERE ${where} AND instr(r.kind, '公开') > 0 AND substr(r.date, 6, 2) = '03'`, YEAR);
    const holdings = count(`SELECT count(*) AS n FROM records r JOIN communities c ON c.id = r.community_id WHERE ${where} AND instr(r.kind, '公开') = 0`, YEAR);
    const row = ws.getRows(DATA, 9)!.find((r) => r.getCell(1).value === '桃源社区' && r.getCell(2).value === '居务')!;
    expect(row.getCell(5).value).toBe(march);
    expect(row.getCell(16).value).toBe(holdings);
    const totals = ws.getRow(DATA + 9);
    expect(totals.getCell(17).value).toMatchObject({ formula: `SUM(Q${DATA}:Q${DATA + 8})`, result: count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL', YEAR) });
    expect(totals.getCell(15).value).toMatchObject({ result: count(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND instr(kind, '公开') > 0`, YEAR) });
  });

  it('gives each standard a 考评 sheet of indicators × communities, results in words and colour, grades 暂评, veto 待认定', async () => {
    const audit = await runAudit(a.ctx, { year: YEAR });
    const ws = wb.getWorksheet('考评-民主法治示范社区')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '指标', '内容', '桃源社区', '幸福社区', '和平社区']);
    expect(ws.rowCount).toBe(DATA - 1 + 18 + 5);
    const first = audit.communities.find((c) => c.community === '桃源社区')!.standards.find((s) => s.id === 'BJ-MZFZ')!;
    const fills = new Set<string>();
    first.indicators.forEach((i, k) => {
      const cell = ws.getRow(DATA + k).getCell(4);
      expect(ws.getRow(DATA + k).getCell(2).value).toBe(i.id);
      expect(cell.value, i.id).toBe({ met: '达标', partial: '部分达标', unmet: '未达标', pending: '未到期', manual: '待认定', na: '不适用' }[i.status]);
      fills.add((cell.fill as ExcelJS.FillPattern).fgColor!.argb!);
    });
    expect(fills.size).toBeGreaterThan(1);
    const summary = (label: string) => ws.getRows(DATA + 18, 5)!.find((r) => r.getCell(2).value === label)!.getCell(4).value;
    expect(summary('等次')).toMatch(/^暂评(达标|基本达标|不达标)$/);
    expect(summary('一票否决')).toBe('待认定');
    expect(summary('待认定')).toBe('7');
  });

  it('lists the shortfalls in 问题清单, then what awaits attestation once per community and standard', async () => {
    const audit = await runAudit(a.ctx, { year: YEAR });
    const problems = audit.communities.flatMap((c) => c.standards.flatMap((s) => s.indicators.filter((i) => i.status === 'partial' || i.status === 'unmet')));
    const awaiting = audit.communities.flatMap((c) => c.standards.filter((s) => s.awaiting > 0));
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.rowCount).toBe(DATA - 1 + problems.length + awaiting.length);
    const rows = ws.getRows(DATA, ws.rowCount - DATA + 1)!;
    expect(rows.slice(0, problems.length).every((r) => ['部分达标', '未达标'].includes(String(r.getCell(5).value)))).toBe(true);
    expect(rows.slice(problems.length).map((r) => r.getCell(4).value)).toEqual(awaiting.map((s) => `待人工认定（${s.awaiting}项）`));
    expect(String(rows.at(-1)!.getCell(6).value)).toContain('BJ-MZFZ-03（否决项）');
  });
});

describe('04 归档文件目录 (xlsx)', () => {
  it('has a cover, a DA/T 22 sheet per volume (全宗 × 门类 × 年度 × 保管期限) holding every filed item, and 盒', async () => {
    const wb = await workbook(`04_${YEAR}年度归档文件目录.xlsx`);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('封面');
    expect(names.at(-1)).toBe('盒');
    const volumes = names.slice(1, -1);
    expect(volumes).toContain('S101-WS-2025-永久');
    expect(volumes).toContain('S101-KU-2025-定期30年');
    expect(volumes).toHaveLength(count('SELECT count(*) AS n FROM (SELECT DISTINCT fonds_code, category_code, filing_year, retention FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL)', YEAR));
    let items = 0;
    for (const v of volumes) {
      const ws = wb.getWorksheet(v)!;
      expectForm(ws);
      expect(ws.getRow(3).values).toEqual([undefined, '序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
      const codes = ws.getRows(DATA, ws.rowCount - DATA + 1)!.map((r) => String(r.getCell(2).value));
      const [fonds, category] = v.split('-');
      expect(codes.every((c) => c.startsWith(`${fonds}-${category}·`)), v).toBe(true);
      items += codes.length;
    }
    const filed = count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND item_no IS NOT NULL', YEAR);
    expect(items).toBe(filed);
    const cover = wb.getWorksheet('封面')!;
    expect(cover.rowCount).toBe(DATA - 1 + volumes.length + 1);
    expect(cover.getRow(cover.rowCount).getCell(7).value).toMatchObject({ formula: `SUM(G${DATA}:G${DATA + volumes.length - 1})`, result: filed });
  });

  it('numbers 盒 from 1 in each volume, one 问题 a box', async () => {
    const wb = await workbook(`04_${YEAR}年度归档文件目录.xlsx`);
    const ws = wb.getWorksheet('盒')!;
    expect(ws.getRow(3).values).toEqual([undefined, '全宗号', '年度', '门类', '保管期限', '机构(问题)', '盒号', '起止件号', '件数', '页数', '盒脊厚度（毫米）']);
    const rows = ws.getRows(DATA, ws.rowCount - DATA + 1)!.map((r) => r.values as unknown[]);
    const byVolume = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r[1]}|${r[2]}|${r[3]}|${r[4]}`;
      byVolume.set(key, [...(byVolume.get(key) ?? []), r[6] as number]);
      expect([20, 30, 40, 50]).toContain(r[10]);
    }
    for (const [key, numbers] of byVolume) expect(numbers, key).toEqual(numbers.map((_, i) => i + 1));
    expect(rows.reduce((s, r) => s + (r[8] as number), 0)).toBe(count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND item_no IS NOT NULL', YEAR));
  });
});

describe('05 档案保管期限检查清单', () => {
  it('lists every item to the report year with its expiry, the items due, and a 销毁清册 draft a group can sign, in both layouts', async () => {
    const wb = await workbook('05_档案保管期限检查清单.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['检查清单', '到期鉴定清单', '销毁清册封面', '销毁清册', '会计档案销毁清册封面', '会计档案销毁清册']);
    const all = wb.getWorksheet('检查清单')!;
    expect(all.rowCount - DATA + 1).toBe(count('SELECT count(*) AS n FROM records WHERE year <= ? AND voided_at IS NULL', YEAR));
    const rows = all.getRows(DATA, all.rowCount - DATA + 1)!;
    const old = rows.find((r) => r.getCell(4).value === '2014年第一季度居务公开')!;
    expect([old.getCell(5).value, old.getCell(6).value, old.getCell(7).value, old.getCell(9).value]).toEqual([2014, '定期10年', 2024, '是']);
    const notDue = rows.find((r) => r.getCell(4).value === '2015年第一季度居务公开')!;
    expect([notDue.getCell(7).value, notDue.getCell(9).value]).toEqual([2025, '否']);

    const due = wb.getWorksheet('到期鉴定清单')!;
    const codes = raw(a.ctx).prepare(`SELECT archival_code FROM records WHERE id IN (${a.dueIds.join(',')}) ORDER BY archival_code`).pluck().all();
    expect(
      due
        .getRows(DATA, due.rowCount - DATA + 1)!
        .map((r) => r.getCell(3).value)
        .sort(),
    ).toEqual(codes);

    // the cover is a form: every signature RETENTION.md names, with room to sign
    const labels = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: string[] = [];
      ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value).replace(/\n/g, ''))));
      return { ws, out };
    };
    const docsCover = labels('销毁清册封面');
    for (const l of ['全宗号', '全宗名称', '销毁数量', '销毁日期', '鉴定小组负责人（签名）', '批准人（签名）', '监销人（签名）']) expect(docsCover.out, l).toContain(l);
    expect(docsCover.out.filter((l) => l === '监销人（签名）')).toHaveLength(2);
    expect(docsCover.out[0]).toBe('销毁清册（草稿）');
    const signRow = docsCover.ws.getRows(1, docsCover.ws.rowCount)!.find((r) => r.getCell(1).value === '批准人\n（签名）')!;
    expect(signRow.height).toBeGreaterThanOrEqual(40);
    const accCover = labels('会计档案销毁清册封面');
    for (const l of ['单位负责人（签名）', '档案机构负责人（签名）', '档案机构经办人（签名）', '会计机构负责人（签名）', '会计机构经办人（签名）', '销毁时间']) expect(accCover.out, l).toContain(l);
    expect(accCover.out.filter((l) => l === '监销人（签名）')).toHaveLength(2);

    const docs = wb.getWorksheet('销毁清册')!;
    expectForm(docs);
    expect(docs.getRow(3).values).toEqual([undefined, '序号', '文件题名', '所属年度', '档号', '应保管期限', '已保管期限', '文件页数', '备注']);
    expect(docs.getRow(DATA).getCell(1).value).toBe('全宗号：S101　全宗名称：桃源社区　共1件');
    expect(docs.getRow(DATA + 1).values).toEqual([undefined, 1, '2014年第一季度居务公开', 2014, codes.find((c) => String(c).includes('WS')), '定期10年', '10年', 2]);
    const acc = wb.getWorksheet('会计档案销毁清册')!;
    expect(acc.getRow(3).values).toEqual([undefined, '序号', '名称', '卷号', '册数', '起止年度', '档案编号', '应保管期限', '已保管期限', '销毁时间']);
    expect(acc.getRow(DATA + 1).getCell(2).value).toBe('2014年3月银行对账单');
    for (const name of ['检查清单', '到期鉴定清单', '会计档案销毁清册']) expectForm(wb.getWorksheet(name)!);
  });
});
