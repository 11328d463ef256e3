// Opening and creating an archive: a folder (archive.sqlite + files/ + backups/) or a database on a
// PostgreSQL server (`postgres://…`), with a local working folder for its backups and file cache.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { SanwuError } from '../../shared/errors';
import { AnchorStore } from './audit-log/anchor';
import { anchorHooks } from './audit-log/anchoring';
import { copyDatabase, isServerLocation, openDatabase, openPostgresDatabase, redactUrl, runMigrations, type Database, type ReadDb } from './db';
import { serverSlug } from './db/location';
import type { MigrationList } from './db/migrate';
import { databaseState } from './db/postgres/migrate';
import type { DB } from './db/schema';
import { userDataDir } from './default-location';
import { systemClock, silentLogger, type ArchiveContext, type ArchivePaths, type Clock, type Logger } from './context';
import { recoverLifecycle } from './lifecycle/recovery';
import { recoverFolder, recoverPlaced } from './recovery';
import { transientName } from './transient';

export interface OpenOptions {
  clock?: Clock;
  log?: Logger;
  actor?: string;
  /** Create the folder and an empty archive when there is none. */
  create?: boolean;
  /**
   * A new archive's first rows (its office, its first 管理员), written into it before it is put in
   * place: a crash leaves no archive or a whole one.
   */
  initialize?: (ctx: ArchiveContext) => Promise<void>;
  /** The schema's migrations (the engine's own list); tests pass another to exercise upgrades. */
  migrations?: MigrationList;
  /** A server archive's local working folder (backups, file cache); default: under the user's data folder. */
  workDir?: string;
  /**
   * The folder that keeps the audit log's anchor and its key, outside the archive (the CLI and the
   * desktop app pass one in the user's profile: default-location.ts). Null or absent: not anchored.
   */
  anchorDir?: string | null;
  /** how long a writer waits for another before giving up (tests shorten it) */
  writerWaitMs?: number;
}

/** `location`: an archive folder, or a `postgres://` URL (whose local working folder is `workDir`). */
export function archivePaths(location: string, workDir?: string): ArchivePaths {
  if (isServerLocation(location)) {
    const dir = resolve(workDir ?? join(userDataDir(process.env), 'servers', serverSlug(location)));
    return { dir, database: redactUrl(location), files: join(dir, 'cache'), backups: join(dir, 'backups'), server: redactUrl(location) };
  }
  const abs = resolve(location);
  return {
    dir: abs,
    database: join(abs, 'archive.sqlite'),
    files: join(abs, 'files'),
    backups: join(abs, 'backups'),
  };
}

export async function archiveExists(location: string): Promise<boolean> {
  if (!isServerLocation(location)) return existsSync(archivePaths(location).database);
  const database = await openPostgresDatabase(location, { cacheDir: archivePaths(location).files });
  try {
    return (await databaseState(database.read as unknown as Kysely<DB>)) === 'archive';
  } finally {
    await database.close();
  }
}

/** The context over an open database; every write moves the anchor along (audit-log/anchoring.ts). */
function contextOf(paths: ArchivePaths, database: Database, options: OpenOptions): ArchiveContext {
  const clock = options.clock ?? systemClock;
  const anchors = options.anchorDir ? new AnchorStore(options.anchorDir) : null;
  if (anchors) database.setCommitHooks(anchorHooks({ store: anchors, dir: paths.dir, clock, shared: paths.server !== undefined }));
  return {
    paths,
    db: database.read,
    write: database.write,
    close: () => database.close(),
    anchors,
    clock,
    log: options.log ?? silentLogger,
    actor: options.actor ?? 'system',
  };
}

/**
 * A new archive is built whole in a file of its own beside the target and renamed into place when
 * complete: a crash leaves no archive.sqlite or a whole one (the leftover file is debris).
 */
async function createArchiveFile(paths: ArchivePaths, options: OpenOptions): Promise<void> {
  mkdirSync(paths.dir, { recursive: true });
  // A new archive at this folder starts its own anchor (an earlier, unfinished one may have left one).
  if (options.anchorDir) new AnchorStore(options.anchorDir).forget(paths.dir);
  const building = join(paths.dir, transientName('archive.sqlite.', 'init'));
  try {
    const database = openDatabase(building, { create: true });
    try {
      await runMigrations(database, options.migrations, { initialize: async () => {} });
      await options.initialize?.(contextOf(paths, database, options));
    } finally {
      await database.close();
    }
    renameSync(building, paths.database);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(building + suffix, { force: true });
  }
}

