// The inspection's second core: a worker thread runs the database self-test and the audit-chain walk on
// its own read-only connection (the engine's tasks, db/), then joins the main thread in hashing the
// files. Its code is plain JavaScript source (eval'd) built from the very functions the main thread
// uses, so it needs no loader or bundler entry and runs the same under the CLI (tsx), the tests
// (vitest) and the app's bundle.
import { constants } from 'node:fs';
import { sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FILE_FORMATS, sniffFormat } from '../attachments/sniff';
import { chainHashV2With, chainHashWith, GENESIS_HASH } from '../audit-log/append';
import { verifyAuditChain, type ChainVerdict } from '../audit-log/verify';
import type { ArchiveContext } from '../context';
import { CHECK_TASKS_SOURCE, checkTasksData, databaseSelfTestHere, reconcileHere, type Discrepancy } from '../db';
import { scanNextBatch, scanOpenFlags, type SharedScan } from './scan-files';

const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
// tsx and vitest (esbuild keepNames) wrap the embedded functions' inner arrows in __name(fn, name).
const __name = (fn) => fn;
const sniffFormat = ${sniffFormat.toString()};
const scanNextBatch = ${scanNextBatch.toString()};
const chainHashWith = ${chainHashWith.toString()};
const chainHashV2With = ${chainHashV2With.toString()};
${CHECK_TASKS_SOURCE}
const post = (task, run) => {
  try {
    parentPort.postMessage({ task, value: run() });
  } catch (e) {
    parentPort.postMessage({ task, error: String((e && e.message) || e) });
  }
};
let db;
post('open', () => {
  db = openCheckedDatabase();
  return true;
});
if (db) {
  post('database', () => databaseSelfTest(db, w.full));
  post('chain', () =>
    verifyChain(db, crypto.hash, (prev, fields) => chainHashWith(crypto.hash, prev, fields), (prev, fields) => chainHashV2With(crypto.hash, prev, fields), w.genesis),
  );
  post('reconcile', () => findDiscrepancies(db, w.engine.reconcile));
  db.close();
}
parentPort.once('message', (scan) => {
  scan.hashes = scan.hashes === '' ? [] : scan.hashes.split('\\n');
  const deps = { hash: crypto.hash, createHash: crypto.createHash, openSync: fs.openSync, readSync: fs.readSync, closeSync: fs.closeSync, sniffFormat, formats: w.formats, sep: w.sep, buf: Buffer.allocUnsafe(1 << 20), openFlags: w.openFlags };
  post('files', () => {
    const errors = {};
    while (scanNextBatch(scan, deps, errors));
    return errors;
  });
  parentPort.close();
});
`;

export interface CheckWorker {
  /** what the database self-test reported (["ok"] when sound) */
  database: Promise<string[]>;
  chain: Promise<ChainVerdict>;
  /** live rows that differ from what the audit log records of them */
  reconcile: Promise<Discrepancy[]>;
  /** Hands the worker the file scan to share; resolves with why files it took were unreadable. */
  scan: (s: SharedScan) => Promise<Record<number, string>>;
  /** abandons the work (on cancel or failure) */
  stop: () => void;
}

interface Outcome<T> {
  promise: Promise<T>;
  settled: boolean;
  settle: (run: () => T | Promise<T>) => void;
}

function outcome<T>(): Outcome<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // The inspection may stop before it asks for every result.
  promise.catch(() => {});
  const o: Outcome<T> = {
    promise,
    settled: false,
    settle: (run) => {
      if (o.settled) return;
      o.settled = true;
      try {
        Promise.resolve(run()).then(resolve, reject);
      } catch (e) {
        reject(e);
      }
    },
  };
  return o;
}

type Reply = { task: 'open' | 'database' | 'chain' | 'reconcile' | 'files'; value?: unknown; error?: string };

/** Starts the worker at once. Whatever it cannot deliver (no worker threads, a crash) is done on this thread. */
export function startCheckWorker(ctx: ArchiveContext, full: boolean): CheckWorker {
  const path = ctx.paths.database;
  // A self-test that cannot run is itself a finding, not a crash of the whole inspection.
  const selfTestHere = () => {
    try {
      return databaseSelfTestHere(path, full);
    } catch (e) {
      return [`无法完成数据库自检（${(e as Error).message}）`];
    }
  };
  const database = outcome<string[]>();
  const chain = outcome<ChainVerdict>();
  const reconcile = outcome<Discrepancy[]>();
  const files = outcome<Record<number, string>>();
  let stopped = false;
  // The files it claimed but never scanned are picked up by the main thread's final pass.
  const fallback = () => {
    if (stopped) return;
    database.settle(selfTestHere);
    chain.settle(() => verifyAuditChain(ctx.db));
    reconcile.settle(() => reconcileHere(ctx.db));
    files.settle(() => ({}));
  };

  let worker: Worker | null = null;
  try {
    // No inherited flags: `--import tsx` would only slow the start, `--input-type=module` break `require`.
    worker = new Worker(SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { engine: checkTasksData(path), full, genesis: GENESIS_HASH, formats: FILE_FORMATS, sep, openFlags: scanOpenFlags(constants) },
    });
  } catch {
    fallback();
  }
  worker?.on('message', (m: Reply) => {
    if (m.task === 'database') database.settle(() => (m.error === undefined ? (m.value as string[]) : selfTestHere()));
    else if (m.task === 'chain') chain.settle(() => (m.error === undefined ? (m.value as ChainVerdict) : verifyAuditChain(ctx.db)));
    else if (m.task === 'reconcile') reconcile.settle(() => (m.error === undefined ? (m.value as Discrepancy[]) : reconcileHere(ctx.db)));
    else if (m.task === 'files') files.settle(() => (m.value as Record<number, string> | undefined) ?? {});
    else if (m.error !== undefined) {
      database.settle(selfTestHere);
      chain.settle(() => verifyAuditChain(ctx.db));
      reconcile.settle(() => reconcileHere(ctx.db));
    }
  });
  worker?.once('error', fallback);
  worker?.once('exit', fallback);
  return {
    database: database.promise,
    chain: chain.promise,
    reconcile: reconcile.promise,
    scan: (s) => {
      // One string clones far faster than 100,000; this thread's digest lookup (indexOf) stays here.
      if (worker && !files.settled) worker.postMessage({ ...s, indexOf: undefined, hashes: s.hashes.join('\n') });
      return files.promise;
    },
    stop: () => {
      stopped = true;
      void worker?.terminate();
    },
  };
}
