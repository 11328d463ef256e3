// Shared sheet setup for every workbook of the package: streamed (exceljs WorkbookWriter, one sheet
// at a time, rows committed as written), A4, header row frozen and repeated on print, set widths,
// real dates, totals as SUM formulas.
import ExcelJS from 'exceljs';
import { cancelled } from '../../../../shared/errors';

export interface SheetColumn {
  header: string;
  width: number;
  /** e.g. 'yyyy-mm-dd' for date columns, '#,##0.00' for money */
  numFmt?: string;
  wrap?: boolean;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '#,##0.00';

const thin = { style: 'thin' } as const;
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };

/**
 * Writes a streamed workbook. A failed or cancelled write still closes the file, so the staging
 * folder can be removed (Windows will not delete an open file).
 */
export async function writeWorkbook(filename: string, write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  wb.creator = '三务档案';
  try {
    await write(wb);
  } catch (e) {
    await wb.commit().catch(() => undefined);
    throw e;
  }
  await wb.commit();
}

interface SheetLayout {
  /** each column's one style object, shared by all its data cells (see writeRow) */
  styles: Partial<ExcelJS.Style>[];
  /** wrapped columns: 0-based index and width in characters */
  wrapped: { index: number; width: number }[];
}
const layouts = new WeakMap<ExcelJS.Worksheet, SheetLayout>();

const LINE_HEIGHT = 15;
/** Display width in Excel characters: a Chinese character takes two. */
function displayWidth(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2e80) w++;
  return w;
}

export function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: SheetColumn[],
  options: { landscape?: boolean } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      showGridLines: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  layouts.set(ws, {
    // a plain column's empty style is the workbook's default, so its cells carry no style at all
    styles: columns.map((c) => ({
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    })),
    wrapped: columns.flatMap((c, index) => (c.wrap ? [{ index, width: c.width }] : [])),
  });
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
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
 * The styles are kept off the columns themselves so that new cells start from an empty style. Rows
 * with wrapped text get the height it needs.
 */
export function writeRow(ws: ExcelJS.Worksheet, values: unknown[]): void {
  const layout = layouts.get(ws) ?? { styles: [], wrapped: [] };
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    cell.style = layout.styles[c - 1] ?? {};
  });
  // a streamed row is final once committed, and LibreOffice does not grow rows for wrapped text
  let lines = 1;
  for (const w of layout.wrapped) {
    const v = values[w.index];
    // at most two units a character: short text fits without measuring
    if (typeof v === 'string' && 2 * v.length > w.width - 2) lines = Math.max(lines, Math.ceil(displayWidth(v) / Math.max(1, w.width - 2)));
  }
  if (lines > 1) row.height = lines * LINE_HEIGHT;
  row.commit();
}

/** Column letter of a 1-based index. */
export function col(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * The 合计 row under rows 2..lastRow: SUM formulas in `sumColumns` (1-based), with their results so
 * readers that do not recalculate still show the figure.
 */
export function addTotalsRow(ws: ExcelJS.Worksheet, label: string, lastRow: number, sums: Map<number, number>, countColumn?: number): void {
  const row = ws.addRow([label]);
  for (const [c, result] of sums) {
    row.getCell(c).value = lastRow >= 2 ? { formula: `SUM(${col(c)}2:${col(c)}${lastRow})`, result } : 0;
  }
  if (countColumn) {
    row.getCell(countColumn).value = lastRow >= 2 ? { formula: `COUNTA(${col(countColumn)}2:${col(countColumn)}${lastRow})`, result: lastRow - 1 } : 0;
  }
  row.font = { bold: true };
  row.commit();
}
