// Statements (db/handles.ts) over a raw better-sqlite3 handle: prepared once per text and mode.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlParams, WriteStatements } from '../handles';

type Mode = 'rows' | 'value' | 'raw';

const bind = (params: SqlParams | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? params : [params]);

/** Distinct statement texts kept per connection (search builds a few shapes per term count). */
const CACHED = 256;

const onConnection = new WeakMap<BetterSqlite3.Database, WriteStatements>();

/** The connection's statements; one cache per connection, kept between calls. */
export function statementsOn(raw: BetterSqlite3.Database): WriteStatements {
  let statements = onConnection.get(raw);
  if (!statements) {
    statements = build(raw);
    onConnection.set(raw, statements);
  }
  return statements;
}

function build(raw: BetterSqlite3.Database): WriteStatements {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepared = (mode: Mode, sql: string): BetterSqlite3.Statement => {
    const key = `${mode}\u0000${sql}`;
    let stmt = cache.get(key);
    if (!stmt) {
      if (cache.size >= CACHED) cache.clear();
      stmt = raw.prepare(sql);
      if (mode === 'value') stmt.pluck();
      else if (mode === 'raw') stmt.raw();
      cache.set(key, stmt);
    }
    return stmt;
  };
  return {
    all: <T>(sql: string, params?: SqlParams) => prepared('rows', sql).all(...bind(params)) as T[],
    get: <T>(sql: string, params?: SqlParams) => prepared('rows', sql).get(...bind(params)) as T | undefined,
    value: <T>(sql: string, params?: SqlParams) => prepared('value', sql).get(...bind(params)) as T | undefined,
    values: <T>(sql: string, params?: SqlParams) => prepared('value', sql).all(...bind(params)) as T[],
    // Fresh statements: the caller may run others while these iterate.
    each: <T>(sql: string, params?: SqlParams) => raw.prepare(sql).iterate(...bind(params)) as IterableIterator<T>,
    rows: <T extends unknown[]>(sql: string, params?: SqlParams) => raw.prepare(sql).raw().iterate(...bind(params)) as IterableIterator<T>,
    run: (sql: string, params?: SqlParams) => ({ changes: prepared('rows', sql).run(...bind(params)).changes }),
    runEach: (sql: string, params: readonly SqlParams[]) => {
      const stmt = prepared('rows', sql);
      for (const p of params) stmt.run(p);
    },
  };
}