/** A server archive: the schema created (`create`) or upgraded in one transaction, as for a folder. */
async function openServerArchive(url: string, options: OpenOptions): Promise<ArchiveContext> {
  const paths = archivePaths(url, options.workDir);
  const database = await openPostgresDatabase(url, { cacheDir: paths.files, waitMs: options.writerWaitMs });
  mkdirSync(paths.dir, { recursive: true }); // the anchor is kept by this folder's path
  const ctx = contextOf(paths, database, options);
  try {
    const state = await databaseState(database.read as unknown as Kysely<DB>);
    if (state !== 'archive' && !options.create) {
      throw new SanwuError(
        'NOT_AN_ARCHIVE',
        state === 'empty'
          ? `数据库 ${paths.server} 中还没有档案库。请先运行 sanwu init --db 加上这个地址创建，或检查地址是否正确。`
          : `数据库 ${paths.server} 里是别的数据，不是三务档案库，已拒绝打开，未做任何修改。`,
      );
    }
    const initialize = state === 'empty' ? options.initialize : undefined;
    // A new archive's schema and first rows in ONE transaction (PostgreSQL's DDL is transactional): the
    // first rows go in through a context whose reads and writes are that transaction's.
    await runMigrations(database, options.migrations, {
      initialize: initialize ? (trx) => initialize({ ...ctx, db: trx as unknown as ReadDb, write: { transaction: (fn) => fn(trx) } }) : undefined,
    });
    // a destruction whose files a crash kept in the database is finished (lifecycle/destroy-files.ts)
    for (const message of await recoverLifecycle(ctx)) (options.log ?? silentLogger).info(message);
  } catch (e) {
    await database.close();
    throw e;
  }
  return ctx;
}

export async function openArchive(location: string, options: OpenOptions = {}): Promise<ArchiveContext> {
  if (isServerLocation(location)) return openServerArchive(location, options);
  const paths = archivePaths(location);
  if (existsSync(paths.dir) && !statSync(paths.dir).isDirectory()) {
    throw new SanwuError('NOT_AN_ARCHIVE', `${paths.dir} 是一个文件而不是档案文件夹。请用 --db 指向档案文件夹。`);
  }
  // First what a crash left: a restore interrupted in its swap may even have left the folder aside.
  const log = options.log ?? silentLogger;
  for (const message of recoverFolder(paths)) log.info(message);
  if (!existsSync(paths.database)) {
    if (!options.create) {
      throw new SanwuError(
        'NOT_AN_ARCHIVE',
        `在 ${paths.dir} 没有找到档案库（archive.sqlite）。请先运行 sanwu init 或 sanwu demo 创建，或用 --db 指向已有的档案文件夹。`,
      );
    }
    await createArchiveFile(paths, options);
  }
  const database = openDatabase(paths.database, { create: false, waitMs: options.writerWaitMs });
  const ctx = contextOf(paths, database, options);
  try {
    await runMigrations(database, options.migrations, { beforeUpgrade: (plan) => backupBeforeMigrating(ctx, plan.applied.length) });
    mkdirSync(paths.files, { recursive: true });
    mkdirSync(paths.backups, { recursive: true });
    for (const message of await recoverPlaced(ctx)) log.info(message);
    // (an archive held at an older schema — a migration's test — has no lifecycle yet)
    if (!options.migrations) for (const message of await recoverLifecycle(ctx)) log.info(message);
  } catch (e) {
    await database.close();
    throw e;
  }
  return ctx;
}

/** The safety copy before a schema upgrade: written aside, renamed in when whole. */
async function backupBeforeMigrating(ctx: ArchiveContext, fromVersion: number): Promise<void> {
  mkdirSync(ctx.paths.backups, { recursive: true });
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const target = join(ctx.paths.backups, `before-migrate-v${fromVersion}-${stamp}.sqlite`);
  const partial = join(ctx.paths.backups, transientName('.', 'snapshot', '.sqlite'));
  try {
    await copyDatabase(ctx.db, partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  ctx.log.info(`升级档案库结构前已自动备份到 ${target}`);
}

export async function closeArchive(ctx: ArchiveContext): Promise<void> {
  await ctx.close();
}
