// Kysely over one better-sqlite3 connection whose raw handle stays reachable — but only from inside
// Kysely's lock on that connection (`withRaw`), so raw prepared statements on hot paths never run
// beside another query or inside someone else's transaction.
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { registerEngine, type Engine } from '../engine';
import type { DB } from '../schema';

/** Statements Kysely compiles repeat (same text, other parameters): prepared once per connection. */
const CACHED = 256;

class RawConnection implements DatabaseConnection {
  readonly #cache = new Map<string, BetterSqlite3.Statement>();
  constructor(readonly raw: BetterSqlite3.Database) {}

  #prepare(sql: string): BetterSqlite3.Statement {
    let stmt = this.#cache.get(sql);
    if (!stmt) {
      if (this.#cache.size >= CACHED) this.#cache.clear();
      stmt = this.raw.prepare(sql);
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(query.sql);
    const params = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('only SELECT queries can be streamed');
    // A fresh statement: a cached one may be needed again while this one iterates.
    for (const row of this.raw.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class RawDriver implements Driver {
  readonly #connection: RawConnection;
  constructor(raw: BetterSqlite3.Database) {
    this.#connection = new RawConnection(raw);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.#connection.raw.close();
  }
}

/** Kysely on `raw`; Kysely's connection lock (SQLite: one connection) guards every use of it. */
export function kyselyOn(raw: BetterSqlite3.Database, engine: Engine): Kysely<DB> {
  const dialect: Dialect = {
    createAdapter: () => {
      const adapter = new SqliteAdapter();
      registerEngine(adapter, engine);
      return adapter;
    },
    createDriver: () => new RawDriver(raw),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<DB>({ dialect });
}

/**
 * Runs `fn` with the raw handle of the connection `db` runs on, holding that connection's lock: the
 * reader's or the writer's, or — inside a transaction — the transaction's own (no other query can
 * interleave). `fn` must not run Kysely queries on `db` itself.
 */
export function withRaw<T>(db: unknown, fn: (raw: BetterSqlite3.Database) => T | Promise<T>): Promise<T> {
  return (db as Kysely<DB>).getExecutor().provideConnection(async (c) => fn((c as RawConnection).raw));
}
