// Walks the audit log's hash chain; the first broken link is where tampering happened.
import type { ArchiveContext } from '../context';
import { entryHash, GENESIS_HASH, type AuditRowInput } from './append';

export interface ChainBreak {
  id: number;
  reason: string;
}

export function verifyAuditChain(ctx: ArchiveContext): { entries: number; breaks: ChainBreak[] } {
  const rows = ctx.sqlite
    .prepare(`SELECT id, at, actor, action, entity, entity_id, before, after, source, prev_hash, hash FROM audit_log ORDER BY id`)
    .iterate() as IterableIterator<AuditRowInput & { id: number; prev_hash: string; hash: string }>;
  let prev = GENESIS_HASH;
  let entries = 0;
  const breaks: ChainBreak[] = [];
  for (const row of rows) {
    entries++;
    if (row.prev_hash !== prev) breaks.push({ id: row.id, reason: '与上一条日志的链接断开（上一条被删除或改动）' });
    if (entryHash(row.prev_hash, row) !== row.hash) breaks.push({ id: row.id, reason: '日志内容与其哈希不符（被改动）' });
    prev = row.hash;
  }
  return { entries, breaks };
}
