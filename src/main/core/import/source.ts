// Opening an input file as sheets of rows, whatever it is — .xlsx (any writer), .xls, .ods, CSV —
// told by its content, its name only breaking ties. Anything else is refused with what to do.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { clean } from './cells';
import { RECORDS_SHEET, SHEETS } from './columns';
import { csvRows } from './read/csv';
import { tooLarge, unreadable } from './read/faults';
import { LIMITS } from './read/limits';
import { hiddenOdsTables } from './read/ods';
import { OoxmlPackage } from './read/ooxml';
import { openWithSheetjs, type SheetjsReader } from './read/sheetjs';
import { openXlsx } from './read/xlsx';
import { fileSource, zipEntries, type ZipSource } from './read/zip';

export interface SourceRow {
  number: number;
  /** 1-based, like exceljs's row.values */
  values: readonly unknown[];
}

export interface SourceSheet {
  name: string;
  hidden: boolean;
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>;
}

export interface SourceBook {
  sheets: SourceSheet[];
  /** bytes of the input, which progress counts through */
  size: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const startsWith = (data: Uint8Array, sig: number[]) => sig.every((b, i) => data[i] === b);

const WPS = (file: string) =>
  `“${file}”是 WPS 表格专用格式（.et），无法直接导入。请在 WPS 中打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，保存后导入新文件`;
const ENCRYPTED = (file: string) =>
  `“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 工作簿再导入`;
const NOT_A_WORKBOOK = (file: string) =>
  `“${file}”不是 Excel 工作簿（.xlsx、.xls）、.ods 或 CSV 文件。请在“数据导入”页下载导入模板，填写后再导入`;

function head(fd: number): Buffer {
  const b = Buffer.alloc(8);
  readSync(fd, b, 0, 8, 0);
  return b;
}

/** What a zip holds: a spreadsheet (.xlsx, .ods, .xlsb) or, if none, a bundle of workbooks and scans. */
async function zipKind(src: ZipSource): Promise<{ kind: 'xlsx' | 'ods' | 'sheetjs' | 'bundle'; pkg: OoxmlPackage }> {
  const pkg = new OoxmlPackage(src, zipEntries(src, { entries: LIMITS.zipEntries, entryBytes: LIMITS.zipInflatedBytes, totalBytes: LIMITS.zipInflatedBytes }));
  if (pkg.has('mimetype')) {
    let type = '';
    for await (const b of pkg.bytes('mimetype')) type += b.toString('latin1');
    if (type.trim().startsWith(ODS_MIMETYPE)) return { kind: 'ods', pkg };
  }
  const main = await pkg.mainPart();
  if (main) return { kind: main.binary ? 'sheetjs' : 'xlsx', pkg };
  return { kind: 'bundle', pkg };
}

/** A .zip of workbooks and scans rather than a workbook itself? Read from its content. */
export async function isBundle(path: string): Promise<boolean> {
  const fd = openSync(path, 'r');
  try {
    if (!startsWith(head(fd), ZIP)) return false;
    return (await zipKind(fileSource(fd, fstatSync(fd).size))).kind === 'bundle';
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a workbook; `close` must be called when its sheets have been read. Throws ReadFault for
 * anything that cannot be read, with the reason. `sheetjs`: the import's SheetJS worker, if it has one.
 */
export async function openBook(path: string, onBytes: (at: number) => void, signal?: AbortSignal, sheetjs?: SheetjsReader): Promise<SourceBook & { close(): void }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.et' || ext === '.ett') throw unreadable(WPS);
  const fd = openSync(path, 'r');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  try {
    const size = fstatSync(fd).size;
    if (size > LIMITS.fileBytes) throw tooLarge(`超过 ${LIMITS.fileBytes / 1048576} MB`, '请拆分为多个工作簿后分别导入（扫描件不要放进工作簿，可与工作簿一起压缩成 .zip 导入）');
    const sig = head(fd);
    if (startsWith(sig, ZIP)) {
      const src = fileSource(fd, size);
      const { kind, pkg } = await zipKind(src);
      if (kind === 'xlsx') {
        const book = await openXlsx(src, pkg, onBytes);
        if (book) return { ...book, close };
      }
      if (kind === 'ods') {
        const book = await openWithSheetjs(path, size, signal, sheetjs);
        try {
          const wanted = new Set(book.sheets.map((s) => s.name).filter((n) => SHEETS.some((d) => d.name === clean(n))));
          const hidden = await hiddenOdsTables(pkg, wanted);
          close();
          return { ...book, sheets: book.sheets.map((s) => ({ ...s, hidden: s.hidden || hidden.has(s.name) })) };
        } catch (e) {
          book.close();
          throw e;
        }
      }
      if (kind === 'sheetjs') {
        close();
        return await openWithSheetjs(path, size, signal, sheetjs);
      }
      throw unreadable(NOT_A_WORKBOOK);
    }
    if (startsWith(sig, OLE)) {
      // An encrypted .xlsx is an OLE container holding an "EncryptionInfo" stream (its name in UTF-16).
      if (size <= LIMITS.sheetjsFileBytes && readFileSync(path).includes(Buffer.from('EncryptionInfo', 'utf16le'))) throw unreadable(ENCRYPTED);
      close();
      return await openWithSheetjs(path, size, signal, sheetjs);
    }
    if (ext === '.csv' || ext === '.txt') {
      const data = readFileSync(path);
      close();
      if (data.includes(0)) throw unreadable((f) => `“${f}”不是文本格式的 CSV 文件，请从 Excel 或 WPS 另存为 CSV 或 .xlsx`);
      return { sheets: [{ name: RECORDS_SHEET.name, hidden: false, rows: csvRows(data) }], size, close };
    }
    throw unreadable(NOT_A_WORKBOOK);
  } catch (e) {
    close();
    throw e;
  }
}
