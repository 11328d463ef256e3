// Connections to an archive on a PostgreSQL server: pools of the `pg` driver under Kysely's Postgres
// dialect, with the values typed as SQLite gives them (bigint and numeric as numbers), and the
// server's refusals said in Chinese.
import pg from 'pg';
import Cursor from 'pg-cursor';
import {
  Kysely,
  OperationNodeTransformer,
  PostgresDialect,
  RawNode,
  type DatabaseConnection,
  type KyselyPlugin,
  type OrderByItemNode,
  type QueryId,
} from 'kysely';
import { SanwuError } from '../../../../shared/errors';
import { registerEngine, type Engine } from '../engine';
import { redactUrl } from '../location';
import type { DB } from '../schema';

const INT8 = 20;
const NUMERIC = 1700;

/** bigint and numeric (count(*), sum of bigint) arrive as numbers, as SQLite's INTEGER does. */
function toNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && /^-?\d+$/.test(text)) throw new Error(`整数 ${text} 超出可精确表示的范围`);
  return n;
}

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** connections refuse writes (the reader) */
  readOnly?: boolean;
  max?: number;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 15_000,
    application_name: 'sanwu',
    types: typeParsers,
    options: options.readOnly ? '-c default_transaction_read_only=on' : undefined,
  });
  // An idle connection the server dropped is discarded; the next query opens a new one.
  pool.on('error', () => {});
  return pool;
}

/** NULL sorts first in ascending order, as in SQLite (PostgreSQL's default is the other way round). */
class NullsAsSqlite extends OperationNodeTransformer {
  protected override transformOrderByItem(node: OrderByItemNode, queryId?: QueryId): OrderByItemNode {
    const item = super.transformOrderByItem(node, queryId);
    if (item.nulls) return item;
    const desc = item.direction !== undefined && RawNode.is(item.direction) && item.direction.sqlFragments.join('').trim().toLowerCase() === 'desc';
    return { ...item, nulls: desc ? 'last' : 'first' };
  }
}

const sqliteOrder: KyselyPlugin = {
  transformQuery: (args) => new NullsAsSqlite().transformNode(args.node, args.queryId),
  transformResult: async (args) => args.result,
};

/** Kysely on `pool`; its handles find `engine` (db/engine.ts). */
export function kyselyOnPool(pool: pg.Pool, engine: Engine, onCreateConnection?: (c: DatabaseConnection) => Promise<void>): Kysely<DB> {
  class EngineDialect extends PostgresDialect {
    override createAdapter() {
      const adapter = super.createAdapter();
      registerEngine(adapter, engine);
      return adapter;
    }
  }
  return new Kysely<DB>({ dialect: new EngineDialect({ pool, cursor: Cursor, onCreateConnection }), plugins: [sqliteOrder] });
}

/** The server's error code (SQLSTATE), if `e` came from the server. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A failure to reach or enter the server, as the user should read it; other errors pass unchanged. */
export function connectionError(e: unknown, url: string): unknown {
  const where = redactUrl(url);
  const code = (e as { code?: string }).code;
  const message = (e as Error).message ?? String(e);
  const syscall = (e as { syscall?: string }).syscall;
  if (code === 'ECONNREFUSED' || (code === 'ENOENT' && syscall === 'connect') || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new SanwuError('UNAVAILABLE', `连接不上数据库服务器（${where}）：服务器没有运行，或地址、端口不对。请确认 PostgreSQL 已启动、地址无误后再试。`);
  }
  if (code === 'ENOTFOUND') return new SanwuError('UNAVAILABLE', `找不到数据库服务器（${where}）。请检查服务器名称。`);
  if (code === '28P01' || code === '28000') {
    return new SanwuError('UNAVAILABLE', `数据库服务器拒绝了登录（${where}）：用户名或密码不对，或此用户无权连接。请检查连接地址中的用户名和密码。`);
  }
  if (code === '3D000') {
    return new SanwuError(
      'NOT_AN_ARCHIVE',
      `数据库服务器上没有这个数据库（${where}）。请让管理员先建库（例如 createdb -O 用户名 -E UTF8 --locale=C.UTF-8 -T template0 库名），再运行 sanwu init。`,
    );
  }
  if (code === '57P03' || code === '53300') return new SanwuError('UNAVAILABLE', `数据库服务器暂时不接受连接（${where}）：${message}。请稍后再试。`);
  return e;
}
