// 02 年度三务公开台账 (xlsx): 汇总 (communities × 类别: disclosures by month, other holdings), one sheet
// per 类别 with a row per record (公开日期 and 公开形式 only on the rows that are disclosures), one
// 考评 sheet per standard (assessment-sheet.ts) and 问题清单. Rows stream from the database.
import type ExcelJS from 'exceljs';
import type { AuditResult } from '../../../../shared/audit';
import { STATUS_TEXT } from '../../../../shared/audit-verdict';
import { AFFAIRS, DISCLOSURE_MARK, isDisclosureKind, type Affair } from '../../../../shared/vocabulary';
import type { ArchiveContext } from '../../context';
import { auditFor, isShortfall, shortName } from '../assessment';
import { excelDate } from '../dates';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import { totalsByAffair, type MonthlyRow } from '../statistics';
import { assessmentSheets } from './assessment-sheet';
import { addSheet, addSummaryRow, addTotalsRow, col, DATE_FORMAT, FIRST_DATA_ROW, MONEY_FORMAT, pace, sheetHeading, writeRow, writeWorkbook, type SheetColumn } from './sheet';

export interface LedgerInput {
  scope: ReportScope;
  monthly: MonthlyRow[];
  audit: AuditResult;
  signal?: AbortSignal;
}

const heading = (scope: ReportScope, name: string, measure: string, note?: string) =>
  sheetHeading({ unit: scope.office.name, year: scope.year, name, measure, date: scope.reportDate, note });

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, scope: ReportScope, monthly: MonthlyRow[]): void {
  const months = Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, width: 5 }));
  const ws = addSheet(
    wb,
    '汇总',
    heading(scope, '三务档案汇总表', '件', '1—12月为公开事项件数；其他档案指会议记录、选举、调解、会计资料等'),
    [{ header: '社区', width: 12 }, { header: '类别', width: 6 }, ...months, { header: '公开事项', width: 8 }, { header: '其他档案', width: 8 }, { header: '档案合计', width: 8 }],
    { landscape: true },
  );
  monthly.forEach((r, i) => {
    const n = FIRST_DATA_ROW + i;
    writeRow(ws, [r.community, r.affair, ...r.disclosures, { formula: `SUM(C${n}:N${n})`, result: r.disclosed }, r.holdings, { formula: `O${n}+P${n}`, result: r.total }]);
  });
  const sums = new Map<number, number>();
  for (let m = 0; m < 12; m++) sums.set(m + 3, monthly.reduce((s, r) => s + r.disclosures[m]!, 0));
  sums.set(15, monthly.reduce((s, r) => s + r.disclosed, 0));
  sums.set(16, monthly.reduce((s, r) => s + r.holdings, 0));
  sums.set(17, monthly.reduce((s, r) => s + r.total, 0));
  addTotalsRow(ws, '合计', FIRST_DATA_ROW + monthly.length - 1, sums);
  ws.commit();
}

// 保管期限 and 页数 are the catalogue's and the retention list's; here they would push the 财务 sheet
// below 9 pt on paper
const RECORD_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 5 },
  { header: '社区', width: 10 },
  { header: '事项', width: 12, wrap: true },
  { header: '题名', width: 22, wrap: true },
  { header: '日期', width: 10.5, numFmt: DATE_FORMAT },
  { header: '公开日期', width: 10.5, numFmt: DATE_FORMAT },
  { header: '公开形式', width: 8 },
  { header: '档号', width: 24 },
];
const MONEY_COLUMNS: SheetColumn[] = [
  { header: '收入金额（元）', width: 10, numFmt: MONEY_FORMAT },
  { header: '支出金额（元）', width: 10, numFmt: MONEY_FORMAT },
  { header: '资金类别', width: 8, wrap: true },
];
const NOTE: SheetColumn = { header: '备注', width: 8, wrap: true };
/** in the 公开日期 and 公开形式 cells of items that are not disclosures */
export const NOT_DISCLOSED = '—';

