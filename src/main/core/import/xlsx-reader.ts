// Reading .xlsx row by row with exceljs's streaming reader, fed from a strict zip reader.
//
// exceljs 4.4 reads the zip with unzipper, which hangs on some damaged files, and decodes every
// inflated chunk on its own, so a Chinese character split across two chunks turns into U+FFFD
// (about one cell in 300 of a large sheet). This subclass keeps exceljs's XML parsing but hands it
// the parts from zip-entries.ts, CRC-checked and decoded as a stream; exceljs passes strings through.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SourceSheet } from './source';
import { entryText, zipEntries, type ZipEntry } from './zip-entries';

/** The parts of exceljs's WorkbookReader this subclass builds on (not in its typings). */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: WorksheetReader }>;
}

type WorksheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ReaderInternals;

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

class VerifiedWorkbookReader extends Base {
  constructor(
    private readonly data: Buffer,
    private readonly onBytes: (at: number) => void,
  ) {
    super(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell date cells from numbers
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
  }

  /** The workbook's parts first (any order in the file), then its worksheets. */
  async *sheets(): AsyncGenerator<WorksheetReader> {
    const entries = zipEntries(this.data);
    const part = (name: string) => entries.find((e) => e.name === name);
    const text = (e: ZipEntry) => Readable.from(entryText(this.data, e));
    const book = part('xl/workbook.xml');
    if (!book) throw new Error('缺少 xl/workbook.xml，不是 Excel 工作簿');
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await this._parseRels(text(rels));
    await this._parseWorkbook(text(book));
    const styles = part('xl/styles.xml');
    if (styles) await this._parseStyles(text(styles));
    const strings = part('xl/sharedStrings.xml');
    if (strings) for await (const _ of this._parseSharedStrings(text(strings)));
    for (const e of entries) {
      const sheetNo = WORKSHEET.exec(e.name)?.[1];
      if (!sheetNo) continue;
      for (const { value } of this._parseWorksheet(entryText(this.data, e, this.onBytes), sheetNo)) yield value;
    }
  }
}

async function* rowsOf(sheet: WorksheetReader) {
  let last = 0;
  for await (const row of sheet) {
    // Row numbers are optional in the file format: count on from the last one.
    last = Number.isInteger(row.number) && row.number > last ? row.number : last + 1;
    yield { number: last, values: row.values as unknown[] };
  }
}

/** The worksheets of an .xlsx, in file order; each must be read (or skipped) before the next. */
export async function* xlsxSheets(data: Buffer, onBytes: (at: number) => void): AsyncGenerator<SourceSheet> {
  for await (const sheet of new VerifiedWorkbookReader(data, onBytes).sheets()) yield { name: sheet.name, rows: rowsOf(sheet) };
}
