// The few places where the two engines differ, each behind one small seam (DESIGN.md, "One office,
// several clerks"): the search index, the record bulk insert, locking, the attachments' bytes, long
// reads, and the integrity walks. Everything else in core is Kysely, the same on both engines.
// Each open database carries its engine; any Kysely handle on it (the reader, a transaction) finds it.
import type { Readable } from 'node:stream';
import type { CompiledQuery } from 'kysely';
import type { StateEntity } from '../audit-log/states';
import type { ChainVerdict } from '../audit-log/verify';
import type { PlacedJournal } from '../attachments/store';
import type { ReadDb, Reader, Trx } from './handles';
import type { EngineKind } from './location';
import type { DB, NewRecordRow } from './schema';

export type { EngineKind } from './location';

export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * How a file is put in: a folder's store notes the files it places in `journal` (taken out again if
 * the write fails, recovery.ts); a server's store writes the bytes in `trx`, the transaction of the write.
 */
export interface FilePlacing {
  journal?: PlacedJournal;
  trx?: Trx;
}

/**
 * The attachments' bytes, content-addressed by SHA-256 and never overwritten: files/ beside
 * archive.sqlite, or chunked rows in the server's database. Writes are idempotent and may happen
 * outside the transaction that links them (an unlinked file is a stray that check reports).
 */
export interface FileStore {
  /** Copies a file in while hashing it; `placing`: how a failed write is undone (attachments/repository.ts). */
  putFile(path: string, placing?: FilePlacing): Promise<StoredFile>;
  putBuffer(data: Uint8Array, placing?: FilePlacing): Promise<StoredFile>;
  /**
   * A file this process wrote and hashed (`stored`), taken in whole: a folder's store moves it into place
   * (noted in the journal), a server's writes its bytes in `placing.trx` (the file stays where it is).
   */
  adopt(path: string, stored: StoredFile, placing: FilePlacing): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** The first `bytes` bytes (media-type sniffing). */
  head(sha256: string, bytes?: number): Promise<Uint8Array>;
  /** The bytes as a stream. */
  open(sha256: string): Promise<Readable>;
  /** A local file with the bytes: the store's own file, or a verified copy in the archive's cache. */
  localPath(sha256: string): Promise<string>;
  /** Every stored digest, in order. */
  digests(): AsyncIterable<string>;
  /**
   * Takes a file's bytes out for good — only a destruction does (lifecycle/destroy-files.ts): a server's
   * store within `trx`, the transaction that records it; a folder's at once (redone if `trx` fails).
   */
  remove(sha256: string, trx: Trx): Promise<void>;
}

/** A search term: a substring of the text the clerk sees (db/search-index.ts), or a run of 档号 parts. */
export interface SearchTerm {
  /** whitespace-free */
  text: string;
  /**
   * The term read as 档号 parts (records/code-query.ts): a condition on the part columns in portable SQL
   * with `?` placeholders, and the codes that match it exactly (ranked first). Null when it is no code.
   */
  code: { sql: string; params: (string | number)[]; exact: string[] } | null;
}

/** The default order of a search (year is derived from date, so (year, date) is date order on an index). */
export const NEWEST_FIRST = 'year DESC, date DESC, id DESC';

/** A search: live (or, `voided`, voided) records narrowed by equality filters and terms, newest first. */
export interface SearchPlan {
  filters: [column: SearchFilterColumn, value: string | number][];
  terms: SearchTerm[];
  voided: boolean;
  /** only these records (a selection in the list) */
  ids?: number[];
  /**
   * A chosen order instead of newest first (records/sort.ts: portable ORDER BY text, no parameters),
   * before a code term's rank; `byDate` when it walks (year, date) as newest first does.
   */
  order?: { sql: string; byDate: boolean } | null;
  limit: number;
  offset: number;
}

export type SearchFilterColumn = 'year' | 'community_id' | 'affair' | 'kind' | 'retention' | 'status';

export interface SearchPage {
  /** every match, whatever the page */
  total: number;
  ids: number[];
}

/** A data table of the archive's logical schema, as both engines hold it. */
export interface TableSpec {
  name: string;
  /** stored columns (generated ones left out), in table order */
  columns: string[];
  /** the single integer primary key, when the table has one (rows are copied in its order) */
  key: string | null;
}

