// Search indexes for a bulk insert of records. Row by row, the AFTER INSERT triggers that feed the FTS
// tables cost ten times what a set-wise insert does. So for a bulk insert, inside its transaction:
// those triggers are dropped, the rows go in, the same indexing runs set-wise over the new rows, in id
// order, 10,000 at a time as they gather and the rest at the end (search-index.ts says what is indexed,
// for the triggers and for this), and the triggers are created again from their stored SQL, byte for
// byte. Schema changes are transactional in SQLite: a rollback or a crash restores the triggers with
// the rows.
import type { BulkIndexing } from '../engine';
import type { Trx } from '../handles';
import { GRAMS_INSERT, INDEX_INSERT_TRIGGERS, indexRangeStatements } from '../search-index';
import { withRaw } from './driver';

const BATCH = 10_000;

const START_GUARD = 'records_status_on_insert';
/** The new records (id > ?) the guard would have refused. */
const START_VIOLATIONS = `SELECT count(*) FROM records r WHERE r.id > ? AND NOT EXISTS
  (SELECT 1 FROM record_status_transitions t WHERE t.from_status = '' AND t.to_status = r.status)`;

/** Must run inside the write transaction `trx` that inserts the records. */
async function beginBulkIndexing(trx: Trx): Promise<BulkIndexing> {
  const last = () => withRaw(trx, (raw) => raw.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number);
  const { grams: gramsRange, others } = indexRangeStatements();
  const { triggers, from } = await withRaw(trx, (raw) => {
    if (!raw.inTransaction) throw new Error('beginBulkIndexing needs an open transaction');
    const triggers = [...INDEX_INSERT_TRIGGERS, START_GUARD].map((name) => ({
      name,
      sql: raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string | undefined,
    }));
    if (triggers.some((t) => t.sql === undefined)) throw new Error('the records insert triggers are not as search-index.ts and migration 0003 say');
    const from = raw.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
    for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
    return { triggers, from };
  });
  /** ids given their pairs already */
  const paired = new Set<number>();
  /** the records up to this id are indexed */
  let indexed = from;
  /** Indexes the records with at < id <= end. */
  const indexRange = (at: number, end: number) =>
    withRaw(trx, (raw) => {
      for (const s of others) raw.prepare(s).run(at, end);
      // rows that came without their pairs get them from the records table, one run of ids at a time
      const unpaired = raw.prepare(gramsRange);
      let start: number | null = null;
      for (const id of [...(raw.prepare('SELECT id FROM records WHERE id > ? AND id <= ?').pluck().all(at, end) as number[]), Number.POSITIVE_INFINITY]) {
        if (Number.isFinite(id) && !paired.has(id)) start ??= id - 1;
        else if (start !== null) {
          unpaired.run(start, Number.isFinite(id) ? id - 1 : end);
          start = null;
        }
      }
      indexed = end;
    });
  return {
    takesGrams: true,
    async added(pairs) {
      await withRaw(trx, (raw) => {
        const grams = raw.prepare(GRAMS_INSERT);
        for (const [id, text] of pairs) {
          grams.run(id, text);
          paired.add(id);
        }
      });
      // whole batches as they gather, while the reading goes on: less left for finish()
      const to = await last();
      while (to - indexed >= BATCH) await indexRange(indexed, indexed + BATCH);
    },
    async finish(onBatch) {
      const to = await last();
      while (indexed < to) {
        await indexRange(indexed, Math.min(to, indexed + BATCH));
        await onBatch?.(indexed - from, to - from);
      }
      await withRaw(trx, (raw) => {
        if ((raw.prepare(START_VIOLATIONS).pluck().get(from) as number) > 0) throw new Error('a record starts in a status listed in record_status_transitions');
        for (const t of triggers) raw.exec(t.sql!);
      });
    },
  };
}

/** Page cache while a bulk write runs (KiB, as cache_size takes it negative): fewer dirty pages spilled to the WAL. */
const BULK_CACHE_KIB = 24 * 1024;

/** The engine's bulkRecords: `write` runs with the index triggers set aside and a larger page cache on the connection. */
export async function bulkRecordsSqlite<T>(trx: Trx, write: (indexing: BulkIndexing) => Promise<T>): Promise<T> {
  const before = await withRaw(trx, (raw) => {
    const size = raw.pragma('cache_size', { simple: true }) as number;
    raw.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    return size;
  });
  try {
    return await write(await beginBulkIndexing(trx));
  } finally {
    await withRaw(trx, (raw) => raw.pragma(`cache_size = ${before}`));
  }
}
