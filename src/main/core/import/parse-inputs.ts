// Reading the inputs while the import writes: on this thread (small inputs: a worker's start costs more
// than it saves), or on a second thread (parse-worker.ts) whose drafts arrive as they are validated.
// Either way the handlers see each input's drafts in order, then its outcome.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { FileProblem } from './file-problem';
import { parseFile, type InputFile, type ParseEnv, type ParsedFile } from './parse-file';
import { LIMITS } from './read/limits';
import { sheetjsReaderFor } from './read/sheetjs';
import type { Drafts } from './write';

export interface InputHandlers {
  drafts(index: number, batch: Drafts): Promise<void>;
  parsed(index: number, parsed: ParsedFile): void;
  problem(index: number, problem: FileProblem): void;
  progress(index: number, progress: Progress): void;
}

type Env = Omit<ParseEnv, 'onDrafts' | 'onProgress' | 'signal' | 'sheetjs'>;

export interface WorkerJob {
  inputs: InputFile[];
  env: Env;
  /** batches the worker may post before the writer has taken them */
  credit: SharedArrayBuffer;
}

export type ToWriter =
  | { type: 'drafts'; index: number; batch: Drafts }
  | { type: 'progress'; index: number; progress: Progress }
  | { type: 'parsed'; index: number; parsed: ParsedFile }
  | { type: 'problem'; index: number; sheet: string; message: string; noSheets: boolean }
  | { type: 'failed'; index: number; message: string }
  | { type: 'ready' }
  | { type: 'done' };

/** batches of drafts the worker may be ahead of the writer */
const AHEAD = 4;

/** Where the worker's code is: the source through tsx, or the entry the app's build emits beside the core. */
function workerScript(): { url: URL; execArgv: string[] } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    return { url: new URL('./parse-worker.ts', here), execArgv: ['--import', tsx] };
  }
  for (const rel of ['./import-parse.js', '../import-parse.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  return null;
}

/**
 * Whether the inputs are large enough for a second thread. Files SheetJS reads count too: its worker
 * only reads, and validating on this thread would leave the writing to wait for it.
 */
export function worthAThread(inputs: InputFile[]): boolean {
  return inputs.reduce((n, i) => n + (statSync(i.path, { throwIfNoEntry: false })?.size ?? 0), 0) >= LIMITS.threadBytes;
}

export async function parseInputs(inputs: InputFile[], env: Env & { signal?: AbortSignal }, on: InputHandlers, thread: 'here' | 'worker'): Promise<void> {
  const script = thread === 'worker' ? workerScript() : null;
  // a worker that cannot start (no such entry in this build, no threads) leaves the reading to this thread
  if (script && (await parseInWorker(script, inputs, env, on)) === 'started') return;
  const sheetjs = sheetjsReaderFor(inputs.map((i) => i.path), env.signal);
  try {
    for (const [index, input] of inputs.entries()) {
      try {
        on.parsed(index, await parseFile(input, { ...env, sheetjs, onDrafts: (b) => on.drafts(index, b), onProgress: (p) => on.progress(index, p) }));
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e;
        on.problem(index, e);
      }
    }
  } finally {
    sheetjs.close();
  }
}

/** 'started': the worker read the inputs (or failed while reading them); 'unavailable': it never began. */
async function parseInWorker(script: { url: URL; execArgv: string[] }, inputs: InputFile[], env: Env & { signal?: AbortSignal }, on: InputHandlers): Promise<'started' | 'unavailable'> {
  const { signal, ...plain } = env;
  const credit = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(credit, 0, AHEAD);
  let worker: Worker;
  try {
    worker = new Worker(script.url, {
      execArgv: script.execArgv,
      workerData: { inputs, env: plain, credit: credit.buffer } satisfies WorkerJob,
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.threadHeapMb },
    });
  } catch {
    return 'unavailable';
  }
  return new Promise<'started' | 'unavailable'>((resolve, reject) => {
    const queue: ToWriter[] = [];
    let current = 0;
    let busy = false;
    let settled = false;
    let exited = false;
    let started = false;
    const settle = (e: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if (!started && !signal?.aborted) resolve('unavailable');
      else if (e) reject(e);
      else resolve('started');
    };
    const abort = () => settle(cancelled());
    signal?.addEventListener('abort', abort, { once: true });
    // Messages are handled one at a time, in order: an input's drafts, then its outcome.
    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        while (queue.length > 0 && !settled) {
          const m = queue.shift()!;
          if (m.type === 'ready') continue;
          if (m.type !== 'done') current = m.index;
          if (m.type === 'drafts') {
            await on.drafts(m.index, m.batch);
            Atomics.add(credit, 0, 1);
            Atomics.notify(credit, 0);
          } else if (m.type === 'progress') on.progress(m.index, m.progress);
          else if (m.type === 'parsed') on.parsed(m.index, m.parsed);
          else if (m.type === 'problem') on.problem(m.index, new FileProblem(m.sheet, m.message, m.noSheets));
          else if (m.type === 'failed') settle(new Error(m.message));
          else settle(null);
        }
      } catch (e) {
        settle(e);
      } finally {
        busy = false;
      }
      // the worker ended without saying it was done (its messages all handled)
      if (exited && queue.length === 0) settle(new Error('the import worker stopped'));
    };
    worker.on('message', (m: ToWriter) => {
      started = true;
      queue.push(m);
      void pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return settle(e);
      // Bounded like every reader: an input that needs more is refused, the import with it.
      on.problem(current, new FileProblem('', `“${inputs[current]!.name}”内容过多，读取时超出内存上限，请拆分为多个工作簿后分别导入`));
      settle(null);
    });
    worker.on('exit', () => {
      exited = true;
      void pump();
    });
  });
}
