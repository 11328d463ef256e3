// `<name>.错误.xlsx` beside an input imported with skip-invalid: the refused rows as they were
// written, plus a 错误原因 column, so the community can correct them and send the file again.
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportError } from '../../../shared/import';
import { cellText, clean, isCellError, type Plain } from './cells';
import { SHEETS } from './columns';
import { SheetScanner } from './header';
import { openBook, type SourceBook } from './source';

export const REASON_HEADER = '错误原因';

export function errorWorkbookPath(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.错误.xlsx`);
}

/** The reasons of each refused row, by sheet and row: "列：原因；列：原因". */
export function reasonsByRow(errors: ImportError[]): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const e of errors) {
    if (e.row === null) continue;
    const rows = out.get(e.sheet) ?? new Map<number, string>();
    out.set(e.sheet, rows);
    const reason = e.column ? `${e.column}：${e.message}` : e.message;
    rows.set(e.row, rows.has(e.row) ? `${rows.get(e.row)}；${reason}` : reason);
  }
  return out;
}

function writable(p: Plain): string | number | boolean | null {
  if (p === null || typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean') return p;
  return isCellError(p) ? p.error : cellText(p);
}

/** Re-reads the input and copies the refused rows; returns the path written. */
export async function writeErrorWorkbook(input: string, reasons: Map<string, Map<number, string>>, out = errorWorkbookPath(input)): Promise<string> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const source = await openBook(input, () => {});
  try {
    await copyRefusedRows(source, reasons, book);
  } finally {
    source.close();
  }
  await book.commit();
  return out;
}

async function copyRefusedRows(source: SourceBook, reasons: Map<string, Map<number, string>>, book: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  for (const sheet of source.sheets) {
    const def = SHEETS.find((s) => s.name === clean(sheet.name));
    const refused = def && reasons.get(def.name);
    if (!def || !refused || sheet.hidden) continue;
    const ws = book.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    let headerWritten = false;
    const scanner = new SheetScanner(def, (row, cells) => {
      const reason = refused.get(row);
      if (reason === undefined) return;
      if (!headerWritten) {
        const header = ws.addRow([...(scanner.headerCells ?? []).slice(1).map(writable), REASON_HEADER]);
        header.font = { bold: true };
        header.commit();
        headerWritten = true;
      }
      const width = scanner.headerCells?.length ?? cells.length;
      const values = Array.from({ length: width - 1 }, (_, i) => writable(cells[i + 1] ?? null));
      ws.addRow([...values, reason]).commit();
    });
    for await (const row of sheet.rows) scanner.push(row.number, row.values);
    ws.commit();
  }
}
