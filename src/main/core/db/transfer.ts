// Copying an archive's rows whole from one database to another, of either engine (a server archive's
// backup is written as archive.sqlite; a backup is restored onto a server): both are at the same
// logical schema (test/schema/parity.test.ts), so every data table goes across as it is, ids included,
// parents before children, in pages. Rows the migrations put in (the status transitions) are already
// there and must be the same, except the archive's identity, which the copy takes from its source (a
// restored archive is the same archive: its anchor goes on).
import { sql, type Kysely } from 'kysely';
import { SanwuError } from '../../../shared/errors';
import { cancelled } from '../../../shared/errors';
import type { LongTaskOptions } from '../../../shared/domain';
import { engineOf, type TableSpec } from './engine';
import type { Reader, Trx } from './handles';
import type { DB } from './schema';

/** Bound parameters per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS = 30_000;
const PAGE = 2_000;

type Row = Record<string, unknown>;

const rowsOf = async (db: Reader, t: TableSpec, after: number | null): Promise<Row[]> => {
  const k = db as unknown as Kysely<DB>;
  const cols = sql.join(t.columns.map((c) => sql.ref(c)));
  if (t.key === null) return (await sql<Row>`SELECT ${cols} FROM ${sql.table(t.name)} ORDER BY ${sql.join(t.columns.map((c) => sql.ref(c)))}`.execute(k)).rows;
  return (await sql<Row>`SELECT ${cols} FROM ${sql.table(t.name)} WHERE ${sql.ref(t.key)} > ${after ?? -Number.MAX_SAFE_INTEGER} ORDER BY ${sql.ref(t.key)} LIMIT ${PAGE}`.execute(k)).rows;
};

async function insertRows(trx: Trx, t: TableSpec, rows: Row[]): Promise<void> {
  const per = Math.max(1, Math.floor(PARAMS / t.columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const values = rows.slice(i, i + per).map((r) => sql`(${sql.join(t.columns.map((c) => r[c]))})`);
    await sql`INSERT INTO ${sql.table(t.name)} (${sql.join(t.columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(trx);
  }
}

const same = (a: Row[], b: Row[]): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Tables the migrations fill with rows of each archive's own: the copy's are the source's. */
const OWN_ROWS = new Set(['archive_identity']);

/**
 * Copies every data table of `source` into `target` (a transaction on a database at the same schema
 * whose data tables are empty), returning the rows copied per table.
 */
export async function copyArchive(source: Reader, target: Trx, opts: LongTaskOptions = {}): Promise<Record<string, number>> {
  const tables = await engineOf(target).dataTables(target);
  const theirs = new Map((await engineOf(source).dataTables(source)).map((t) => [t.name, t]));
  for (const t of tables) {
    const s = theirs.get(t.name);
    if (!s || s.columns.join() !== t.columns.join()) {
      throw new SanwuError('INVALID_INPUT', `两个档案库的结构不一致（表 ${t.name}），无法复制。请先用同一版本的三务档案打开两者。`);
    }
  }
  const load = await engineOf(target).beginLoad(target);
  const copied: Record<string, number> = {};
  for (const [i, t] of tables.entries()) {
    opts.onProgress?.({ phase: '复制数据', done: i, total: tables.length });
    if (opts.signal?.aborted) throw cancelled();
    let present = await rowsOf(target, { ...t, key: null }, null);
    if (present.length > 0 && OWN_ROWS.has(t.name)) {
      // the load has stood the guards aside (an archive keeps its identity: this one takes its source's)
      await sql`DELETE FROM ${sql.table(t.name)}`.execute(target);
      present = [];
    }
    if (present.length > 0) {
      // filled by the migrations on both sides: reference data, the same or the schemas differ
      if (!same(present, await rowsOf(source, { ...t, key: null }, null))) {
        throw new SanwuError('INVALID_INPUT', `两个档案库的基础数据不一致（表 ${t.name}），无法复制。`);
      }
      continue;
    }
    copied[t.name] = 0;
    for (let after: number | null = null; ; ) {
      const rows = await rowsOf(source, t, after);
      if (rows.length === 0) break;
      await insertRows(target, t, rows);
      copied[t.name]! += rows.length;
      if (t.key === null) break;
      after = rows.at(-1)![t.key] as number;
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw cancelled();
    }
  }
  await load.finish();
  opts.onProgress?.({ phase: '复制数据', done: tables.length, total: tables.length });
  return copied;
}
