// A server archive in the backup format every archive shares (sanwu-backup/1: archive.sqlite, files/,
// the manifest): its rows written into a new archive.sqlite from one snapshot, its stored files into
// the tar as they stream from the database; and a backup of either engine restored onto a server, in
// ONE transaction that replaces whatever archive the database held.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { appendAudit } from '../audit-log/append';
import { engineOf, openDatabase, readSql, runMigrations, type ReadDb, type Statements } from '../db';
import { replaceServerArchive } from '../db/postgres/migrate';
import type { Database } from '../db/handles';
import { copyArchive } from '../db/transfer';
import type { TarWriter } from './tar';

export interface StoredDigest {
  sha256: string;
  size: number;
}

/**
 * Writes the server archive's rows into a new SQLite archive at `target` (from one snapshot); returns
 * what `inside` reads of that copy and the stored files its attachments name.
 */
export async function exportDatabase<T>(
  ctx: ArchiveContext,
  target: string,
  inside: (q: Statements) => T extends PromiseLike<unknown> ? never : T,
  opts: LongTaskOptions = {},
): Promise<{ state: T; stored: StoredDigest[] }> {
  const database = openDatabase(target, { create: true });
  try {
    await runMigrations(database, undefined, {
      initialize: (trx) => engineOf(ctx.db).readSnapshot(ctx.db, (snapshot) => copyArchive(snapshot, trx, opts)).then(() => undefined),
    });
    return {
      state: await readSql(database.read, inside),
      stored: await database.read.selectFrom('attachments').select(['sha256', 'size']).distinct().orderBy('sha256').execute(),
    };
  } finally {
    await database.close();
  }
}

/** Adds a stored file of the server archive to the tar, from the database. */
export async function addStoredFile(tar: TarWriter, ctx: ArchiveContext, file: StoredDigest, name: string, now: Date): Promise<{ sha256: string; size: number }> {
  const stream = await engineOf(ctx.db).files.open(file.sha256);
  return tar.addPieces(name, file.size, stream as Readable, now);
}

export interface ServerLoad {
  /** rows copied per table */
  rows: Record<string, number>;
  files: number;
}

/**
 * Replaces the archive on the server with the unpacked, checked backup in `staging` (an archive folder
 * opened as `source`): schema, rows, stored files and a 'restore' audit entry, all in one transaction.
 */
export async function loadOntoServer(
  ctx: Pick<ArchiveContext, 'clock' | 'actor'>,
  server: Database,
  source: ReadDb,
  staging: string,
  audit: Record<string, unknown>,
  opts: LongTaskOptions = {},
): Promise<ServerLoad> {
  return replaceServerArchive(
    server,
    async (trx) => {
      const rows = await copyArchive(source, trx, opts);
      const digests = await source.selectFrom('attachments').select('sha256').distinct().orderBy('sha256').execute();
      const store = engineOf(trx).files;
      for (const [i, { sha256 }] of digests.entries()) {
        if (i % 20 === 0) {
          opts.onProgress?.({ phase: '写入附件', done: i, total: digests.length });
          if (opts.signal?.aborted) throw cancelled();
        }
        const path = join(staging, 'files', sha256.slice(0, 2), sha256);
        if (existsSync(path)) await store.putFile(path, { trx });
      }
      await appendAudit(ctx, trx, [{ action: 'restore', entity: 'archive', after: audit }]);
      return { rows, files: digests.length };
    },
    opts,
  );
}
