// Walks the audit log's hash chain in SQLite; the first broken link is where tampering happened.
import type { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditFields } from '../../audit-log/append';
import type { ChainBreak, ChainVerdict } from '../../audit-log/verify';

/**
 * Verifies every link and every entry's hash, in id order. SQLite concatenates the entries of `chunk`
 * consecutive ids into one blob, each `<id> <format> <hash>` U+001C `<payload>` U+001D, where the payload
 * (prev_hash, a newline and the eight fields as format 2 marks them) is exactly what format 2 hashes.
 * The separators never occur in values the app writes, so a sound chunk reads apart one way; a chunk
 * with any break or odd shape is judged again entry by entry from its columns (`v2Hash`), so tampering
 * cannot mislead the reading. Format-1 entries' content is read row by row for `v1Hash`. Self-contained (all it uses comes
 * in as arguments) because the check's worker thread runs its source text.
 */
export function verifyChain(
  db: Database.Database,
  hashFn: typeof hash,
  v1Hash: (prevHash: string, fields: AuditFields) => string,
  v2Hash: (prevHash: string, fields: AuditFields) => string,
  genesis: string,
  chunk = 2000,
): ChainVerdict {
  const LINK = '与上一条日志的链接断开（上一条被删除或改动）';
  const CONTENT = '日志内容与其哈希不符（被改动）';
  // Flat arguments of one concat(), no lengths: plain concatenation is what SQLite does fast. :v and :n
  // are format 2's field mark and NULL; NOT NULL columns need no NULL case.
  const fields = ['at', 'actor', 'action', 'entity'].map((c) => `:v, ${c}`).concat(['entity_id', 'before', 'after', 'source'].map((c) => `:v, coalesce(${c}, :n)`));
  const entry = `id, ' ', hash_format, ' ', hash, :fs, prev_hash, :nl, ${fields.join(', ')}, :gs`;
  const range = 'FROM audit_log WHERE id >= :lo AND id < :hi';
  const chunkQuery = db.prepare(`SELECT CAST(group_concat(concat(${entry}), '') AS BLOB) ${range}`).pluck();
  const rowsQuery = db.prepare(`SELECT id, hash_format, hash, at, actor, action, entity, entity_id, before, after, source, prev_hash ${range} ORDER BY id`).raw(true);
  // Ids have gaps only where entries were deleted: skip to the next id rather than walk empty ranges.
  const nextId = db.prepare(`SELECT min(id) FROM audit_log WHERE id >= ?`).pluck();
  const breaks: ChainBreak[] = [];
  let entries = 0;
  let prev = genesis;
  for (let lo = nextId.get(-Number.MAX_SAFE_INTEGER) as number | null; lo !== null; lo = nextId.get(lo + chunk) as number | null) {
    const buf = (chunkQuery.get({ v: '\x1f', n: '\x1e', nl: '\n', fs: '\x1c', gs: '\x1d', lo, hi: lo + chunk }) as Buffer | null) ?? Buffer.alloc(0);
    // The quick reading: accepted only if every entry in the chunk checks out.
    let p = 0;
    let last = prev;
    let count = 0;
    let sound = true;
    while (sound && p < buf.length) {
      const idEnd = buf.indexOf(32, p);
      const formatEnd = buf.indexOf(32, idEnd + 1);
      const hashEnd = buf.indexOf(28, formatEnd + 1);
      const end = buf.indexOf(29, hashEnd + 1);
      const format = buf.toString('latin1', idEnd + 1, formatEnd);
      const stored = buf.toString('latin1', formatEnd + 1, hashEnd);
      sound =
        idEnd > p && formatEnd > idEnd && hashEnd > formatEnd && end > hashEnd &&
        buf.toString('latin1', hashEnd + 1, hashEnd + 1 + last.length) === last && buf[hashEnd + 1 + last.length] === 10 &&
        (format === '1' || (format === '2' && hashFn('sha256', buf.subarray(hashEnd + 1, end)) === stored));
      last = stored;
      count++;
      p = end + 1;
    }
    if (sound) {
      entries += count;
      prev = last;
      continue;
    }
    // Something is off in this chunk: judge each entry from its columns.
    for (const row of rowsQuery.iterate({ lo, hi: lo + chunk }) as IterableIterator<[number, number, string, ...AuditFields, string]>) {
      const [id, format, stored, at, actor, action, entity, entityId, before, after, source, prevHash] = row;
      entries++;
      if (prevHash !== prev) breaks.push({ id, reason: LINK });
      if (format === 2 ? v2Hash(prevHash, [at, actor, action, entity, entityId, before, after, source]) !== stored : format !== 1) {
        breaks.push({ id, reason: CONTENT });
      }
      prev = stored;
    }
  }
  const legacy = db.prepare(
    `SELECT id, at, actor, action, entity, entity_id, before, after, source, prev_hash, hash FROM audit_log
     WHERE id BETWEEN (SELECT min(id) FROM audit_log WHERE hash_format = 1) AND (SELECT max(id) FROM audit_log WHERE hash_format = 1)
       AND +hash_format = 1 ORDER BY id`,
  );
  let legacyBreaks = 0;
  for (const row of legacy.raw(true).iterate() as IterableIterator<[number, ...AuditFields, string, string]>) {
    const [id, at, actor, action, entity, entityId, before, after, source, prevHash, stored] = row;
    if (v1Hash(prevHash, [at, actor, action, entity, entityId, before, after, source]) !== stored) {
      breaks.push({ id, reason: CONTENT });
      legacyBreaks++;
    }
  }
  // Stable: an entry's link break stays ahead of its content break.
  if (legacyBreaks > 0) breaks.sort((a, b) => a.id - b.id);
  return { entries, breaks };
}
