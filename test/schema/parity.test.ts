// Both engines end at the same logical schema: the same tables with the same columns (type class,
// NOT NULL, default, generated), primary keys, UNIQUE sets, foreign keys, CHECK constraints (by the
// columns they read), indexes, and the rows migrations put in (the status transitions). Each engine's
// own machinery (SQLite's FTS tables, PostgreSQL's record_grams and file store) is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { PG_MATCHES_SQLITE, PG_MIGRATIONS } from '../../src/main/core/db/postgres/migrations';
import { rawQuery, tempArchive, type TestArchive } from '../helpers/archive';

interface Column {
  name: string;
  type: 'integer' | 'real' | 'text' | 'blob';
  notNull: boolean;
  default: string | null;
  generated: boolean;
}

interface Table {
  columns: Column[];
  primaryKey: string[];
  unique: string[][];
  foreignKeys: string[];
  checks: string[][];
  indexes: string[];
}

type Schema = Record<string, Table>;

const ENGINE_OWN = /^(kysely_|sqlite_|records_fts|records_grams|records_code_|record_grams$|search_term_counts$|file_blobs$|file_chunks$)/;
/** Indexes only one engine's search needs (the trigram index); the rest must match. */
const ENGINE_OWN_INDEXES = /^(records_search_trgm|record_grams)/;

const typeClass = (declared: string): Column['type'] => {
  const t = declared.toLowerCase();
  if (/int/.test(t)) return 'integer';
  if (/real|double|float|numeric/.test(t)) return 'real';
  if (/blob|bytea/.test(t)) return 'blob';
  return 'text';
};

/** A default as a plain literal: casts, collations and outer parentheses removed. */
const normalDefault = (d: string | null): string | null => {
  if (d === null || d.startsWith('nextval(')) return null;
  return d.replace(/::[a-z ]+/g, '').replace(/^\((.*)\)$/, '$1').trim();
};

/** The bodies of every CHECK (…) in a CREATE TABLE statement. */
function checkBodies(sql: string): string[] {
  const out: string[] = [];
  const re = /\bCHECK\s*\(/gi;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    let depth = 1;
    let i = re.lastIndex;
    let quoted = false;
    for (; i < sql.length && depth > 0; i++) {
      const c = sql[i];
      if (c === "'") quoted = !quoted;
      else if (!quoted && c === '(') depth++;
      else if (!quoted && c === ')') depth--;
    }
    out.push(sql.slice(re.lastIndex, i - 1));
  }
  return out;
}

const columnsIn = (expr: string, columns: string[]): string[] =>
  columns.filter((c) => new RegExp(`(^|[^\\w'])${c}([^\\w']|$)`).test(expr.replace(/'[^']*'/g, "''"))).sort();

const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function sqliteSchema(a: TestArchive): Promise<Schema> {
  const q = <T>(sql: string) => rawQuery<T>(a.ctx, sql);
  const schema: Schema = {};
  const tables = await q<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  for (const { name, sql } of tables.filter((t) => !ENGINE_OWN.test(t.name))) {
    const info = await q<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }>(`PRAGMA table_xinfo("${name}")`);
    const names = info.map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk).map((c) => c.name);
    // a single INTEGER PRIMARY KEY is the rowid: numbered by the engine, as an identity column
    const rowid = pk.length === 1 && info.find((c) => c.name === pk[0])!.type.toUpperCase() === 'INTEGER' && !/WITHOUT ROWID/i.test(sql);
    const columns = info.map((c) => ({
      name: c.name,
      type: typeClass(c.type),
      notNull: c.notnull === 1 || c.pk > 0,
      default: rowid && c.name === pk[0] ? 'identity' : normalDefault(c.dflt_value),
      generated: c.hidden === 2 || c.hidden === 3,
    }));
    const unique: string[][] = [];
    const indexes: string[] = [];
    for (const idx of await q<{ name: string; origin: string; unique: number; partial: number }>(`PRAGMA index_list("${name}")`)) {
      const cols = (await q<{ name: string }>(`PRAGMA index_info("${idx.name}")`)).map((c) => c.name);
      if (idx.origin === 'u') unique.push(cols);
      else if (idx.origin === 'c') indexes.push(`${idx.name}(${cols.join(',')})${idx.unique ? ' unique' : ''}${idx.partial ? ' partial' : ''}`);
    }
    const fks = await q<{ from: string; table: string; to: string }>(`PRAGMA foreign_key_list("${name}")`);
    schema[name] = {
      columns,
      primaryKey: pk,
      unique: sorted(unique),
      foreignKeys: fks.map((f) => `${f.from} -> ${f.table}(${f.to})`).sort(),
      checks: sorted(checkBodies(sql).map((body) => columnsIn(body, names))),
      indexes: indexes.sort(),
    };
  }
  return schema;
}

