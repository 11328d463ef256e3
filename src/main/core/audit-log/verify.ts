// Walks the audit log's hash chain; the first broken link is where tampering happened.
import type { ArchiveContext } from '../context';
import { chainHash, GENESIS_HASH, type AuditFields } from './append';

export interface ChainBreak {
  id: number;
  reason: string;
}

type ChainRow = [id: number, ...fields: AuditFields, prevHash: string, hash: string];

export function verifyAuditChain(ctx: ArchiveContext): { entries: number; breaks: ChainBreak[] } {
  // Raw rows: the log can hold millions of entries, and arrays are cheaper than objects here.
  const rows = ctx.sqlite
    .prepare(`SELECT id, at, actor, action, entity, entity_id, before, after, source, prev_hash, hash FROM audit_log ORDER BY id`)
    .raw(true)
    .iterate() as IterableIterator<ChainRow>;
  let prev = GENESIS_HASH;
  let entries = 0;
  const breaks: ChainBreak[] = [];
  for (const row of rows) {
    entries++;
    const [id, at, actor, action, entity, entityId, before, after, source, prevHash, hash] = row;
    if (prevHash !== prev) breaks.push({ id, reason: '与上一条日志的链接断开（上一条被删除或改动）' });
    if (chainHash(prevHash, [at, actor, action, entity, entityId, before, after, source]) !== hash) {
      breaks.push({ id, reason: '日志内容与其哈希不符（被改动）' });
    }
    prev = hash;
  }
  return { entries, breaks };
}
