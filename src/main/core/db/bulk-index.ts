// Search indexes for a bulk insert of records. Row by row, the AFTER INSERT triggers that feed the FTS
// tables cost ten times what a set-wise insert does. So for a bulk insert, inside its transaction:
// those triggers are dropped, the rows go in, the same indexing runs once over the new rows
// (search-index.ts says what is indexed, for the triggers and for this), and the triggers are created
// again from their stored SQL, byte for byte. Schema changes are transactional in SQLite: a rollback
// or a crash restores the triggers with the rows.
import type Database from 'better-sqlite3';
import { GRAMS_INSERT, INDEX_INSERT_TRIGGERS, indexRangeStatements } from './search-index';

export interface BulkIndexing {
  /** A new record's character pairs, computed where it was read (search-index.ts textGrams): indexed now. */
  addGrams(id: number, grams: string): void;
  /** Indexes every record inserted since begin (batch by batch, reporting the records done), then restores the triggers. */
  finish(onBatch?: (done: number, total: number) => Promise<void> | void): Promise<void>;
}

const BATCH = 10_000;

/** Must run inside the write transaction that inserts the records. */
export function beginBulkIndexing(sqlite: Database.Database): BulkIndexing {
  if (!sqlite.inTransaction) throw new Error('beginBulkIndexing needs an open transaction');
  const triggers = INDEX_INSERT_TRIGGERS.map((name) => ({
    name,
    sql: sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string | undefined,
  }));
  if (triggers.some((t) => t.sql === undefined)) throw new Error('the search-index triggers are not as search-index.ts says');
  const last = () => sqlite.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
  const from = last();
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const grams = sqlite.prepare(GRAMS_INSERT);
  /** ids given their pairs already */
  const paired = new Set<number>();
  return {
    addGrams(id, text) {
      grams.run(id, text);
      paired.add(id);
    },
    async finish(onBatch) {
      const to = last();
      const { grams: gramsRange, others } = indexRangeStatements();
      const statements = others.map((sql) => sqlite.prepare(sql));
      const unpaired = sqlite.prepare(gramsRange);
      const ids = sqlite.prepare('SELECT id FROM records WHERE id > ? AND id <= ?').pluck();
      for (let at = from; at < to; at += BATCH) {
        const end = Math.min(to, at + BATCH);
        for (const s of statements) s.run(at, end);
        // rows that came without their pairs get them from the records table, one run of ids at a time
        let start: number | null = null;
        for (const id of [...(ids.all(at, end) as number[]), Number.POSITIVE_INFINITY]) {
          if (Number.isFinite(id) && !paired.has(id)) start ??= id - 1;
          else if (start !== null) {
            unpaired.run(start, Number.isFinite(id) ? id - 1 : end);
            start = null;
          }
        }
        await onBatch?.(end - from, to - from);
      }
      for (const t of triggers) sqlite.exec(t.sql!);
    },
  };
}

/** Page cache while a bulk write runs (KiB, as cache_size takes it negative): fewer dirty pages spilled to the WAL. */
const BULK_CACHE_KIB = 24 * 1024;

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
