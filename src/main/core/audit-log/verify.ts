// Walks the audit log's hash chain; the first broken link is where tampering happened.
import type { ArchiveContext } from '../context';
import { chainHash, GENESIS_HASH, type AuditFields } from './append';

export interface ChainBreak {
  id: number;
  reason: string;
}

export interface ChainVerdict {
  entries: number;
  breaks: ChainBreak[];
}

export type ChainRow = [id: number, ...fields: AuditFields, prevHash: string, hash: string];

/** The chain in order, as raw rows: the log can hold millions of entries, and arrays are cheaper than objects. */
export const CHAIN_QUERY = `SELECT id, at, actor, action, entity, entity_id, before, after, source, prev_hash, hash FROM audit_log ORDER BY id`;

/**
 * Self-contained (all it uses comes in as arguments, no inner named functions) because the audit-chain
 * check's worker thread runs its source text.
 */
export function walkChain(rows: Iterable<ChainRow>, hashOf: (prevHash: string, fields: AuditFields) => string, genesis: string): ChainVerdict {
  let prev = genesis;
  let entries = 0;
  const breaks: ChainBreak[] = [];
  for (const row of rows) {
    entries++;
    const [id, at, actor, action, entity, entityId, before, after, source, prevHash, hash] = row;
    if (prevHash !== prev) breaks.push({ id, reason: '与上一条日志的链接断开（上一条被删除或改动）' });
    if (hashOf(prevHash, [at, actor, action, entity, entityId, before, after, source]) !== hash) {
      breaks.push({ id, reason: '日志内容与其哈希不符（被改动）' });
    }
    prev = hash;
  }
  return { entries, breaks };
}

export function verifyAuditChain(ctx: ArchiveContext): ChainVerdict {
  const rows = ctx.sqlite.prepare(CHAIN_QUERY).raw(true).iterate() as IterableIterator<ChainRow>;
  return walkChain(rows, chainHash, GENESIS_HASH);
}
