// Runs part of the inspection in a worker thread, so the second core works while this thread hashes files.
// The worker's code is plain JavaScript source (eval'd): it needs no TypeScript loader or bundler entry, so
// it runs the same in the CLI (tsx), the tests (vitest) and the app's bundle.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Background<T> {
  result: Promise<T>;
  /** abandons the work (on cancel) */
  stop: () => void;
}

/** What a worker's source posts once: its result or why it failed. */
export type WorkerReply<T> = { value: T } | { error: string };

/**
 * Starts `source` (CommonJS; `workerData.sqlite` is the path of better-sqlite3) at once. Where no worker
 * thread can run, `here()` does the work on this thread instead; an error the source reports rejects `result`.
 */
export function inBackground<T>(source: string, data: Record<string, unknown>, here: () => T): Background<T> {
  let worker: Worker | null = null;
  const result = new Promise<T>((resolve, reject) => {
    const runHere = () => {
      try {
        resolve(here());
      } catch (e) {
        reject(e);
      }
    };
    try {
      const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
      // No inherited flags: `--import tsx` would only slow the start, `--input-type=module` break `require`.
      worker = new Worker(source, { eval: true, execArgv: [], workerData: { ...data, sqlite } });
    } catch {
      runHere();
      return;
    }
    worker.once('message', (m: WorkerReply<T>) => ('value' in m ? resolve(m.value) : reject(new Error(m.error))));
    worker.once('error', runHere);
  });
  return {
    result,
    stop: () => {
      result.catch(() => {});
      void worker?.terminate();
    },
  };
}
