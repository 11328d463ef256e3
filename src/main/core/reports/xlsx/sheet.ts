// Every sheet of the package prints like an office form: a title row and a row naming the unit and
// year above the header, all three repeated on every page and frozen; 宋体 text in bordered cells,
// all vertically centred; A4 at a fixed scale chosen so no glyph prints below 9 pt; the page number
// centred in the footer (`&C`). Streamed (exceljs WorkbookWriter, one sheet at a time, rows committed
// as written); real dates; totals as SUM formulas.
import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { cancelled } from '../../../../shared/errors';
import { chineseDate } from '../dates';

export interface SheetColumn {
  header: string;
  /** Excel characters (a Chinese character takes two) */
  width: number;
  /** e.g. 'yyyy-mm-dd' for date columns, '#,##0.00' for money */
  numFmt?: string;
  wrap?: boolean;
  /** default: centred when narrow, else left; numbers with a format right */
  align?: 'left' | 'center' | 'right';
}

export interface SheetHeading {
  /** row 1, e.g. 幸福路街道办事处2025年度三务公开台账 */
  title: string;
  /** row 2: 填报单位, 年度, 单位, 制表日期 and a note, separated by two ideographic spaces */
  subtitle: string;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '#,##0.00';
export const FONT_NAME = '宋体';
export const FONT_SIZE = 10.5;
/** rows above the data: title, unit and year, header */
export const HEAD_ROWS = 3;
export const FIRST_DATA_ROW = HEAD_ROWS + 1;

const thin = { style: 'thin' } as const;
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };
export const TEXT_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: FONT_SIZE };
const BOLD_FONT: Partial<ExcelJS.Font> = { ...TEXT_FONT, bold: true };

/** A4 landscape/portrait less 0.4" margins, mm */
const PRINTABLE_MM = { landscape: 297 - 20.3, portrait: 210 - 20.3 };
/** an Excel width of w characters (8 px each at 宋体 11, the default font, plus 5 px padding) in mm */
const widthMm = (w: number) => ((w * 8 + 5) * 25.4) / 96;
/** the smallest print scale that keeps 10.5 pt text at 9 pt or more */
export const MIN_SCALE = Math.ceil((100 * 9) / FONT_SIZE);

/** Print scale (%) that fits the columns on the page's width, if that keeps text ≥ 9 pt; else 100 (the sheet spans pages). */
export function printScale(columns: { width: number }[], landscape: boolean): number {
  const total = columns.reduce((s, c) => s + widthMm(c.width), 0);
  // 3% to spare: readers round widths their own way
  const fit = Math.floor((97 * PRINTABLE_MM[landscape ? 'landscape' : 'portrait']) / total);
  return fit >= 100 ? 100 : fit >= MIN_SCALE ? fit : 100;
}

/**
 * The workbook's default font (font 0) is the unit of every column width and the face of any unstyled
 * cell: 宋体 11, as Chinese Excel sets it, where exceljs would write Calibri. exceljs adds its font 0
 * lazily, so ours, added first, takes its place (exceljs 4.4's style manager; tested).
 */
function defaultFont(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { model?: { fonts: unknown[] }; _addFont?: (font: Partial<ExcelJS.Font>) => number } }).styles;
  if (styles?._addFont && styles.model?.fonts.length === 0) styles._addFont({ name: FONT_NAME, size: 11, family: 3, charset: 134 });
}

/**
 * Writes a streamed workbook to a file (or a stream: a download built in memory). A failed or cancelled write still closes the file, so the staging
 * folder can be removed (Windows will not delete an open file).
 */
export async function writeWorkbook(target: string | Writable, write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...(typeof target === 'string' ? { filename: target } : { stream: target }), useStyles: true, useSharedStrings: false });
  wb.creator = '三务档案';
  defaultFont(wb);
  try {
    await write(wb);
  } catch (e) {
    await wb.commit().catch(() => undefined);
    throw e;
  }
  await wb.commit();
}

/** A small workbook's bytes (documents the archive keeps: 销毁清册, 移交清册). */
export async function workbookBytes(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const bytes = buffer(sink);
  await writeWorkbook(sink, write);
  return bytes;
}

