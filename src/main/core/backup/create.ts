// `sanwu backup`: a consistent copy of archive.sqlite (SQLite's online backup API, safe while the
// archive is in use; a server archive's rows written into one from a snapshot) plus the attachment
// store, in one tar file with a SHA-256 manifest.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import { headIn } from '../audit-log/anchoring';
import type { ArchiveContext } from '../context';
import { copyDatabase, engineOf, type Statements } from '../db';
import { SCHEMA_VERSION } from '../db/migrate';
import { getOffice } from '../office/repository';
import { BACKUP_FORMAT, DATABASE_MEMBER, MANIFEST_NAME, MEMBER_NAME, type BackupManifest } from './manifest';
import { addStoredFile, exportDatabase } from './server';
import { TarWriter } from './tar';
import { besideTarget, clearOutput, transientName } from '../transient';

export interface BackupResult {
  file: string;
  attachments: number;
  bytes: number;
}

/** What the copied database references, and its log's head (read in the same snapshot as the copy). */
function copiedState(q: Statements) {
  return {
    head: headIn(q),
    archive: q.value<string>('SELECT uuid FROM archive_identity WHERE id = 1') ?? null,
    digests: q.values<string>('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256'),
  };
}

const storedName = (h: string): string => `files/${h.slice(0, 2)}/${h}`;

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const out: T[] = [];
  for (const item of items) if (await keep(item)) out.push(item);
  return out;
}

export async function createBackup(ctx: ArchiveContext, outFile: string, opts: LongTaskOptions = {}): Promise<BackupResult> {
  const file = resolve(outFile);
  if (existsSync(file)) throw new SanwuError('CONFLICT', `备份文件 ${file} 已经存在，未覆盖。请换一个文件名。`);
  mkdirSync(dirname(file), { recursive: true });
  for (const message of clearOutput(dirname(file))) ctx.log.info(message);
  const partial = besideTarget(file, 'partial');
  const snapshot = join(ctx.paths.backups, transientName('.', 'snapshot', '.sqlite'));
  mkdirSync(ctx.paths.backups, { recursive: true });
  const now = ctx.clock.now();
  let tar: TarWriter | undefined;
  try {
    opts.onProgress?.({ phase: '备份数据库', done: 0, total: 1 });
    // a server archive's rows are written into an archive.sqlite of their own, its files come from the database
    const server = engineOf(ctx.db).kind === 'postgres';
    const exported = server ? await exportDatabase(ctx, snapshot, copiedState, { signal: opts.signal }) : null;
    const copied = exported ? exported.state : await copyDatabase(ctx.db, snapshot, copiedState);
    const anchor = ctx.anchors && copied.archive ? ctx.anchors.sign(copied.archive, copied.head, now.toISOString()) : null;
    if (opts.signal?.aborted) throw cancelled();
    // The files the database references (strays in the store are not the archive's), those that are there.
    const sizes = new Map(exported?.stored.map((f) => [f.sha256, f.size]));
    const present = exported ? await filterAsync(copied.digests, (h) => engineOf(ctx.db).files.has(h)) : copied.digests.filter((h) => existsSync(join(ctx.paths.dir, storedName(h))));
    const files = present.map(storedName).filter((name) => MEMBER_NAME.test(name));
    if (files.length < copied.digests.length) ctx.log.warn(`有 ${copied.digests.length - files.length} 个登记的附件文件不在档案文件夹中，备份里也没有它们；请运行档案检查。`);
    const total = files.length + 1;
    tar = new TarWriter(partial);
    const members: BackupManifest['members'] = [{ name: DATABASE_MEMBER, ...tar.addFile(DATABASE_MEMBER, snapshot, now) }];
    for (const [i, name] of files.entries()) {
      if (i % 50 === 0) {
        opts.onProgress?.({ phase: '复制附件', done: i + 1, total });
        await new Promise((r) => setImmediate(r));
        if (opts.signal?.aborted) throw cancelled();
      }
      const sha256 = name.slice(name.lastIndexOf('/') + 1);
      members.push({ name, ...(server ? await addStoredFile(tar, ctx, { sha256, size: sizes.get(sha256)! }, name, now) : tar.addFile(name, join(ctx.paths.dir, name), now)) });
    }
    const office = await getOffice(ctx);
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), office: office?.name ?? null, schemaVersion: SCHEMA_VERSION, anchor, members };
    tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2)), now);
    tar.close();
    const bytes = tar.bytes;
    tar = undefined;
    renameSync(partial, file);
    opts.onProgress?.({ phase: '复制附件', done: total, total });
    return { file, attachments: files.length, bytes };
  } finally {
    tar?.abandon();
    rmSync(partial, { force: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(snapshot + suffix, { force: true });
  }
}
