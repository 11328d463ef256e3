// .xls (Excel 97–2003), .ods and .xlsb through SheetJS (@e965/xlsx, the maintained build). SheetJS
// reads a file whole, so it runs in a worker thread with its own heap limit and a time limit: a
// hostile file costs that worker, never the import. One worker serves an import's files in turn and
// reads the next file while the rows of the one before are validated and written (at most one file
// ahead); rows come back in chunks, as the .xlsx reader gives them.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelled } from '../../../../shared/errors';
import type { SourceBook, SourceRow } from '../source';
import { damaged, RESAVE, tooLarge, unreadable, type ReadFault } from './faults';
import { LIMITS } from './limits';

/**
 * Worker source (eval'd: no loader or bundler entry needed). Takes `read` jobs in order (a `drop`
 * withdraws one not yet begun); for each posts start, the sheet list, rows in chunks, then done.
 */
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
const queue = [];
let busy = false;
parentPort.on('message', (m) => {
  if (m.type === 'read') queue.push(m);
  else {
    const at = queue.findIndex((j) => j.id === m.id);
    if (at >= 0) queue.splice(at, 1);
  }
  void pump();
});
/** Reads the queued files in turn, each once the reader has room for it (drops come in meanwhile). */
async function pump() {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const room = Atomics.load(credit, 0);
    if (room <= 0) {
      await Atomics.waitAsync(credit, 0, room, 1000).value;
      continue;
    }
    Atomics.sub(credit, 0, 1);
    read(queue.shift());
    await new Promise((r) => setImmediate(r));
  }
  busy = false;
}
function read(job) {
  const id = job.id;
  post({ type: 'start', id });
  let wb;
  try {
    wb = XLSX.read(fs.readFileSync(job.path), { type: 'buffer', dense: true, cellDates: false, cellNF: true, cellHTML: false, sheetRows: w.maxRows });
  } catch (e) {
    post({ type: 'error', id, message: String((e && e.message) || e) });
    return;
  }
  const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  post({ type: 'book', id, sheets: wb.SheetNames.map((name, i) => ({ name, hidden: !!(meta[i] && meta[i].Hidden) })) });
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
        post({ type: 'rows', id, index, rows });
        rows = [];
      }
    }
    post({ type: 'rows', id, index, rows, last: true });
    // what has been handed over need not stay in this heap
    delete wb.Sheets[name];
  });
  post({ type: 'done', id });
}
`;

type Message = { id: number } & (
  | { type: 'start' }
  | { type: 'error'; message: string }
  | { type: 'book'; sheets: { name: string; hidden: boolean }[] }
  | { type: 'rows'; index: number; rows: SourceRow[]; last?: boolean }
  | { type: 'done' }
);

/**
 * SheetJS holds every cell of the file until its read returns, each cell object left in dictionary mode
 * by its BIFF reader (`delete line.ixfe`): ~5.9 KB a row of 16 columns, 385 MB for a full 65,536-row
 * .xls sheet (BIFF8's most) and a 512 MB peak for SheetJS's read alone. Within the import's 500 MB the
 * worker's heap limit admits about 25,000 such rows a file; .xlsx has no such limit (read streaming).
 */
const WHOLE_FILE_LIMIT = '内容过多：旧版 .xls 和 .ods 文件须整个读入内存，一个文件约 2 万行（16 列）为限';

const encrypted = (file: string) => `“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 工作簿再导入`;
const unrecognised = () => damaged('无法识别其中的表格内容');

/** Files the worker may have begun and the reader not yet closed: the one being read and one ahead. */
const FILES_AHEAD = 2;

interface Job {
  id: number;
  path: string;
  state: 'queued' | 'started' | 'closed';
  /** taken by open(): a job never opened is dropped once a later file is */
  opened: boolean;
  /** the room counter of the worker that began it (closing gives the room back) */
  credit?: Int32Array;
  sheets?: { name: string; hidden: boolean }[];
  chunks: Extract<Message, { type: 'rows' }>[];
  finished: boolean;
  fault?: Error;
  wake?: () => void;
}

/** One import's SheetJS worker; close() when the import's files have been read. */
export class SheetjsReader {
  readonly #signal?: AbortSignal;
  #worker: Worker | null = null;
  #jobs: Job[] = [];
  #nextId = 1;
  #running: Job | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #abort = () => this.#fail(cancelled());

  constructor(signal?: AbortSignal) {
    this.#signal = signal;
    signal?.addEventListener('abort', this.#abort, { once: true });
  }

  /** Files about to be opened, in order: read ahead (a file that turns out not to need SheetJS is dropped). */
  expect(paths: { path: string; size: number }[]): void {
    for (const p of paths) if (p.size <= LIMITS.sheetjsFileBytes) this.#request(p.path);
  }

  /** Opens the workbook; its sheets' rows arrive as they are read, in sheet order. */
  async open(path: string, size: number): Promise<SourceBook & { close(): void }> {
    if (size > LIMITS.sheetjsFileBytes) throw tooLarge(`超过 ${LIMITS.sheetjsFileBytes / 1048576} MB（旧版 .xls 和 .ods 文件的上限）`, RESAVE);
    if (this.#signal?.aborted) throw cancelled();
    let job = this.#jobs.find((j) => !j.opened && j.path === path && j.state !== 'closed');
    // files read ahead but skipped (refused before reading, or read another way) are let go
    for (const j of this.#jobs) if (!j.opened && j !== job && (!job || j.id < job.id)) this.#close(j);
    job ??= this.#request(path);
    job.opened = true;
    while (!job.sheets && !job.finished) await new Promise<void>((r) => (job.wake = r));
    if (job.fault) {
      this.#close(job);
      throw job.fault;
    }
    if (!job.sheets) {
      this.#close(job);
      throw unrecognised();
    }
    const sheets = job.sheets.map((s, i) => ({ ...s, rows: this.#rowsOf(job, i) }));
    return { sheets, size, close: () => this.#close(job) };
  }

  /** Stops the worker; files not yet read are let go. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#signal?.removeEventListener('abort', this.#abort);
    for (const j of this.#jobs) this.#close(j);
    this.#stopWorker();
  }

  /** The rows of sheet `index`, taken off the queue as they arrive; a sheet not read is skipped over. */
  async *#rowsOf(job: Job, index: number): AsyncGenerator<SourceRow> {
    for (;;) {
      const at = job.chunks.findIndex((c) => c.index <= index);
      if (at < 0) {
        if (job.fault) throw job.fault;
        if (job.finished) return;
        await new Promise<void>((r) => (job.wake = r));
        continue;
      }
      const [chunk] = job.chunks.splice(at, 1);
      if (chunk!.index < index) continue;
      yield* chunk!.rows;
      if (chunk!.last) return;
    }
  }

  #request(path: string): Job {
    const job: Job = { id: this.#nextId++, path, state: 'queued', opened: false, chunks: [], finished: false };
    this.#jobs.push(job);
    if (this.#closed) this.#finish(job, cancelled());
    else this.#ensureWorker().postMessage({ type: 'read', id: job.id, path });
    return job;
  }

  /** Lets a job go: its rows are dropped, and the room it took is given back. */
  #close(job: Job): void {
    if (job.state === 'closed') return;
    const wasStarted = job.state === 'started';
    job.state = 'closed';
    job.chunks = [];
    this.#jobs = this.#jobs.filter((j) => j !== job);
    if (wasStarted) this.#giveRoom(job.credit!);
    else this.#worker?.postMessage({ type: 'drop', id: job.id });
    if (!job.finished) this.#finish(job, cancelled());
  }

  #giveRoom(credit: Int32Array): void {
    Atomics.add(credit, 0, 1);
    Atomics.notify(credit, 0);
  }

  #finish(job: Job, fault?: Error): void {
    if (job.finished) return;
    job.finished = true;
    job.fault ??= fault;
    if (this.#running === job) {
      this.#running = null;
      clearTimeout(this.#timer);
    }
    job.wake?.();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const credit = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(credit, 0, FILES_AHEAD - this.#jobs.filter((j) => j.state === 'started').length);
    const worker = new Worker(SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { xlsx: createRequire(import.meta.url).resolve('@e965/xlsx'), maxRows: LIMITS.rows + 10, credit: credit.buffer },
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.sheetjsHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    this.#worker = worker;
    worker.on('message', (m: Message) => this.#onMessage(m, credit));
    worker.on('error', (e: Error & { code?: string }) =>
      this.#lost(worker, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(WHOLE_FILE_LIMIT, `${RESAVE}，或拆分为每个 2 万行以内的文件`) : unrecognised()),
    );
    worker.on('exit', () => this.#lost(worker, unrecognised()));
    return worker;
  }

  #onMessage(m: Message, credit: Int32Array): void {
    const job = this.#jobs.find((j) => j.id === m.id);
    if (!job) {
      // begun just as it was let go: its room comes back at once
      if (m.type === 'start') this.#giveRoom(credit);
      return;
    }
    if (m.type === 'start') {
      job.state = 'started';
      job.credit = credit;
      this.#running = job;
      this.#timer = setTimeout(() => this.#timeout(job), LIMITS.sheetjsSeconds * 1000);
      return;
    }
    if (m.type === 'error') this.#finish(job, /password|ECMA-376 Encrypt|ODS Encryption|Encryption (scheme|Flags)/i.test(m.message) ? unreadable(encrypted) : unrecognised());
    else if (m.type === 'book') {
      // SheetJS has read the file: the time limit was for that
      clearTimeout(this.#timer);
      job.sheets = m.sheets;
    } else if (m.type === 'rows') job.chunks.push(m);
    else this.#finish(job);
    job.wake?.();
  }

  /** SheetJS is still reading after the time limit: the worker goes, and the file is refused. */
  #timeout(job: Job): void {
    this.#finish(job, tooLarge(`读取超过 ${LIMITS.sheetjsSeconds} 秒仍未完成`, RESAVE));
    const worker = this.#worker;
    if (worker) this.#lost(worker, unrecognised());
  }

  /** The worker is gone (out of memory, crashed, stopped): the file it was reading is refused; the rest go to a new one. */
  #lost(worker: Worker, fault: ReadFault): void {
    if (worker !== this.#worker) return;
    this.#worker = null;
    void worker.terminate();
    if (this.#running) this.#finish(this.#running, fault);
    if (this.#closed) return;
    const waiting = this.#jobs.filter((j) => j.state === 'queued');
    if (waiting.length === 0) return;
    const next = this.#ensureWorker();
    for (const j of waiting) next.postMessage({ type: 'read', id: j.id, path: j.path });
  }

  #fail(fault: Error): void {
    for (const j of this.#jobs) this.#finish(j, fault);
    this.close();
  }

  #stopWorker(): void {
    const worker = this.#worker;
    this.#worker = null;
    clearTimeout(this.#timer);
    void worker?.terminate();
  }
}

/** Opens one workbook with a worker of its own (when no import's reader is at hand). */
export async function openWithSheetjs(path: string, size: number, signal?: AbortSignal, reader?: SheetjsReader): Promise<SourceBook & { close(): void }> {
  if (reader) return reader.open(path, size);
  const own = new SheetjsReader(signal);
  try {
    const book = await own.open(path, size);
    return { ...book, close: () => own.close() };
  } catch (e) {
    own.close();
    throw e;
  }
}

/** Names of files SheetJS reads (the content decides in the end: read/source.ts). */
const SHEETJS_EXTENSIONS: ReadonlySet<string> = new Set(['.xls', '.ods', '.xlsb']);

/** An import's reader, reading ahead the files whose names say SheetJS will read them. */
export function sheetjsReaderFor(paths: string[], signal?: AbortSignal): SheetjsReader {
  const reader = new SheetjsReader(signal);
  const ahead = paths.filter((p) => SHEETJS_EXTENSIONS.has(extname(p).toLowerCase()));
  reader.expect(ahead.map((path) => ({ path, size: statSync(path, { throwIfNoEntry: false })?.size ?? Infinity })));
  return reader;
}
