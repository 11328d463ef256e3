// The ways into the database, as distinct types (as Signal Desktop does): a ReadDb that cannot write,
// on its own connection that sees only committed data, and a WriteDb whose only door is a transaction
// that waits its turn. Raw statements (hot paths) run inside either one's lock through db/index.ts.
import type { Kysely } from 'kysely';
import type { ReadonlyKysely } from 'kysely/readonly';
import type { LongTaskOptions } from '../../../shared/domain';
import type { Engine } from './engine';
import type { DB } from './schema';

/** Reads committed data; its connection refuses writes (and only the archive closes it). */
export type ReadDb = Omit<ReadonlyKysely<DB>, 'destroy'>;

/** A write transaction: the writer connection, held until it commits or rolls back. */
export type Trx = Kysely<DB>;

/** What read helpers take: the reader, or the transaction of a change (which sees its own writes). */
export type Reader = Pick<Kysely<DB>, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic'>;

export interface WriteDb {
  /**
   * Runs `fn` in one transaction, after waiting (bounded, with progress and cancel through `opts`) for
   * any other writer, in this process or another, to finish. Commits when `fn` resolves.
   */
  transaction<T>(fn: (trx: Trx) => Promise<T>, opts?: LongTaskOptions): Promise<T>;
}

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** Raw prepared statements (cached by text) inside a connection's lock; synchronous. */
export interface Statements {
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): T[];
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): T | undefined;
  /** the first column of the first row */
  value<T = unknown>(sql: string, params?: SqlParams): T | undefined;
  /** the first column of every row */
  values<T = unknown>(sql: string, params?: SqlParams): T[];
  /** rows one at a time (a statement of its own: others may run meanwhile) */
  each<T = Record<string, unknown>>(sql: string, params?: SqlParams): IterableIterator<T>;
  /** rows as arrays, one at a time */
  rows<T extends unknown[] = unknown[]>(sql: string, params?: SqlParams): IterableIterator<T>;
}

export interface WriteStatements extends Statements {
  run(sql: string, params?: SqlParams): { changes: number };
  /** one statement run once per parameter list (prepared once: no per-row lookup) */
  runEach(sql: string, params: readonly SqlParams[]): void;
}

/** An open database: the reader, the writer, and what the archive asks of it around each commit. */
export interface Database {
  /** the engine's seams (db/engine.ts) */
  engine: Engine;
  read: ReadDb;
  write: WriteDb;
  /** Installs what runs around every write transaction (after it begins, before and after it commits). */
  setCommitHooks(hooks: CommitHooks): void;
  close(): Promise<void>;
}

/** What the archive does around every write transaction (its audit anchor). */
export interface CommitHooks {
  /** right after the transaction begins; returns that transaction's own hooks */
  begin(trx: Trx): Promise<TransactionHooks>;
}

export interface TransactionHooks {
  beforeCommit?: (trx: Trx) => Promise<void>;
  afterCommit?: () => void;
}
