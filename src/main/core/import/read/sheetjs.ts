// .xls (Excel 97–2003), .ods and .xlsb through SheetJS (@e965/xlsx, the maintained build). SheetJS
// reads a file whole, so it runs in a worker thread with its own heap limit and a time limit: a
// hostile file costs that worker, never the import. Rows come back in chunks, at most a few ahead of
// the reader (a shared credit counter), as the .xlsx reader gives them.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cancelled } from '../../../../shared/errors';
import type { SourceBook, SourceRow } from '../source';
import { damaged, RESAVE, tooLarge, unreadable } from './faults';
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
const credit = new Int32Array(w.credit);
const post = (m) => parentPort.postMessage(m);
/** Waits until the reader has room for another chunk. */
const postChunk = (m) => {
  while (Atomics.load(credit, 0) <= 0) Atomics.wait(credit, 0, Atomics.load(credit, 0), 1000);
  Atomics.sub(credit, 0, 1);
  post(m);
};
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
      postChunk({ type: 'rows', index, rows });
      rows = [];
    }
  }
  postChunk({ type: 'rows', index, rows, last: true });
  // what has been handed over need not stay in this heap
  delete wb.Sheets[name];
});
post({ type: 'done' });
`;

type Message =
  | { type: 'error'; message: string }
  | { type: 'book'; sheets: { name: string; hidden: boolean }[] }
  | { type: 'rows'; index: number; rows: SourceRow[]; last?: boolean }
  | { type: 'done' };

/**
 * SheetJS holds every cell of the file until its read returns, each cell object left in dictionary mode
 * by its BIFF reader (`delete line.ixfe`): ~5.9 KB a row of 16 columns, 385 MB for a full 65,536-row
 * .xls sheet (BIFF8's most) and a 512 MB peak for SheetJS's read alone. Within the import's 500 MB the
 * worker's heap limit admits about 25,000 such rows a file; .xlsx has no such limit (read streaming).
 */
const WHOLE_FILE_LIMIT = '内容过多：旧版 .xls 和 .ods 文件须整个读入内存，一个文件约 2 万行（16 列）为限';

const encrypted = (file: string) => `“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 工作簿再导入`;
/** chunks of 2,000 rows the worker may be ahead of the reader */
const AHEAD = 2;

/** Opens the workbook in a worker; its sheets' rows arrive as they are read, in sheet order. */
export async function openWithSheetjs(path: string, size: number, signal?: AbortSignal): Promise<SourceBook & { close(): void }> {
  if (size > LIMITS.sheetjsFileBytes) throw tooLarge(`超过 ${LIMITS.sheetjsFileBytes / 1048576} MB（旧版 .xls 和 .ods 文件的上限）`, RESAVE);
  const credit = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(credit, 0, AHEAD);
  const worker = new Worker(SOURCE, {
    eval: true,
    execArgv: [],
    workerData: { xlsx: createRequire(import.meta.url).resolve('@e965/xlsx'), path, maxRows: LIMITS.rows + 10, credit: credit.buffer },
    resourceLimits: { maxOldGenerationSizeMb: LIMITS.sheetjsHeapMb, maxYoungGenerationSizeMb: 16 },
  });
  const chunks: Extract<Message, { type: 'rows' }>[] = [];
  let fault: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const stop = (e: Error | null) => {
    if (finished) return;
    finished = true;
    fault ??= e;
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
    void worker.terminate();
    notify();
  };
  const abort = () => stop(cancelled());
  const timer = setTimeout(() => stop(tooLarge(`读取超过 ${LIMITS.sheetjsSeconds} 秒仍未完成`, RESAVE)), LIMITS.sheetjsSeconds * 1000);
  signal?.addEventListener('abort', abort, { once: true });
  let book: { name: string; hidden: boolean }[] | null = null;
  worker.on('message', (m: Message) => {
    if (m.type === 'error') stop(/password|ECMA-376 Encrypt|ODS Encryption|Encryption (scheme|Flags)/i.test(m.message) ? unreadable(encrypted) : damaged('无法识别其中的表格内容'));
    else if (m.type === 'book') {
      // SheetJS has read the file: the time limit was for that
      clearTimeout(timer);
      book = m.sheets;
    }
    else if (m.type === 'rows') chunks.push(m);
    else stop(null);
    notify();
  });
  worker.on('error', (e: Error & { code?: string }) =>
    stop(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(WHOLE_FILE_LIMIT, `${RESAVE}，或拆分为每个 2 万行以内的文件`) : damaged('无法识别其中的表格内容')),
  );
  worker.on('exit', () => stop(finished ? null : damaged('无法识别其中的表格内容')));
  const next = () => new Promise<void>((r) => (wake = r));

  while (!book && !finished) await next();
  if (fault) throw fault;
  if (!book) throw damaged('无法识别其中的表格内容');

  /** The rows of sheet `index`, taken off the queue as they arrive; a sheet not read is skipped over. */
  async function* rowsOf(index: number): AsyncGenerator<SourceRow> {
    for (;;) {
      const at = chunks.findIndex((c) => c.index <= index);
      if (at < 0) {
        if (fault) throw fault;
        if (finished) return;
        await next();
        continue;
      }
      const [chunk] = chunks.splice(at, 1);
      Atomics.add(credit, 0, 1);
      Atomics.notify(credit, 0);
      if (chunk!.index < index) continue;
      yield* chunk!.rows;
      if (chunk!.last) return;
    }
  }
  const sheets = (book as { name: string; hidden: boolean }[]).map((s, i) => ({ ...s, rows: rowsOf(i) }));
  return { sheets, size, close: () => stop(null) };
}
