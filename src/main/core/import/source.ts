// Opening an input file as sheets of rows, whatever it is: .xlsx, CSV, or something refused.
import { basename, extname } from 'node:path';
import { RECORDS_SHEET } from './columns';
import { csvRows, decodeText } from './csv-reader';
import { FileProblem } from './file-problem';
import { xlsxSheets } from './xlsx-reader';

export interface SourceRow {
  number: number;
  /** 1-based, like exceljs's row.values */
  values: readonly unknown[];
}

export interface SourceSheet {
  name: string;
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, sig: number[]) => sig.every((b, i) => data[i] === b);

function oleProblem(data: Buffer, name: string): FileProblem {
  // An encrypted .xlsx is an OLE container holding an "EncryptionInfo" stream (its name in UTF-16).
  if (data.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
    return new FileProblem('', `“${name}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入`);
  }
  return new FileProblem('', `“${name}”是旧版 Excel 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再导入`);
}

export function openSheets(path: string, data: Buffer, onBytes: (n: number) => void): AsyncIterable<SourceSheet> | Iterable<SourceSheet> {
  const name = basename(path);
  if (startsWith(data, ZIP)) return xlsxSheets(data, onBytes);
  if (startsWith(data, OLE)) throw oleProblem(data, name);
  if (extname(path).toLowerCase() === '.csv' || extname(path).toLowerCase() === '.txt') {
    if (data.includes(0)) throw new FileProblem('', `“${name}”不是文本格式的 CSV 文件，请从 Excel 或 WPS 另存为 CSV 或 .xlsx`);
    return [{ name: RECORDS_SHEET.name, rows: csvRows(decodeText(data)) }];
  }
  throw new FileProblem('', `“${name}”不是 Excel 工作簿（.xlsx）或 CSV 文件，请用 sanwu template 生成的模板填写后再导入`);
}
