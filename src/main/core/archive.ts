// Opening and creating an archive folder: archive.sqlite + files/ + backups/.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SanwuError } from '../../shared/errors';
import { kyselyOver, openSqlite } from './db/connection';
import { planMigrations, runMigrations, type MigrationList } from './db/migrate';
import { systemClock, silentLogger, type ArchiveContext, type ArchivePaths, type Clock, type Logger } from './context';

export interface OpenOptions {
  clock?: Clock;
  log?: Logger;
  actor?: string;
  /** Create the folder and an empty archive when there is none. */
  create?: boolean;
  /** The schema's migrations; tests pass a longer list to exercise upgrades. */
  migrations?: MigrationList;
}

export function archivePaths(dir: string): ArchivePaths {
  const abs = resolve(dir);
  return {
    dir: abs,
    database: join(abs, 'archive.sqlite'),
    files: join(abs, 'files'),
    backups: join(abs, 'backups'),
  };
}

export function archiveExists(dir: string): boolean {
  return existsSync(archivePaths(dir).database);
}

export async function openArchive(dir: string, options: OpenOptions = {}): Promise<ArchiveContext> {
  const paths = archivePaths(dir);
  if (existsSync(paths.dir) && !statSync(paths.dir).isDirectory()) {
    throw new SanwuError('NOT_AN_ARCHIVE', `${paths.dir} 是一个文件而不是档案文件夹。请用 --db 指向档案文件夹。`);
  }
  if (!existsSync(paths.database)) {
    if (!options.create) {
      throw new SanwuError(
        'NOT_AN_ARCHIVE',
        `在 ${paths.dir} 没有找到档案库（archive.sqlite）。请先运行 sanwu init 或 sanwu demo 创建，或用 --db 指向已有的档案文件夹。`,
      );
    }
    mkdirSync(paths.dir, { recursive: true });
  }
  const sqlite = openSqlite(paths.database, options.create ?? false);
  // Search and reports read most of the records table: a larger page cache and memory-mapped reads
  // keep 200,000 records in memory instead of re-reading 2 MB at a time (bench/engine.bench.ts).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  const db = kyselyOver(sqlite);
  const ctx: ArchiveContext = {
    paths,
    sqlite,
    db,
    clock: options.clock ?? systemClock,
    log: options.log ?? silentLogger,
    actor: options.actor ?? 'system',
  };
  try {
    const plan = planMigrations(sqlite, options.migrations);
    if (plan.pending.length > 0) {
      if (plan.applied.length > 0) await backupBeforeMigrating(ctx, plan.applied.length);
      await runMigrations(db, sqlite, options.migrations);
    }
  } catch (e) {
    await db.destroy();
    throw e;
  }
  mkdirSync(paths.files, { recursive: true });
  mkdirSync(paths.backups, { recursive: true });
  return ctx;
}

async function backupBeforeMigrating(ctx: ArchiveContext, fromVersion: number): Promise<void> {
  mkdirSync(ctx.paths.backups, { recursive: true });
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const target = join(ctx.paths.backups, `before-migrate-v${fromVersion}-${stamp}.sqlite`);
  await ctx.sqlite.backup(target);
  ctx.log.info(`升级档案库结构前已自动备份到 ${target}`);
}

export async function closeArchive(ctx: ArchiveContext): Promise<void> {
  await ctx.db.destroy();
}
