// `sanwu restore --db postgres://… FILE`: a backup of either engine onto a server. The backup is checked
// completely and unpacked in the archive's local working folder, opened there (brought to this version's
// schema), and loaded onto the server in one transaction (backup/server.ts). An archive already on the
// server is kept unless --force, which backs it up into the working folder's backups/ first.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { Kysely } from 'kysely';
import { SanwuError } from '../../../shared/errors';
import { archivePaths, closeArchive, openArchive } from '../archive';
import { AnchorStore } from '../audit-log/anchor';
import { headOf, identityOf } from '../audit-log/anchoring';
import { systemClock } from '../context';
import { openPostgresDatabase, redactUrl } from '../db';
import { databaseState } from '../db/postgres/migrate';
import type { DB } from '../db/schema';
import { createBackup } from './create';
import type { RestoreOptions, RestoreResult } from './restore';
import { stageBackup } from './restore';
import { loadOntoServer } from './server';

export async function restoreOntoServer(url: string, file: string, opts: RestoreOptions): Promise<RestoreResult> {
  const paths = archivePaths(url, opts.workDir);
  const clock = opts.clock ?? systemClock;
  const actor = opts.actor ?? 'system';
  const server = await openPostgresDatabase(url, { cacheDir: paths.files });
  try {
    const state = await databaseState(server.read as unknown as Kysely<DB>);
    if (state === 'foreign') throw new SanwuError('NOT_AN_ARCHIVE', `数据库 ${redactUrl(url)} 里是别的数据，不是三务档案库，未做任何修改。请换一个空数据库。`);
    if (state === 'archive' && !opts.force) {
      throw new SanwuError('CONFLICT', `数据库 ${redactUrl(url)} 里已经有档案库，未做任何修改。如确要用备份替换它，请加 --force（会先把现有档案库备份到 ${paths.backups}）。`);
    }
    const stamp = `${clock.now().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const staging = join(paths.dir, `.restoring-${stamp}`);
    const anchors = opts.anchorDir ? new AnchorStore(opts.anchorDir) : null;
    const { manifest, notices } = await stageBackup(file, staging, anchors, opts);
    try {
      let previous: string | null = null;
      if (state === 'archive') {
        const current = await openArchive(url, { clock, actor, workDir: paths.dir, anchorDir: opts.anchorDir, log: opts.log });
        try {
          previous = (await createBackup(current, join(paths.backups, `before-restore-${stamp}.tar`))).file;
        } finally {
          await closeArchive(current);
        }
      }
      const staged = await openArchive(staging, { clock, actor });
      try {
        const audit = { from: file, backupCreatedAt: manifest.createdAt, previous, anchor: manifest.anchor ?? null };
        await loadOntoServer({ clock, actor }, server, staged.db, staging, audit, opts);
      } finally {
        await closeArchive(staged);
      }
      // Another, verified log is in place: this computer anchors it from its head on.
      if (anchors) {
        const [archive, head] = await server.write.transaction(async (trx) => [await identityOf(trx), await headOf(trx)] as const);
        if (archive) anchors.reset(paths.dir, archive, head, clock.now().toISOString());
      }
      return { dir: redactUrl(url), createdAt: manifest.createdAt, office: manifest.office, attachments: manifest.members.length - 1, previous, notices };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
}
