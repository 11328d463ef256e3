// `sanwu restore`: checks a backup completely (manifest, every member's SHA-256, application_id,
// integrity_check, schema version) in a temporary folder beside the archive, then renames it into place.
// An archive already there is kept: it is backed up into the restored archive's backups/ first.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import { archivePaths, closeArchive, openArchive } from '../archive';
import { appendAudit } from '../audit-log/append';
import { AnchorStore } from '../audit-log/anchor';
import { systemClock, type Clock, type Logger } from '../context';
import { databaseFileProblem, isServerLocation } from '../db';
import { createBackup } from './create';
import { restoreOntoServer } from './server-restore';
import { DATABASE_MEMBER, MANIFEST_NAME, manifestSchema, type BackupManifest } from './manifest';
import { copyMember, readTarIndex, type TarEntry } from './tar';
import { recoverFolder } from '../recovery';
import { besideTarget } from '../transient';
import { verifyBackupAudit } from './verify-audit';

export interface RestoreOptions extends LongTaskOptions {
  /** replace an archive that is already there (it is backed up first) */
  force?: boolean;
  clock?: Clock;
  actor?: string;
  /** a server archive's local working folder (where the backup is checked and the replaced archive backed up) */
  workDir?: string;
  /** where audit anchors are kept (archive.ts OpenOptions.anchorDir) */
  anchorDir?: string | null;
  log?: Logger;
}

export interface RestoreResult {
  dir: string;
  createdAt: string;
  office: string | null;
  attachments: number;
  /** where the archive that was replaced went, if there was one */
  previous: string | null;
  /** what was noted while checking (e.g. a signature this computer cannot verify) */
  notices: string[];
}

const refused = (file: string, why: string): SanwuError =>
  new SanwuError('INVALID_INPUT', `${file} 不是完好的三务档案备份（${why}），未做任何修改。请换一个备份文件。`);

function readManifest(fd: number, file: string, entries: TarEntry[]): BackupManifest {
  const entry = entries.find((e) => e.name === MANIFEST_NAME);
  if (!entry) throw refused(file, `缺少清单 ${MANIFEST_NAME}`);
  const chunks: Buffer[] = [];
  copyMember(fd, entry, (c) => chunks.push(Buffer.from(c)));
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw refused(file, '清单不是有效的 JSON');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw refused(file, '清单格式不符');
  const listed = new Set(manifest.data.members.map((m) => m.name));
  const present = entries.filter((e) => e.name !== MANIFEST_NAME).map((e) => e.name);
  const extra = present.filter((n) => !listed.has(n));
  if (extra.length > 0 || present.length !== listed.size) throw refused(file, `文件清单与内容不一致${extra.length ? `：${extra[0]}` : ''}`);
  if (!listed.has(DATABASE_MEMBER)) throw refused(file, `缺少 ${DATABASE_MEMBER}`);
  return manifest.data;
}

/** Unpacks every member into `into`, refusing any whose size or SHA-256 differs from the manifest. */
async function unpack(fd: number, file: string, entries: TarEntry[], manifest: BackupManifest, into: string, opts: LongTaskOptions): Promise<void> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const [i, m] of manifest.members.entries()) {
    if (i % 50 === 0) {
      opts.onProgress?.({ phase: '校验并解包', done: i, total: manifest.members.length });
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw cancelled();
    }
    const entry = byName.get(m.name)!;
    const target = join(into, m.name);
    mkdirSync(dirname(target), { recursive: true });
    const out = openSync(target, 'wx');
    let sha256: string;
    try {
      sha256 = copyMember(fd, entry, (c) => writeSync(out, c));
    } finally {
      closeSync(out);
    }
    if (entry.size !== m.size || sha256 !== m.sha256) throw refused(file, `${m.name} 的校验值不符，备份已损坏或被改动`);
    if (m.name !== DATABASE_MEMBER && !m.name.endsWith(sha256)) throw refused(file, `附件 ${m.name} 的内容与文件名不符`);
  }
  opts.onProgress?.({ phase: '校验并解包', done: manifest.members.length, total: manifest.members.length });
}

function checkDatabase(path: string, file: string): void {
  const problem = databaseFileProblem(path);
  if (problem) throw refused(file, problem);
}

const isEmptyDir = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