interface SheetLayout {
  /** each column's one style object, shared by all its data cells (see writeRow) */
  styles: Partial<ExcelJS.Style>[];
  /** wrapped columns: 0-based index and width in characters */
  wrapped: { index: number; width: number }[];
  /** the columns' total width in characters */
  across: number;
}
const layouts = new WeakMap<ExcelJS.Worksheet, SheetLayout>();

const LINE_HEIGHT = 14;
/** Display width in Excel characters: a Chinese character takes two. */
function displayWidth(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2e80) w++;
  return w;
}

const alignOf = (c: SheetColumn): 'left' | 'center' | 'right' => c.align ?? (c.numFmt === MONEY_FORMAT ? 'right' : c.width <= 12 && !c.wrap ? 'center' : 'left');

export function columnStyle(c: SheetColumn): Partial<ExcelJS.Style> {
  return {
    font: TEXT_FONT,
    border: BORDER,
    alignment: { vertical: 'middle', horizontal: alignOf(c), wrapText: c.wrap ?? false },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  };
}

export interface SheetOptions {
  landscape?: boolean;
  /** columns repeated on every page when the sheet spans pages across, e.g. 'A:C' */
  repeatColumns?: string;
  /** a smaller print scale (%) than the columns need, e.g. to keep a form on one page; never below MIN_SCALE */
  scale?: number;
}

/** Title, unit/year and header rows; returns the sheet ready for writeRow. */
export function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, heading: SheetHeading, columns: SheetColumn[], options: SheetOptions = {}): ExcelJS.Worksheet {
  const landscape = options.landscape ?? false;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEAD_ROWS, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: landscape ? 'landscape' : 'portrait',
      scale: Math.max(MIN_SCALE, Math.min(options.scale ?? 100, printScale(columns, landscape))),
      fitToPage: false,
      printTitlesRow: `1:${HEAD_ROWS}`,
      ...(options.repeatColumns ? { printTitlesColumn: options.repeatColumns } : {}),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  // exceljs leaves out a column of its default width (9), which readers then give their own default
  ws.columns = columns.map((c) => ({ width: c.width === 9 ? 9.01 : c.width }));
  layouts.set(ws, {
    styles: columns.map(columnStyle),
    wrapped: columns.flatMap((c, index) => (c.wrap ? [{ index, width: c.width }] : [])),
    across: columns.reduce((s, c) => s + c.width, 0),
  });
  const last = columns.length;
  const title = ws.addRow([heading.title]);
  title.height = 26;
  title.getCell(1).style = { font: { name: FONT_NAME, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  const sub = ws.addRow([heading.subtitle]);
  const across = columns.reduce((s, c) => s + c.width, 0);
  sub.height = Math.ceil(displayWidth(heading.subtitle) / Math.max(1, across - 2)) * LINE_HEIGHT + 4;
  sub.getCell(1).style = { font: TEXT_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
  // merged before the rows are committed: a streamed row is final once committed
  if (last > 1) {
    ws.mergeCells(1, 1, 1, last);
    ws.mergeCells(2, 1, 2, last);
  }
  title.commit();
  sub.commit();
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = Math.max(...columns.map((c) => Math.ceil(displayWidth(c.header) / Math.max(1, c.width - 1)))) * LINE_HEIGHT + 6;
  for (let c = 1; c <= last; c++) {
    header.getCell(c).style = { font: BOLD_FONT, fill: HEADER_FILL, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  }
  header.commit();
  return ws;
}

/**
 * Called per row: every 1,000 rows, yields to the event loop so the zip stream drains to disk (a
 * synchronous loop would buffer the whole sheet) and honours cancellation.
 */
export async function pace(row: number, signal?: AbortSignal): Promise<void> {
  if (row % 1000 !== 0) return;
  if (signal?.aborted) throw cancelled();
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Adds and commits a data row whose cells share their column's style object: exceljs then registers
 * each style once, instead of rendering a fresh style per cell (five times the bare writer's time).
 * Every column's cell is written, empty or not, so the borders close. Rows with wrapped text get the
 * height it needs (a streamed row is final once committed, and LibreOffice does not grow rows).
 */
export function writeRow(ws: ExcelJS.Worksheet, values: unknown[], options: { merged?: boolean; styles?: Map<number, Partial<ExcelJS.Style>> } = {}): ExcelJS.Row {
  const layout = layouts.get(ws) ?? { styles: [], wrapped: [], across: 0 };
  const row = ws.addRow(values);
  // `styles`: cells (0-based) whose style differs from their column's, e.g. a status colour
  for (let c = 0; c < layout.styles.length; c++) row.getCell(c + 1).style = options.styles?.get(c) ?? layout.styles[c]!;
  let lines = 1;
  for (const w of layout.wrapped) {
    const v = values[w.index];
    // at most two units a character: short text fits without measuring
    if (typeof v === 'string' && 2 * v.length > w.width - 2) {
      const count = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, w.width - 2))), 0);
      lines = Math.max(lines, count);
    }
  }
  // a one-line row keeps the default height (a height on every row of 100,000 is a tenth of the time)
  if (lines > 1) row.height = lines * LINE_HEIGHT + 4;
  // a group's heading row across the sheet
  if (options.merged && layout.styles.length > 1) ws.mergeCells(row.number, 1, row.number, layout.styles.length);
  row.commit();
  return row;
}

/**
 * A line of text under the table across all its columns, without borders, wrapped and as tall as it
 * needs (a form's signature line, a note): long text never spills into columns beyond the print area.
 */
export function addNoteRow(ws: ExcelJS.Worksheet, text: string): void {
  const layout = layouts.get(ws);
  const across = layout?.across ?? 80;
  const row = ws.addRow([text]);
  row.getCell(1).style = { font: TEXT_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
  row.height = Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, across - 2))) * LINE_HEIGHT + 6;
  const last = layout?.styles.length ?? 1;
  if (last > 1) ws.mergeCells(row.number, 1, row.number, last);
  row.commit();
}

