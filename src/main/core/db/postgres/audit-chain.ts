// Walks the audit log's hash chain in PostgreSQL: each link (an entry's prev_hash against the stored
// hash before it, in id order) and each format-2 entry's hash are recomputed by the server in one pass
// (sha256 over exactly the bytes append.ts hashes), so only the breaks travel. Format-1 (legacy JSON)
// entries, from archives moved over from SQLite, are re-hashed here row by row.
import { sql, type Kysely } from 'kysely';
import type { AuditFields } from '../../audit-log/append';
import type { ChainBreak, ChainVerdict } from '../../audit-log/verify';
import type { ReadDb } from '../handles';
import type { DB } from '../schema';
import { inSnapshot } from './snapshot';

const LINK = '与上一条日志的链接断开（上一条被删除或改动）';
const CONTENT = '日志内容与其哈希不符（被改动）';

/** Format 2's bytes (append.ts chainHashV2With): prev_hash, a newline, each field after U+001F, U+001E for NULL. */
const FORMAT2 = sql.raw(
  `prev_hash || chr(10) || ${['at', 'actor', 'action', 'entity'].map((c) => `chr(31) || ${c}`).join(' || ')} || ` +
    ['entity_id::text', 'before', 'after', 'source'].map((c) => `chr(31) || coalesce(${c}, chr(30))`).join(' || '),
);

export async function verifyChainPostgres(
  db: ReadDb,
  v1Hash: (prevHash: string, fields: AuditFields) => string,
  genesis: string,
): Promise<ChainVerdict> {
  return inSnapshot(db, async (s: Kysely<DB>) => {
    const found = await sql<{ id: number; link: boolean; content: boolean }>`
      WITH chain AS (
        SELECT id, hash_format, hash, prev_hash, lag(hash, 1, ${genesis}) OVER (ORDER BY id) AS prior,
               CASE WHEN hash_format = 2 THEN encode(sha256(convert_to(${FORMAT2}, 'UTF8')), 'hex') END AS computed
          FROM audit_log
      ), judged AS (
        SELECT id, prev_hash IS DISTINCT FROM prior AS link,
               hash_format NOT IN (1, 2) OR (hash_format = 2 AND computed IS DISTINCT FROM hash) AS content
          FROM chain
      )
      SELECT id, link, content FROM judged WHERE link OR content ORDER BY id`.execute(s);
    const breaks: ChainBreak[] = [];
    for (const row of found.rows) {
      if (row.link) breaks.push({ id: row.id, reason: LINK });
      if (row.content) breaks.push({ id: row.id, reason: CONTENT });
    }
    const legacy = await s
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'source', 'prev_hash', 'hash'])
      .where('hash_format', '=', 1)
      .orderBy('id')
      .execute();
    let legacyBreaks = 0;
    for (const r of legacy) {
      if (v1Hash(r.prev_hash, [r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after, r.source]) !== r.hash) {
        breaks.push({ id: r.id, reason: CONTENT });
        legacyBreaks++;
      }
    }
    if (legacyBreaks > 0) breaks.sort((a, b) => a.id - b.id);
    const entries = (await s.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    return { entries, breaks };
  });
}
