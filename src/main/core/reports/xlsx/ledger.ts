// 02 年度三务公开台账 (xlsx): 汇总 (communities × 类别 × month), one sheet per 类别 with a row per record,
// 考评 (communities × indicators, coloured by status) and 问题清单. Rows stream from the database.
import type ExcelJS from 'exceljs';
import type { AuditResult, IndicatorStatus } from '../../../../shared/audit';
import { AFFAIRS, type Affair } from '../../../../shared/vocabulary';
import type { ArchiveContext } from '../../context';
import { STATUS_LABEL, auditFor, isShortfall, standardLabel } from '../assessment';
import { excelDate } from '../dates';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import type { MonthlyRow } from '../statistics';
import { addSheet, addTotalsRow, BORDER, DATE_FORMAT, MONEY_FORMAT, pace, writeRow, writeWorkbook, type SheetColumn } from './sheet';

export interface LedgerInput {
  scope: ReportScope;
  monthly: MonthlyRow[];
  audit: AuditResult;
  signal?: AbortSignal;
}

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, monthly: MonthlyRow[]): void {
  const months = Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, width: 7 }));
  const ws = addSheet(wb, '汇总', [{ header: '社区', width: 16 }, { header: '类别', width: 8 }, ...months, { header: '合计', width: 9 }], { landscape: true });
  monthly.forEach((r, i) => {
    const n = i + 2;
    writeRow(ws, [r.community, r.affair, ...r.months, { formula: `SUM(C${n}:N${n})`, result: r.total }]);
  });
  const sums = new Map<number, number>();
  for (let m = 0; m < 12; m++) sums.set(m + 3, monthly.reduce((s, r) => s + r.months[m]!, 0));
  sums.set(15, monthly.reduce((s, r) => s + r.total, 0));
  addTotalsRow(ws, '合计', monthly.length + 1, sums);
  ws.commit();
}

const RECORD_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7 },
  { header: '社区', width: 14 },
  { header: '事项', width: 18 },
  { header: '题名', width: 40, wrap: true },
  { header: '日期', width: 12, numFmt: DATE_FORMAT },
  { header: '公开日期', width: 12, numFmt: DATE_FORMAT },
  { header: '公开形式', width: 10 },
  { header: '档号', width: 24 },
  { header: '保管期限', width: 10 },
  { header: '页数', width: 7 },
];
const MONEY_COLUMNS: SheetColumn[] = [
  { header: '收入金额（元）', width: 15, numFmt: MONEY_FORMAT },
  { header: '支出金额（元）', width: 15, numFmt: MONEY_FORMAT },
  { header: '资金类别', width: 12 },
];
const NOTE: SheetColumn = { header: '备注', width: 20, wrap: true };

/** One row per record of the 类别; returns how many. */
export async function affairSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, ctx: ArchiveContext, scope: ReportScope, affair: Affair, signal?: AbortSignal): Promise<number> {
  const money = affair === '财务';
  const ws = addSheet(wb, `${affair}公开`, [...RECORD_COLUMNS, ...(money ? MONEY_COLUMNS : []), NOTE], { landscape: true });
  let n = 0;
  let pages = 0;
  let income = 0;
  let expense = 0;
  for await (const r of iterateRecords(ctx, scope, { affair })) {
    await pace(++n, signal);
    pages += r.pages ?? 0;
    const values: unknown[] = [n, r.community, r.kind, r.title, excelDate(r.date), excelDate(r.disclosureDate), r.disclosureChannel ?? '', r.archivalCode ?? '', r.retention, r.pages];
    if (money) {
      income += r.income ?? 0;
      expense += r.expense ?? 0;
      values.push(r.income, r.expense, r.fundCategory ?? '');
    }
    values.push(r.notes);
    writeRow(ws, values);
  }
  const sums = new Map<number, number>([[10, pages]]);
  if (money) {
    sums.set(11, Math.round(income * 100) / 100);
    sums.set(12, Math.round(expense * 100) / 100);
  }
  addTotalsRow(ws, '合计', n + 1, sums, 4);
  ws.commit();
  return n;
}

const STATUS_FILL: Record<IndicatorStatus, string> = {
  met: 'FFC6EFCE',
  partial: 'FFFFEB9C',
  unmet: 'FFFFC7CE',
  pending: 'FFDDEBF7',
  manual: 'FFE4DFEC',
  na: 'FFEDEDED',
};

function assessmentSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, scope: ReportScope, audit: AuditResult): void {
  const indicators: string[] = [];
  for (const c of audit.communities) for (const s of c.standards) for (const i of s.indicators) if (!indicators.includes(i.id)) indicators.push(i.id);
  const ws = addSheet(
    wb,
    '考评',
    [
      { header: '社区', width: 14 },
      { header: '标准', width: 26, wrap: true },
      { header: '得分', width: 8 },
      { header: '等次', width: 10 },
      { header: '一票否决', width: 9 },
      ...indicators.map((id) => ({ header: id, width: 10 })),
    ],
    { landscape: true },
  );
  for (const c of scope.communities) {
    for (const s of auditFor(audit, c.name)) {
      const row = ws.addRow([c.name, standardLabel(s), s.score, s.result, s.vetoed ? '是' : '否']);
      for (const i of s.indicators) {
        const cell = row.getCell(6 + indicators.indexOf(i.id));
        cell.value = STATUS_LABEL[i.status];
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[i.status] } };
        cell.border = BORDER;
      }
      row.commit();
    }
  }
  ws.commit();
}

function problemSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, scope: ReportScope, audit: AuditResult): void {
  const ws = addSheet(wb, '问题清单', [
    { header: '序号', width: 7 },
    { header: '社区', width: 14 },
    { header: '标准', width: 24, wrap: true },
    { header: '指标', width: 30, wrap: true },
    { header: '状态', width: 10 },
    { header: '问题说明', width: 50, wrap: true },
  ]);
  let n = 0;
  for (const c of scope.communities) {
    for (const s of auditFor(audit, c.name)) {
      for (const i of s.indicators) {
        if (!isShortfall(i.status)) continue;
        writeRow(ws, [++n, c.name, standardLabel(s), i.item ? `${i.id} ${i.item}` : i.id, STATUS_LABEL[i.status], i.missing.join('；')]);
      }
    }
  }
  ws.commit();
}

export async function writeLedger(ctx: ArchiveContext, file: string, { scope, monthly, audit, signal }: LedgerInput): Promise<void> {
  await writeWorkbook(file, async (wb) => {
    summarySheet(wb, monthly);
    for (const affair of AFFAIRS) await affairSheet(wb, ctx, scope, affair, signal);
    assessmentSheet(wb, scope, audit);
    problemSheet(wb, scope, audit);
  });
}
