// .xls (Excel 97–2003), .ods and .xlsb through SheetJS (@e965/xlsx, the maintained build). SheetJS
// reads a file whole, so it runs in a worker thread with its own heap limit and a time limit: a
// hostile file costs that worker, never the import. Cells come back as the .xlsx reader gives them.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cancelled } from '../../../../shared/errors';
import type { SourceBook, SourceRow } from '../source';
import { damaged, tooLarge, unreadable } from './faults';
import { LIMITS } from './limits';

/** Worker source (eval'd: no loader or bundler entry needed). Posts the sheet list, rows in chunks, then done. */
const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const fs = require('node:fs');
// SheetJS is a large script: reuse its compiled code across workers and runs
require('node:module').enableCompileCache?.();
const XLSX = require(w.xlsx);
// SheetJS reports some oddities on the console; the reader's verdict is what counts.
console.error = console.warn = console.log = () => {};
const post = (m) => parentPort.postMessage(m);
let wb;
try {
  wb = XLSX.read(fs.readFileSync(w.path), { type: 'buffer', dense: true, cellDates: false, cellNF: true, cellHTML: false, sheetRows: w.maxRows });
} catch (e) {
  post({ type: 'error', message: String((e && e.message) || e) });
  process.exit(0);
}
const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
post({ type: 'book', sheets: wb.SheetNames.map((name, i) => ({ name, hidden: !!(meta[i] && meta[i].Hidden) })) });
const toDate = (serial) => new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000));
const value = (cell) => {
  switch (cell.t) {
    case 'n': return cell.z && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) ? toDate(cell.v) : cell.v;
    case 's': return String(cell.v);
    case 'b': return !!cell.v;
    case 'e': return { error: cell.w || '#ERROR' };
    case 'd': return cell.v instanceof Date ? new Date(Date.UTC(cell.v.getFullYear(), cell.v.getMonth(), cell.v.getDate())) : null;
    default: return null;
  }
};
wb.SheetNames.forEach((name, index) => {
  const data = (wb.Sheets[name] && wb.Sheets[name]['!data']) || [];
  let rows = [];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells) continue;
    const values = [undefined];
    for (let c = 0; c < cells.length; c++) if (cells[c]) values[c + 1] = value(cells[c]);
    rows.push({ number: r + 1, values });
    if (rows.length === 2000) {
      post({ type: 'rows', index, rows });
      rows = [];
    }
  }
  post({ type: 'rows', index, rows });
});
post({ type: 'done' });
`;

type Message =
  | { type: 'error'; message: string }
  | { type: 'book'; sheets: { name: string; hidden: boolean }[] }
  | { type: 'rows'; index: number; rows: SourceRow[] }
  | { type: 'done' };

const encrypted = (file: string) => `“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 工作簿再导入`;

/** Reads the whole workbook in a worker; the rows are then handed out sheet by sheet. */
export function openWithSheetjs(path: string, size: number, signal?: AbortSignal): Promise<SourceBook> {
  if (size > LIMITS.sheetjsFileBytes) {
    return Promise.reject(tooLarge(`超过 ${LIMITS.sheetjsFileBytes / 1048576} MB（旧版 .xls 和 .ods 文件的上限）`, '请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再导入'));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { xlsx: createRequire(import.meta.url).resolve('@e965/xlsx'), path, maxRows: LIMITS.rows + 10 },
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.sheetjsHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let sheets: { name: string; hidden: boolean; rows: SourceRow[] }[] = [];
    let settled = false;
    const finish = (fault: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if (fault) reject(fault);
      else resolve({ sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows })), size });
    };
    const abort = () => finish(cancelled());
    const timer = setTimeout(() => finish(tooLarge(`读取超过 ${LIMITS.sheetjsSeconds} 秒仍未完成`, '请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再导入')), LIMITS.sheetjsSeconds * 1000);
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: Message) => {
      if (m.type === 'error') finish(/password|ECMA-376 Encrypt|ODS Encryption|Encryption (scheme|Flags)/i.test(m.message) ? unreadable(encrypted) : damaged('无法识别其中的表格内容'));
      else if (m.type === 'book') sheets = m.sheets.map((s) => ({ ...s, rows: [] }));
      else if (m.type === 'rows') sheets[m.index]?.rows.push(...m.rows);
      else finish(null);
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge('内容过多，读取时超出内存上限', '请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再导入') : damaged('无法识别其中的表格内容')),
    );
    worker.on('exit', () => finish(damaged('无法识别其中的表格内容')));
  });
}
