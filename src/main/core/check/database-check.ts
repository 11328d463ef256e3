// PRAGMA integrity_check reads the whole database file, which takes seconds on a large archive: it
// runs on its own read-only connection in a worker thread while the main thread hashes the files.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Plain JavaScript so the worker needs no TypeScript loader in the CLI, the tests or the app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  for (const p of workerData.pragmas) db.pragma(p);
  parentPort.postMessage({ rows: db.pragma('integrity_check', { simple: false }).map((r) => r.integrity_check) });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

// Memory-mapped reads and a larger page cache make the check several times faster on a big file.
const PRAGMAS = ['mmap_size = 1073741824', 'cache_size = -131072'];

function integrityCheckHere(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    for (const p of PRAGMAS) db.pragma(p);
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } finally {
    db.close();
  }
}

export interface IntegrityCheck {
  /** the lines `PRAGMA integrity_check` reports (["ok"] when sound) */
  result: Promise<string[]>;
  /** abandons the check (on cancel) */
  stop: () => void;
}

/** Starts the check at once; await `result` when it is needed. */
export function startIntegrityCheck(path: string): IntegrityCheck {
  let worker: Worker | null = null;
  const result = new Promise<string[]>((resolve, reject) => {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, module, pragmas: PRAGMAS } });
    } catch {
      resolve(integrityCheckHere(path));
      return;
    }
    // A check that cannot run is itself a finding, not a crash of the whole inspection.
    worker.once('message', (m: { rows?: string[]; error?: string }) => resolve(m.rows ?? [`无法完成数据库自检（${m.error}）`]));
    worker.once('error', () => {
      // No worker threads here: check on this thread instead.
      try {
        resolve(integrityCheckHere(path));
      } catch (e) {
        reject(e);
      }
    });
  });
  return {
    result,
    stop: () => {
      result.catch(() => {});
      void worker?.terminate();
    },
  };
}
