// The import's second thread: reads and validates the inputs (parse-file.ts) and posts the drafts to the
// thread that writes them, at most a few batches ahead (a shared credit counter). An entry of its own
// (electron.vite.config.ts builds it as import-parse.js); from source it runs through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { isSanwuError } from '../../../shared/errors';
import { FileProblem } from './file-problem';
import type { ToWriter, WorkerJob } from './parse-inputs';
import { sheetjsReaderFor } from './read/sheetjs';

const job = workerData as WorkerJob;
// SheetJS begins on the first .xls or .ods while the validation code loads
const sheetjs = sheetjsReaderFor(job.inputs.map((i) => i.path));
const { parseFile } = await import('./parse-file');
const credit = new Int32Array(job.credit);
const post = (m: ToWriter) => parentPort!.postMessage(m);

/** Waits until the writer has taken a batch off (the wait blocks this thread only). */
function takeCredit(): void {
  while (Atomics.load(credit, 0) <= 0) Atomics.wait(credit, 0, Atomics.load(credit, 0), 1000);
  Atomics.sub(credit, 0, 1);
}

// from here on the reading is this thread's, whatever happens
post({ type: 'ready' });
for (const [index, input] of job.inputs.entries()) {
  try {
    const parsed = await parseFile(input, {
      ...job.env,
      sheetjs,
      onProgress: (progress) => post({ type: 'progress', index, progress }),
      onDrafts: async (batch) => {
        takeCredit();
        post({ type: 'drafts', index, batch });
      },
    });
    post({ type: 'parsed', index, parsed });
  } catch (e) {
    if (e instanceof FileProblem) post({ type: 'problem', index, sheet: e.sheet, message: e.message, noSheets: e.noSheets });
    else post({ type: 'failed', index, message: isSanwuError(e) ? e.message : String((e as Error)?.stack ?? e) });
  }
}
sheetjs.close();
post({ type: 'done' });
