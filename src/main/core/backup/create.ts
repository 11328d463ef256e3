// `sanwu backup`: a consistent copy of archive.sqlite (SQLite's online backup API, safe while the
// archive is in use) plus the attachment store, in one tar file with a SHA-256 manifest.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { copyDatabase, engineOf } from '../db';
import { SCHEMA_VERSION } from '../db/migrate';
import { getOffice } from '../office/repository';
import { BACKUP_FORMAT, DATABASE_MEMBER, MANIFEST_NAME, MEMBER_NAME, type BackupManifest } from './manifest';
import { addStoredFile, exportDatabase } from './server';
import { TarWriter } from './tar';

export interface BackupResult {
  file: string;
  attachments: number;
  bytes: number;
}

/** Every stored attachment, as tar member names files/<aa>/<sha256> (temporary .incoming files left out). */
function storedFiles(filesDir: string): string[] {
  if (!existsSync(filesDir)) return [];
  const names: string[] = [];
  for (const dir of readdirSync(filesDir).sort()) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const f of readdirSync(join(filesDir, dir)).sort()) {
      const name = `files/${dir}/${f}`;
      if (MEMBER_NAME.test(name)) names.push(name);
    }
  }
  return names;
}

export async function createBackup(ctx: ArchiveContext, outFile: string, opts: LongTaskOptions = {}): Promise<BackupResult> {
  const file = resolve(outFile);
  if (existsSync(file)) throw new SanwuError('CONFLICT', `备份文件 ${file} 已经存在，未覆盖。请换一个文件名。`);
  mkdirSync(dirname(file), { recursive: true });
  const stamp = randomBytes(6).toString('hex');
  const partial = `${file}.${stamp}.partial`;
  const snapshot = join(ctx.paths.backups, `.snapshot-${stamp}.sqlite`);
  mkdirSync(ctx.paths.backups, { recursive: true });
  const now = ctx.clock.now();
  let tar: TarWriter | undefined;
  try {
    opts.onProgress?.({ phase: '备份数据库', done: 0, total: 1 });
    // a server archive's rows are written into an archive.sqlite of their own, its files come from the database
    const server = engineOf(ctx.db).kind === 'postgres' ? await exportDatabase(ctx, snapshot, { signal: opts.signal }) : null;
    if (!server) await copyDatabase(ctx.db, snapshot);
    if (opts.signal?.aborted) throw cancelled();
    const files = server ? server.map((f) => `files/${f.sha256.slice(0, 2)}/${f.sha256}`) : storedFiles(ctx.paths.files);
    const total = files.length + 1;
    tar = new TarWriter(partial);
    const members: BackupManifest['members'] = [{ name: DATABASE_MEMBER, ...tar.addFile(DATABASE_MEMBER, snapshot, now) }];
    for (const [i, name] of files.entries()) {
      if (i % 50 === 0) {
        opts.onProgress?.({ phase: '复制附件', done: i + 1, total });
        await new Promise((r) => setImmediate(r));
        if (opts.signal?.aborted) throw cancelled();
      }
      members.push({ name, ...(server ? await addStoredFile(tar, ctx, server[i]!, name, now) : tar.addFile(name, join(ctx.paths.dir, name), now)) });
    }
    const office = await getOffice(ctx);
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), office: office?.name ?? null, schemaVersion: SCHEMA_VERSION, members };
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
