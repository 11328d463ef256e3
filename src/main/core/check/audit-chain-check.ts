// Verifying the audit log's hash chain means hashing every entry again (seconds for a large log): it
// runs on its own read-only connection in a worker thread while the main thread hashes the files.
import { chainHashWith, GENESIS_HASH } from '../audit-log/append';
import { CHAIN_QUERY, verifyAuditChain, walkChain, type ChainVerdict } from '../audit-log/verify';
import type { ArchiveContext } from '../context';
import { inBackground, type Background } from './background';

// The very functions the main thread uses, by their source text, so the formula stays single-sourced.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.sqlite);
const chainHashWith = ${chainHashWith.toString()};
const walkChain = ${walkChain.toString()};
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  const rows = db.prepare(workerData.query).raw(true).iterate();
  parentPort.postMessage({ value: walkChain(rows, (prev, fields) => chainHashWith(hash, prev, fields), workerData.genesis) });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

/** Starts the verification at once; should the worker fail, the chain is verified on this thread. */
export function startAuditChainCheck(ctx: ArchiveContext): Background<ChainVerdict> {
  const check = inBackground(WORKER_SOURCE, { path: ctx.paths.database, query: CHAIN_QUERY, genesis: GENESIS_HASH }, () => verifyAuditChain(ctx));
  // An error the worker reports (say, its connection could not open) gets a second chance on this thread.
  return { ...check, result: check.result.catch(() => verifyAuditChain(ctx)) };
}
