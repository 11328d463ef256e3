// Backup (into the archive's backups/ folder, downloadable in browser mode) and restore (desktop: the
// open archive is closed, replaced by the checked backup, and opened again).
import { basename, join } from 'node:path';
import { createBackup } from '../core/backup/create';
import { restoreBackup } from '../core/backup/restore';
import type { Handlers } from './types';
import { fileStamp } from './stamp';
import { desktopOnly } from './unavailable';

export const backupHandlers: Handlers<'backup.create' | 'backup.write' | 'backup.restore'> = {
  'backup.create': async (ctx, _input, env) => {
    const { file } = await createBackup(ctx, join(ctx.paths.backups, `三务档案备份-${fileStamp(ctx)}.tar`), { signal: env.signal });
    return { path: file, ...(env.mode === 'browser' ? { download: env.links.download(file, basename(file)) } : {}) };
  },
  'backup.write': (ctx, { out }, env) => createBackup(ctx, out, { onProgress: env.onProgress, signal: env.signal }),
  'backup.restore': async (ctx, { path }, env) => {
    if (!env.replaceArchive) throw desktopOnly('backup.restore');
    // a server archive's working folder (ctx.paths.dir) is where its replaced archive is backed up
    const workDir = ctx.paths.server ? ctx.paths.dir : undefined;
    const result = await env.replaceArchive((dir) =>
      restoreBackup(dir, path, { force: true, workDir, clock: ctx.clock, actor: ctx.actor, signal: env.signal, onProgress: env.onProgress, anchorDir: ctx.anchors?.dir ?? null, log: ctx.log }),
    );
    return { restored: true, ...result };
  },
};