async function postgresSchema(a: TestArchive): Promise<Schema> {
  const q = <T>(sql: string, params: unknown[] = []) => rawQuery<T>(a.ctx, sql, params);
  const schema: Schema = {};
  const tables = await q<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`);
  for (const { name } of tables.filter((t) => !ENGINE_OWN.test(t.name))) {
    const info = await q<{ name: string; type: string; nullable: string; dflt: string | null; generated: string; identity: string }>(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt, is_generated AS generated, is_identity AS identity
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
      [name],
    );
    // an id the table numbers itself (largest + 1, as SQLite's rowid): the <table>_next_id trigger
    const numbered = (await q(`SELECT 1 FROM pg_trigger WHERE tgrelid = ?::regclass AND tgname = ?`, [name, `${name}_next_id`])).length > 0;
    const columns = info.map((c) => ({
      name: c.name,
      type: typeClass(c.type),
      notNull: c.nullable === 'NO',
      default: c.identity === 'YES' || (numbered && c.name === 'id') ? 'identity' : c.generated === 'ALWAYS' ? null : normalDefault(c.dflt),
      generated: c.generated === 'ALWAYS',
    }));
    const constraints = await q<{ type: string; cols: string[]; ref: string | null; refcols: string[] | null }>(
      `SELECT c.contype AS type,
              ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
              c.confrelid::regclass::text AS ref,
              ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS refcols
         FROM pg_constraint c WHERE c.conrelid = ?::regclass`,
      [name],
    );
    const indexes = await q<{ name: string; cols: string[]; unique: boolean; partial: boolean }>(
      `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
              ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [name],
    );
    schema[name] = {
      columns,
      primaryKey: constraints.find((c) => c.type === 'p')?.cols ?? [],
      unique: sorted(constraints.filter((c) => c.type === 'u').map((c) => c.cols)),
      foreignKeys: constraints.filter((c) => c.type === 'f').map((c) => `${c.cols[0]} -> ${c.ref}(${c.refcols![0]})`).sort(),
      checks: sorted(constraints.filter((c) => c.type === 'c').map((c) => [...c.cols].sort())),
      indexes: indexes
        .filter((i) => !ENGINE_OWN_INDEXES.test(i.name))
        .map((i) => `${i.name}(${i.cols.join(',')})${i.unique ? ' unique' : ''}${i.partial ? ' partial' : ''}`)
        .sort(),
    };
  }
  return schema;
}

describe('the two engines’ schemas', () => {
  let sqlite: TestArchive;
  let postgres: TestArchive;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([tempArchive({ engine: 'sqlite' }), tempArchive({ engine: 'postgres' })]);
  });
  afterAll(async () => {
    await Promise.all([sqlite?.close(), postgres?.close()]);
  });

  it('PostgreSQL’s migrations reach the newest SQLite migration, each after 0001 named as the SQLite one it mirrors', () => {
    expect(PG_MATCHES_SQLITE).toBe(MIGRATIONS.at(-1)![0]);
    const sqliteNames = MIGRATIONS.map(([name]) => name);
    for (const [name] of PG_MIGRATIONS.slice(1)) expect(sqliteNames).toContain(name);
  });

  it('end at the same tables, columns and constraints', async () => {
    const [s, p] = await Promise.all([sqliteSchema(sqlite), postgresSchema(postgres)]);
    expect(Object.keys(s).length).toBeGreaterThan(10);
    expect(s.records!.checks.length).toBeGreaterThan(10);
    expect(p).toEqual(s);
  });

  it('hold the same rows the migrations put in', async () => {
    const rows = (a: TestArchive) => rawQuery(a.ctx, `SELECT from_status, to_status, act FROM record_status_transitions ORDER BY from_status, to_status`);
    expect(await rows(postgres)).toEqual(await rows(sqlite));
  });

  it('refuse the same bad rows', async () => {
    const bad = [
      `INSERT INTO communities (code, name, type, created_at, updated_at) VALUES ('S9', '村', '乡镇', 'x', 'x')`,
      `INSERT INTO communities (code, name, created_at, updated_at) VALUES ('TOOLONGCODE', '村', 'x', 'x')`,
      `INSERT INTO records (community_id, affair, kind, title, date, retention, created_at, updated_at) VALUES (1, '居务', 'k', 't', '25-01-01', '永久', 'x', 'x')`,
      `INSERT INTO records (community_id, affair, kind, title, date, retention, created_at, updated_at) VALUES (1, '居务', 'k', 't', '2025-01-01', '五年', 'x', 'x')`,
      `INSERT INTO records (community_id, affair, kind, title, date, retention, status, created_at, updated_at) VALUES (1, '居务', 'k', 't', '2025-01-01', '永久', '在保', 'x', 'x')`,
      `INSERT INTO records (community_id, affair, kind, title, date, retention, created_at, updated_at) VALUES (99, '居务', 'k', 't', '2025-01-01', '永久', 'x', 'x')`,
      `INSERT INTO attachments (record_id, sha256, size, media_type, original_name, created_at) VALUES (1, 'abc', 1, 'x', 'x', 'x')`,
    ];
    for (const a of [sqlite, postgres]) {
      await rawQuery(a.ctx, `INSERT INTO communities (code, name, created_at, updated_at) VALUES ('S1', '甲社区', 'x', 'x')`);
      await rawQuery(a.ctx, `INSERT INTO records (community_id, affair, kind, title, date, retention, created_at, updated_at) VALUES (1, '居务', 'k', 't', '2025-01-01', '永久', 'x', 'x')`);
      for (const statement of bad) await expect(rawQuery(a.ctx, statement), `${statement}`).rejects.toThrow();
      // the version counts every change on both engines
      await rawQuery(a.ctx, `UPDATE records SET title = 't2' WHERE id = 1`);
      await rawQuery(a.ctx, `UPDATE records SET notes = 'n' WHERE id = 1`);
      expect(await rawQuery(a.ctx, `SELECT version FROM records WHERE id = 1`)).toEqual([{ version: 3 }]);
    }
  });
});
