// PRAGMA integrity_check reads the whole database file, which takes seconds on a large archive: it
// runs on its own read-only connection in a worker thread while the main thread hashes the files.
import Database from 'better-sqlite3';
import { inBackground, type Background } from './background';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  for (const p of workerData.pragmas) db.pragma(p);
  parentPort.postMessage({ value: db.pragma('integrity_check', { simple: false }).map((r) => r.integrity_check) });
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

/** Starts the check at once; `result` is the lines `PRAGMA integrity_check` reports (["ok"] when sound). */
export function startIntegrityCheck(path: string): Background<string[]> {
  const check = inBackground(WORKER_SOURCE, { path, pragmas: PRAGMAS }, () => integrityCheckHere(path));
  // A check that cannot run is itself a finding, not a crash of the whole inspection.
  return { ...check, result: check.result.catch((e: Error) => [`无法完成数据库自检（${e.message}）`]) };
}
