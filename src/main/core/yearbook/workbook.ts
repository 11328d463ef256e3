// The 年报 workbook: sheet 1 the form (国统制 DA-3 档案室基本情况: 指标名称 · 代码 · 计量单位 · 本年) with the
// unit's header and signature footer; sheet 2 统计说明, how every figure was counted and from which
// records, each detail block summed by a formula that must equal the figure on the form.
import type ExcelJS from 'exceljs';
import { figureName, FORM_CODES, YEARBOOK_FORM, type EnteredFigures, type YearbookFigures, type YearbookUnit } from '../../../shared/yearbook';
import { isoDay } from '../context';
import { chineseDate } from '../reports/dates';
import { addNoteRow, addSheet, addSummaryRow, BORDER, col, TEXT_FONT, writeRow, writeWorkbook, type SheetColumn } from '../reports/xlsx/sheet';
import type { FigureTrace } from './figures';

export const FORM_SHEET = '档案室基本情况';
export const NOTES_SHEET = '统计说明';
export const FORM_NUMBER = 'DA-3';

export interface YearbookBook {
  year: number;
  unit: YearbookUnit & { unitName: string };
  entered: EnteredFigures;
  figures: YearbookFigures;
  traces: FigureTrace[];
  /** 报出日期 */
  date: Date;
}

const BOLD: Partial<ExcelJS.Font> = { ...TEXT_FONT, bold: true };
const HEADING: Partial<ExcelJS.Style> = { font: BOLD, border: BORDER, alignment: { vertical: 'middle' } };
const GB_CELL: Partial<ExcelJS.Style> = { font: TEXT_FONT, border: BORDER, numFmt: '0.000', alignment: { horizontal: 'right', vertical: 'middle' } };

/** A figure as the form prints it: numbers as numbers, 是/否 as text, blank as blank. */
function formValue(book: YearbookBook, row: (typeof YEARBOOK_FORM)[number]): ExcelJS.CellValue {
  if (row.kind === 'group') return null;
  if (row.kind === 'entered') return book.entered[row.key] ?? null;
  if (row.key === 'electronicGb') return Number(book.figures.values.electronicGb);
  return book.figures.values[row.key];
}

function writeForm(wb: ExcelJS.stream.xlsx.WorkbookWriter, book: YearbookBook): void {
  const columns: SheetColumn[] = [
    { header: '指标名称', width: 40, align: 'left' },
    { header: '代码', width: 7 },
    { header: '计量单位', width: 10 },
    { header: `${book.year}年`, width: 14, align: 'right' },
  ];
  const subtitle = [`单位名称：${book.unit.unitName}`, `统一社会信用代码：${book.unit.creditCode || '　　　　　　'}`, `表号：${FORM_NUMBER}`].join('　　');
  // one page, as the form is filed: 90% keeps 10.5 pt text above 9 pt
  const ws = addSheet(wb, FORM_SHEET, { title: `档案室基本情况（${book.year}年度）`, subtitle }, columns, { scale: 90 });
  for (const row of YEARBOOK_FORM) {
    if (row.kind === 'group') {
      writeRow(ws, [row.label, '', '', ''], { styles: new Map([[0, HEADING]]) });
      continue;
    }
    const styles = row.kind === 'computed' && row.key === 'electronicGb' ? new Map([[3, GB_CELL]]) : undefined;
    writeRow(ws, [`${row.part ? '　　' : ''}${row.label}`, FORM_CODES.get(row.key), row.unit, formValue(book, row)], styles ? { styles } : {});
  }
  const u = book.unit;
  const blank = (s: string) => s || '　　　　';
  addNoteRow(ws, `单位负责人：${blank(u.unitHead)}　　统计负责人：${blank(u.statHead)}　　填表人：${blank(u.preparer)}　　联系电话：${blank(u.phone)}　　报出日期：${chineseDate(book.date)}`);
  addNoteRow(ws, '说明：三、四、五项由本软件按档案登记、借阅登记和利用记录计算，计算方法和所依据的记录见“统计说明”表；一、二项由填表人填报，按填报数印出，未填的留空。');
}

function writeNotes(wb: ExcelJS.stream.xlsx.WorkbookWriter, book: YearbookBook): void {
  const columns: SheetColumn[] = [
    { header: '代码', width: 7 },
    { header: '指标', width: 24, wrap: true },
    { header: '分项', width: 40, wrap: true },
    { header: '数值', width: 14, align: 'right' },
    { header: '来源与计算方法', width: 56, wrap: true },
  ];
  const subtitle = `单位名称：${book.unit.unitName}　　报告期：${book.year}年度　　统计时间：${localTime(book.figures.countedAt)}　　每项数值均可按下列记录逐项核对`;
  const ws = addSheet(wb, NOTES_SHEET, { title: `${book.year}年度档案室基本情况年报统计说明`, subtitle }, columns, { landscape: true });
  const label = (key: string) => {
    const row = YEARBOOK_FORM.find((r) => r.kind !== 'group' && r.key === key) as { kind: string; label: string };
    return row.kind === 'entered' ? figureName(key) : row.label.replace(/^(其中|按.+?分)：/, '');
  };
  const gbStyle = new Map([[3, GB_CELL]]);
  // every figure of the form: its value and where it comes from
  for (const r of YEARBOOK_FORM) {
    if (r.kind === 'group') continue;
    const trace = r.kind === 'computed' ? book.traces.find((t) => t.key === r.key) : undefined;
    const method = trace ? trace.method : `由填表人在“年报”页填报（${r.unit}），按填报数印出。`;
    writeRow(ws, [FORM_CODES.get(r.key), label(r.key), r.kind === 'computed' ? '合计' : '填报数', formValue(book, r), method], r.key === 'electronicGb' ? { styles: gbStyle } : {});
  }
  // the detail each computed figure sums
  for (const trace of book.traces) {
    if (trace.rows.length === 0 && trace.key.endsWith('Any')) continue;
    const code = FORM_CODES.get(trace.key)!;
    writeRow(ws, [`${code}　${label(trace.key)}：按${trace.detail}分列`], { merged: true, styles: new Map([[0, HEADING]]) });
    let first = 0;
    let last = 0;
    for (const t of trace.rows) {
      last = writeRow(ws, [code, '', t.item, t.value, t.source]).number;
      first ||= last;
    }
    const total = trace.rows.reduce((s, t) => s + t.value, 0);
    const cells = new Map<number, ExcelJS.CellValue>([
      [3, trace.key === 'electronicGb' ? '合计（字节）' : '合计'],
      [4, trace.rows.length > 0 ? { formula: `SUM(${col(4)}${first}:${col(4)}${last})`, result: total } : 0],
      [5, trace.rows.length > 0 ? '' : '本年没有可计的记录'],
    ]);
    addSummaryRow(ws, code, cells);
  }
}

/** 2026-01-05 09:30 in this computer's time zone. */
function localTime(iso: string): string {
  const d = new Date(iso);
  return `${isoDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export async function writeYearbookWorkbook(file: string, book: YearbookBook): Promise<void> {
  await writeWorkbook(file, async (wb) => {
    writeForm(wb, book);
    writeNotes(wb, book);
  });
}