/** One row per record of the 类别; returns how many. */
export async function affairSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, ctx: ArchiveContext, scope: ReportScope, affair: Affair, counts: { total: number; disclosed: number }, signal?: AbortSignal): Promise<number> {
  const money = affair === '财务';
  const ws = addSheet(
    wb,
    `${affair}公开`,
    heading(scope, `三务公开台账（${affair}）`, money ? '件、元' : '件', `共${counts.total}件，其中公开事项${counts.disclosed}件（公开日期、公开形式只对公开事项填列）`),
    [...RECORD_COLUMNS, ...(money ? MONEY_COLUMNS : []), NOTE],
    { landscape: true },
  );
  let n = 0;
  let income = 0;
  let expense = 0;
  for await (const r of iterateRecords(ctx, scope, { affair })) {
    await pace(++n, signal);
    const disclosure = isDisclosureKind(r.kind);
    const values: unknown[] = [
      n,
      r.community,
      r.kind,
      r.title,
      excelDate(r.date),
      disclosure ? excelDate(r.disclosureDate) : NOT_DISCLOSED,
      disclosure ? (r.disclosureChannel ?? '') : NOT_DISCLOSED,
      r.archivalCode ?? '',
    ];
    if (money) {
      income += r.income ?? 0;
      expense += r.expense ?? 0;
      values.push(r.income, r.expense, r.fundCategory ?? '');
    }
    values.push(r.notes);
    writeRow(ws, values);
  }
  const last = FIRST_DATA_ROW + n - 1;
  const sums = new Map<number, number>();
  if (money) {
    sums.set(9, Math.round(income * 100) / 100);
    sums.set(10, Math.round(expense * 100) / 100);
  }
  addTotalsRow(ws, '合计', last, sums, 4);
  // the same rule as everywhere: a disclosure's kind contains 公开
  addSummaryRow(ws, '其中公开事项', new Map([[4, n > 0 ? { formula: `COUNTIF(${col(3)}${FIRST_DATA_ROW}:${col(3)}${last},"*${DISCLOSURE_MARK}*")`, result: counts.disclosed } : 0]]));
  ws.commit();
  return n;
}

function problemSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, scope: ReportScope, audit: AuditResult): void {
  const ws = addSheet(
    wb,
    '问题清单',
    heading(scope, '考评问题清单', '项', `截至${audit.asOf}；待认定、未到期的指标不计为问题，单列于后`),
    [
      { header: '序号', width: 5 },
      { header: '社区', width: 10 },
      { header: '标准', width: 14, wrap: true },
      { header: '指标', width: 30, wrap: true },
      { header: '结果', width: 8 },
      { header: '问题说明', width: 48, wrap: true },
    ],
    { landscape: true },
  );
  let n = 0;
  const later: unknown[][] = [];
  for (const c of scope.communities) {
    for (const s of auditFor(audit, c.name)) {
      for (const i of s.indicators) {
        const indicator = i.item ? `${i.id} ${i.item}` : i.id;
        if (isShortfall(i.status)) writeRow(ws, [++n, c.name, shortName(s), indicator, STATUS_TEXT[i.status], i.missing.join('；')]);
        else if (i.status === 'pending' && i.missing.length) later.push([c.name, shortName(s), indicator, STATUS_TEXT.pending, i.missing.join('；')]);
      }
      const awaiting = s.indicators.filter((i) => i.status === 'manual');
      if (awaiting.length) later.push([c.name, shortName(s), `待人工认定（${awaiting.length}项）`, STATUS_TEXT.manual, awaiting.map((i) => `${i.id}${i.veto ? '（否决项）' : ''}`).join('、')]);
    }
  }
  for (const row of later) writeRow(ws, [++n, ...row]);
  ws.commit();
}

export async function writeLedger(ctx: ArchiveContext, file: string, { scope, monthly, audit, signal }: LedgerInput): Promise<void> {
  const totals = totalsByAffair(monthly);
  await writeWorkbook(file, async (wb) => {
    summarySheet(wb, scope, monthly);
    for (const affair of AFFAIRS) await affairSheet(wb, ctx, scope, affair, totals[affair], signal);
    assessmentSheets(wb, scope, audit);
    problemSheet(wb, scope, audit);
  });
}