/** A transaction taking another archive's rows as they are (backup, restore, moving engines). */
export interface BulkLoad {
  /** Rebuilds what is derived from the rows (search indexes, id sequences) and restores the guards. */
  finish(): Promise<void>;
}

/** The search index of a bulk insert of records (an import), inside its transaction. */
export interface BulkIndexing {
  /** Whether the engine takes the records' character pairs worked out where they are read (search-index.ts textGrams). */
  readonly takesGrams: boolean;
  /**
   * Records just inserted, with their character pairs (when takesGrams): the engine may index what has
   * gathered meanwhile, so that less is left for finish().
   */
  added(pairs: [id: number, grams: string][]): Promise<void>;
  /** Indexes every record inserted since it began and not yet indexed (a batch at a time, reporting records done and all), before commit. */
  finish(onBatch?: (done: number, total: number) => Promise<void> | void): Promise<void>;
}

export interface Engine {
  readonly kind: EngineKind;
  readonly files: FileStore;
  /** The search index: ids of one page and the exact total. */
  search(db: ReadDb, plan: SearchPlan): Promise<SearchPage>;
  /**
   * Inserts rows into records (same keys in every row) inside `trx`; a row whose fingerprint already
   * exists is skipped. Each row's new id and recorded state (stateSql), null where skipped.
   */
  insertRecordRows(trx: Trx, rows: Omit<NewRecordRow, 'id' | 'year'>[]): Promise<({ id: number; state: string } | null)[]>;
  /**
   * Runs `fn`, a bulk insert of records inside `trx`, with the search index kept set-wise: SQLite sets its
   * row-by-row index triggers aside and indexes the new rows at finish(); PostgreSQL's statement triggers
   * index each multi-row insert as it goes.
   */
  bulkRecords<T>(trx: Trx, fn: (indexing: BulkIndexing) => Promise<T>): Promise<T>;
  /** Inserts rows (values in `columns` order) into `table` inside `trx`, in as few statements as the engine allows. */
  insertRows(trx: Trx, table: keyof DB & string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** The query with a row lock on what it selects, where the engine has row locks (SQLite: one writer holds the whole file). */
  forUpdate<QB extends { forUpdate(): QB }>(query: QB): QB;
  /**
   * Runs `fn` inside `trx` so that if it fails, the transaction goes on as before (PostgreSQL: under a
   * savepoint, since a failed statement would end the whole transaction; SQLite: as it is).
   */
  attempt<T>(trx: Trx, fn: () => Promise<T>): Promise<T>;
  /** Whether a driver error is a UNIQUE violation. */
  isUniqueViolation(e: unknown): boolean;
  /** Runs `fn` on one reader connection whose every query sees the same committed state. */
  readSnapshot<T>(db: ReadDb, fn: (snapshot: Reader) => Promise<T>): Promise<T>;
  /** Rows of a compiled SELECT, streamed from one consistent snapshot. */
  streamRows<T>(db: ReadDb, query: CompiledQuery): AsyncGenerator<T>;
  /**
   * SQL for the recorded state of `entity`'s row (audit-log/states.ts; columns of `alias` when given):
   * the same text on both engines.
   */
  stateSql(entity: StateEntity, alias?: string): string;
  /** The audit log's hash chain, walked in the engine. */
  verifyAuditChain(db: ReadDb): Promise<ChainVerdict>;
  /** The archive's data tables (the engine's own machinery left out), each after the tables it refers to. */
  dataTables(db: Reader): Promise<TableSpec[]>;
  /**
   * Readies `trx` to take rows copied whole from another archive: the triggers that guard the app's
   * own writes (a record starts 未归档, …) stand aside until finish(), which runs inside `trx` too.
   */
  beginLoad(trx: Trx): Promise<BulkLoad>;
}

const engines = new WeakMap<object, Engine>();

/** Called by each engine for the adapter of every Kysely it creates. */
export function registerEngine(adapter: object, engine: Engine): void {
  engines.set(adapter, engine);
}

/** The engine of the database a Kysely handle (reader, writer, transaction) runs on. */
export function engineOf(db: unknown): Engine {
  const adapter = (db as { getExecutor(): { adapter: object } }).getExecutor().adapter;
  const engine = engines.get(adapter);
  if (!engine) throw new Error('engineOf: not a handle of an open archive');
  return engine;
}