/** Column letter of a 1-based index. */
export function col(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** A bold row under the data: a label in column 1 and values (formulas with their results) by column. */
export function addSummaryRow(ws: ExcelJS.Worksheet, label: string, cells: Map<number, ExcelJS.CellValue>): void {
  const layout = layouts.get(ws);
  const row = ws.addRow([label]);
  for (const [c, value] of cells) row.getCell(c).value = value;
  for (let c = 1; c <= (layout?.styles.length ?? 1); c++) row.getCell(c).style = { ...layout?.styles[c - 1], font: BOLD_FONT };
  row.height = LINE_HEIGHT + 4;
  row.commit();
}

/**
 * The 合计 row under the data rows (FIRST_DATA_ROW..lastRow): SUM formulas in `sumColumns` (1-based),
 * with their results so readers that do not recalculate still show the figure; `countColumn` counts
 * the rows.
 */
export function addTotalsRow(ws: ExcelJS.Worksheet, label: string, lastRow: number, sums: Map<number, number>, countColumn?: number): void {
  const any = lastRow >= FIRST_DATA_ROW;
  const cells = new Map<number, ExcelJS.CellValue>();
  for (const [c, result] of sums) cells.set(c, any ? { formula: `SUM(${col(c)}${FIRST_DATA_ROW}:${col(c)}${lastRow})`, result } : 0);
  if (countColumn) cells.set(countColumn, any ? { formula: `COUNTA(${col(countColumn)}${FIRST_DATA_ROW}:${col(countColumn)}${lastRow})`, result: lastRow - FIRST_DATA_ROW + 1 } : 0);
  addSummaryRow(ws, label, cells);
}

/** Rows 1–2: `{unit}{year}年度{name}` and `填报单位：… 年度：… 单位：… 制表日期：… {note}`. */
export function sheetHeading(o: { unit: string; name: string; year?: number; measure?: string; date: Date; note?: string }): SheetHeading {
  const year = o.year === undefined ? '' : `${o.year}年度`;
  const parts = [`填报单位：${o.unit}`, o.year === undefined ? '' : `年度：${o.year}`, o.measure ? `单位：${o.measure}` : '', `制表日期：${chineseDate(o.date)}`, o.note ?? ''];
  return { title: `${o.unit}${year}${o.name}`, subtitle: parts.filter(Boolean).join('　　') };
}
