// Backup (into the archive's backups/ folder, downloadable in browser mode) and restore (desktop: the
// open archive is closed, replaced by the checked backup, and opened again).
import { basename, join } from 'node:path';
import { createBackup } from '../core/backup/create';
import { restoreBackup } from '../core/backup/restore';
import type { Handlers } from './types';
import { fileStamp, freshPath } from './stamp';
import { desktopOnly } from './unavailable';

export const backupHandlers: Handlers<'backup.create' | 'backup.write' | 'backup.restore'> = {
  'backup.create': async (ctx, _input, env) => {
    const { file } = await createBackup(ctx, freshPath(join(ctx.paths.backups, `三务档案备份-${fileStamp(ctx)}.tar`), '.tar'), { signal: env.signal });
    return { path: file, ...(env.mode === 'browser' ? { download: env.links.download(file, basename(file)) } : {}) };
  },
  'backup.write': (ctx, { out }, env) => createBackup(ctx, out, { onProgress: env.onProgress, signal: env.signal }),
  'backup.restore': async (ctx, { path }, env) => {
    if (!env.replaceArchive) throw desktopOnly('backup.restore');
    const result = await env.replaceArchive((dir) =>
      restoreBackup(dir, path, { force: true, clock: ctx.clock, actor: ctx.actor, signal: env.signal, onProgress: env.onProgress, anchorDir: ctx.anchors?.dir ?? null, log: ctx.log }),
    );
    return { restored: true, ...result };
  },
};
