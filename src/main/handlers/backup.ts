// Backup (into the archive's backups/ folder, downloadable in browser mode) and restore (desktop: the
// open archive is closed, replaced by the checked backup, and opened again).
import { basename, join } from 'node:path';
import { createBackup } from '../core/backup/create';
import { restoreBackup } from '../core/backup/restore';
import { listStoredBackups, receiveUploadPiece, storedBackupFile, verifyStoredBackup } from '../core/backup/stored';
import type { ArchiveContext } from '../core/context';
import type { HandlerEnv, Handlers } from './types';
import { fileStamp, freshPath } from './stamp';
import { desktopOnly } from './unavailable';

/** The open archive replaced by a checked backup (the current one backed up first), then reopened. */
function replaceBy(ctx: ArchiveContext, env: HandlerEnv, file: string) {
  if (!env.replaceArchive) throw desktopOnly('backup.restore');
  // a server archive's working folder (ctx.paths.dir) is where its replaced archive is backed up
  const workDir = ctx.paths.server ? ctx.paths.dir : undefined;
  return env.replaceArchive((dir) =>
    restoreBackup(dir, file, { force: true, workDir, clock: ctx.clock, actor: ctx.actor, signal: env.signal, onProgress: env.onProgress, anchorDir: ctx.anchors?.dir ?? null, log: ctx.log }),
  );
}

export const backupHandlers: Handlers<'backup.create' | 'backup.write' | 'backup.restore' | 'backup.list' | 'backup.upload' | 'backup.verify' | 'backup.restoreStored'> = {
  'backup.create': async (ctx, _input, env) => {
    const { file } = await createBackup(ctx, freshPath(join(ctx.paths.backups, `三务档案备份-${fileStamp(ctx)}.tar`), '.tar'), { signal: env.signal });
    return { path: file, ...(env.mode === 'browser' ? { download: env.links.download(file, basename(file)) } : {}) };
  },
  'backup.write': (ctx, { out }, env) => createBackup(ctx, out, { onProgress: env.onProgress, signal: env.signal }),
  'backup.restore': async (ctx, { path }, env) => ({ restored: true, ...(await replaceBy(ctx, env, path)) }),
  'backup.list': async (ctx) => listStoredBackups(ctx),
  'backup.upload': async (ctx, piece) => receiveUploadPiece(ctx, piece, fileStamp(ctx)),
  'backup.verify': (ctx, { name }, env) => verifyStoredBackup(ctx, name, { signal: env.signal, onProgress: env.onProgress }),
  'backup.restoreStored': async (ctx, { name }, env) => ({ restored: true, ...(await replaceBy(ctx, env, storedBackupFile(ctx, name))) }),
};
