// Search indexes for a bulk insert of records. Row by row, the AFTER INSERT triggers that feed the FTS
// tables cost ten times what a set-wise insert does. So for a bulk insert, inside its transaction:
// those triggers are dropped, the rows go in, each trigger's statement runs ONCE over the new rows
// (INSERT … SELECT, rewritten from the trigger's own text: what is indexed stays defined in one place,
// the triggers), and the triggers are created again from their stored SQL, byte for byte. Schema
// changes are transactional in SQLite: a rollback or a crash restores the triggers with the rows.
import type Database from 'better-sqlite3';

interface IndexTrigger {
  name: string;
  sql: string;
  /** the trigger's statements as INSERT … SELECT over `records AS new` */
  bulk: string[];
}

const TRIGGER = /^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)(\w+)\1\s+AFTER\s+INSERT\s+ON\s+"?records"?\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+([\s\S]+?)\s+)?BEGIN\s+([\s\S]*?)\s*END\s*$/i;
const INSERT_VALUES = /^INSERT\s+INTO\s+"?(\w+)"?\s*(\([^()]*\))\s*VALUES\s*\(([\s\S]*)\)$/i;

/**
 * The FTS-feeding insert triggers on records that can be run set-wise: every statement a plain
 * INSERT INTO <fts5 table> (…) VALUES (…). Any other trigger keeps firing row by row.
 */
function indexTriggers(sqlite: Database.Database): IndexTrigger[] {
  const fts = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`).pluck().all() as string[]).map((n) => n.toLowerCase()),
  );
  const triggers = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'records'`).all() as { name: string; sql: string }[];
  const out: IndexTrigger[] = [];
  for (const t of triggers) {
    const m = TRIGGER.exec(t.sql);
    if (!m) continue;
    const when = m[3];
    // Statements end with ';' outside quotes; trigger bodies here hold no string literals with ';'.
    const statements = m[4]!.split(';').map((s) => s.trim()).filter(Boolean);
    const bulk = statements.map((s) => INSERT_VALUES.exec(s));
    if (bulk.length === 0 || bulk.some((b) => !b || !fts.has(b[1]!.toLowerCase()))) continue;
    out.push({
      name: t.name,
      sql: t.sql,
      bulk: bulk.map((b) => `INSERT INTO ${b![1]} ${b![2]} SELECT ${b![3]} FROM records AS new WHERE new.id > ? AND new.id <= ?${when ? ` AND (${when})` : ''} ORDER BY new.id`),
    });
  }
  return out;
}

export interface BulkIndexing {
  /** Indexes every record inserted since begin (batch by batch, reporting the records done), then restores the triggers. */
  finish(onBatch?: (done: number, total: number) => Promise<void> | void): Promise<void>;
}

const BATCH = 10_000;

/** Must run inside the write transaction that inserts the records. */
export function beginBulkIndexing(sqlite: Database.Database): BulkIndexing {
  if (!sqlite.inTransaction) throw new Error('beginBulkIndexing needs an open transaction');
  const triggers = indexTriggers(sqlite);
  const last = () => (sqlite.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number);
  const from = last();
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  return {
    async finish(onBatch) {
      const to = last();
      const statements = triggers.flatMap((t) => t.bulk.map((sql) => sqlite.prepare(sql)));
      for (let at = from; at < to; at += BATCH) {
        const end = Math.min(to, at + BATCH);
        for (const s of statements) s.run(at, end);
        await onBatch?.(end - from, to - from);
      }
      for (const t of triggers) sqlite.exec(t.sql);
    },
  };
}

/** Page cache while a bulk write runs (KiB, as cache_size takes it negative): fewer dirty pages spilled to the WAL. */
const BULK_CACHE_KIB = 64 * 1024;

/** Runs `write` with a larger page cache on this connection, restoring the setting after. */
export async function withBulkCache<T>(sqlite: Database.Database, write: () => Promise<T>): Promise<T> {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return await write();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}
