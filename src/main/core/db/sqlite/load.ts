// SQLite's side of moving whole archives (db/transfer.ts): its data tables from the catalogue, and a
// transaction taking rows as they are — the guard triggers (BEFORE …: a record starts 未归档, …) dropped
// and recreated from their own SQL before commit (SQLite's DDL is transactional), while the triggers
// that keep the search indexes (AFTER …) go on working.
import { sql, type Kysely } from 'kysely';
import type { BulkLoad, TableSpec } from '../engine';
import type { Reader, Trx } from '../handles';
import type { DB } from '../schema';

const BOOKKEEPING = /^(sqlite_|kysely_)/;

export async function sqliteDataTables(db: Reader): Promise<TableSpec[]> {
  const k = db as unknown as Kysely<DB>;
  const all = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(k)).rows;
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const tables = all.filter((t) => !BOOKKEEPING.test(t.name) && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  const specs: (TableSpec & { parents: string[] })[] = [];
  for (const t of tables) {
    const cols = (await sql<{ name: string; type: string; pk: number; hidden: number }>`SELECT name, type, pk, hidden FROM pragma_table_xinfo(${t.name})`.execute(k)).rows;
    const pk = cols.filter((c) => c.pk > 0);
    const parents = (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${t.name})`.execute(k)).rows.map((r) => r.table);
    specs.push({
      name: t.name,
      columns: cols.filter((c) => c.hidden === 0).map((c) => c.name),
      key: pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null,
      parents,
    });
  }
  return parentsFirst(specs);
}

/** Orders tables so that each comes after the tables its foreign keys refer to. */
export function parentsFirst<T extends TableSpec & { parents: string[] }>(specs: T[]): TableSpec[] {
  const out: TableSpec[] = [];
  const placed = new Set<string>();
  let left = [...specs];
  while (left.length > 0) {
    const ready = left.filter((t) => t.parents.every((p) => p === t.name || placed.has(p) || !specs.some((s) => s.name === p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle: ${left.map((t) => t.name).join(', ')}`);
    for (const { parents: _p, ...t } of ready) {
      out.push(t);
      placed.add(t.name);
    }
    left = left.filter((t) => !placed.has(t.name));
  }
  return out;
}

export async function beginSqliteLoad(trx: Trx): Promise<BulkLoad> {
  const guards = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(trx)).rows.filter((t) =>
    /^CREATE\s+TRIGGER\s+(IF\s+NOT\s+EXISTS\s+)?"?\w+"?\s+BEFORE\b/i.test(t.sql),
  );
  for (const t of guards) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(trx);
  return {
    finish: async () => {
      for (const t of guards) await sql.raw(t.sql).execute(trx);
    },
  };
}