/** A full backup of the archive being replaced, or null when it cannot be opened (then it is kept raw). */
async function backupPrevious(dir: string, stamp: string, opts: RestoreOptions): Promise<string | null> {
  let ctx;
  try {
    ctx = await openArchive(dir, { clock: opts.clock, actor: opts.actor, anchorDir: opts.anchorDir, log: opts.log });
  } catch {
    return null;
  }
  try {
    return (await createBackup(ctx, join(ctx.paths.backups, `before-restore-${stamp}.tar`))).file;
  } finally {
    await closeArchive(ctx);
  }
}

/**
 * Checks the backup completely (its audit log against its signed anchor too) and unpacks it into
 * `staging` (removed again if anything is wrong).
 */
export async function stageBackup(
  file: string,
  staging: string,
  anchors: AnchorStore | null,
  opts: LongTaskOptions,
): Promise<{ manifest: BackupManifest; notices: string[] }> {
  const fd = openSync(file, 'r');
  let manifest: BackupManifest;
  let notices: string[];
  try {
    let entries: TarEntry[];
    try {
      entries = readTarIndex(fd);
    } catch (e) {
      throw refused(file, (e as Error).message);
    }
    manifest = readManifest(fd, file, entries);
    mkdirSync(staging, { recursive: true });
    await unpack(fd, file, entries, manifest, staging, opts);
    checkDatabase(join(staging, DATABASE_MEMBER), file);
    notices = verifyBackupAudit(join(staging, DATABASE_MEMBER), manifest, file, anchors);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    closeSync(fd);
  }
  return { manifest, notices };
}

/** `dir`: an archive folder, or a `postgres://` URL (the backup goes onto that server: backup/server.ts). */
export async function restoreBackup(dir: string, backupFile: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const file = resolve(backupFile);
  if (!existsSync(file)) throw new SanwuError('NOT_FOUND', `找不到备份文件 ${file}。请检查路径。`);
  if (isServerLocation(dir)) return restoreOntoServer(dir, file, opts);
  const paths = archivePaths(dir);
  const target = paths.dir;
  // What an earlier, interrupted restore left is put right first (the folder may even be aside).
  for (const message of recoverFolder(paths)) opts.log?.info(message);
  if (!isEmptyDir(target)) {
    if (!existsSync(paths.database)) {
      throw new SanwuError('CONFLICT', `${target} 不是空文件夹，也不是档案文件夹，未做任何修改。请用 --db 指向一个新的或空的文件夹。`);
    }
    if (!opts.force) {
      throw new SanwuError('CONFLICT', `${target} 里已经有档案库，未做任何修改。如确要用备份替换它，请加 --force（会先把现有档案库备份到其 backups/ 文件夹）。`);
    }
  }
  const clock = opts.clock ?? systemClock;
  const stamp = `${clock.now().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const anchors = opts.anchorDir ? new AnchorStore(opts.anchorDir) : null;
  const staging = besideTarget(target, 'restoring');
  const { manifest, notices } = await stageBackup(file, staging, anchors, opts);

  let previous: string | null = null;
  const replacing = !isEmptyDir(target);
  try {
    if (replacing) previous = await backupPrevious(target, stamp, opts);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  // The swap: the old folder steps aside, the checked copy takes its place, the old backups/ moves in.
  // An old archive that could not be backed up is kept whole under backups/ instead of being removed.
  // A crash anywhere in it is put right at the next start (recovery.ts): the old or the new archive is
  // then at the target, never neither.
  // Another log is about to take this folder, checked against its own anchor: this computer anchors it
  // from its head on (dropped before the swap, so a crash never pairs the new log with the old anchor).
  anchors?.forget(target);
  const aside = besideTarget(target, 'previous');
  if (existsSync(target)) renameSync(target, aside);
  renameSync(staging, target);
  if (existsSync(join(aside, 'backups'))) renameSync(join(aside, 'backups'), join(target, 'backups'));
  if (replacing && !previous) {
    previous = join(target, 'backups', `before-restore-${stamp}-unreadable`);
    mkdirSync(dirname(previous), { recursive: true });
    renameSync(aside, previous);
  }
  rmSync(aside, { recursive: true, force: true });

  const ctx = await openArchive(target, { clock, actor: opts.actor, anchorDir: opts.anchorDir, log: opts.log });
  try {
    await ctx.write.transaction((trx) =>
      appendAudit(ctx, trx, [{ action: 'restore', entity: 'archive', after: { from: file, backupCreatedAt: manifest.createdAt, previous, anchor: manifest.anchor ?? null } }]),
    );
  } finally {
    await closeArchive(ctx);
  }
  return { dir: target, createdAt: manifest.createdAt, office: manifest.office, attachments: manifest.members.length - 1, previous, notices };
}
