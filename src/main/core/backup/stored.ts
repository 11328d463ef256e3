// The backups kept in the archive's backups/ folder, as the UI chooses one to restore (desktop and
// browser mode alike): list them, take one uploaded in pieces from the page, and check one completely
// without restoring it (the same checks restore makes: stageBackup).
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCheckInfo, StoredBackupInfo } from '../../../shared/api';
import type { LongTaskOptions } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { storedBackupName } from '../../../shared/schemas';
import type { ArchiveContext } from '../context';
import { leftovers, remove, transientName } from '../transient';
import { stageBackup } from './restore';


/** Newest first; a dead upload's pieces are cleared on the way. */
export function listStoredBackups(ctx: ArchiveContext): StoredBackupInfo[] {
  const dir = ctx.paths.backups;
  if (!existsSync(dir)) return [];
  for (const [name] of leftovers(dir, ['partial'])) remove(join(dir, name));
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.tar') && !n.startsWith('.'))
    .map((name) => {
      const st = statSync(join(dir, name));
      return { name, size: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .filter((b) => b.size > 0)
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}

/** The file of a stored backup, refused when it is not there. */
export function storedBackupFile(ctx: ArchiveContext, name: string): string {
  const file = join(ctx.paths.backups, storedBackupName.parse(name));
  if (!existsSync(file) || !statSync(file).isFile()) throw new SanwuError('NOT_FOUND', `备份文件“${name}”不在档案库的备份文件夹中，可能已被移走。请刷新列表后重选。`);
  return file;
}

export const UPLOAD_PIECE_BYTES = 8 * 1024 * 1024;

export interface UploadPiece {
  /** chosen by the page for one upload: 8 hex digits */
  upload: string;
  /** the file's name on the clerk's computer */
  name: string;
  /** where this piece starts in the file */
  offset: number;
  dataBase64: string;
  /** the last piece: the file is whole */
  done: boolean;
}

/** The piece file of an upload: a transient name of this process, cleared after a crash. */
const pieceFile = (ctx: ArchiveContext, upload: string): string => join(ctx.paths.backups, `.上传.partial-${process.pid}-${upload}.tar`);

/**
 * Appends one piece of an uploaded backup; the last one turns it into 上传-<name>.tar. Pieces come in
 * order: one whose offset is not the bytes received so far is refused (the page starts over).
 */
export function receiveUploadPiece(ctx: ArchiveContext, piece: UploadPiece, stamp: string): { received: number; name?: string } {
  mkdirSync(ctx.paths.backups, { recursive: true });
  const part = pieceFile(ctx, piece.upload);
  const have = existsSync(part) ? statSync(part).size : 0;
  if (piece.offset !== have) {
    throw new SanwuError('CONFLICT', `上传中断（已收到 ${have} 字节，这一段从 ${piece.offset} 字节开始），未保存。请重新选择备份文件上传。`);
  }
  const bytes = Buffer.from(piece.dataBase64, 'base64');
  if (bytes.length > UPLOAD_PIECE_BYTES) throw new SanwuError('INVALID_INPUT', '上传的一段超过 8 MB，请刷新页面后重试。');
  appendFileSync(part, bytes);
  const received = have + bytes.length;
  if (!piece.done) return { received };
  const base = piece.name.replace(/\.tar$/i, '').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || '备份';
  let name = `上传-${base}-${stamp}.tar`;
  for (let n = 2; existsSync(join(ctx.paths.backups, name)); n++) name = `上传-${base}-${stamp}（${n}）.tar`;
  renameSync(part, join(ctx.paths.backups, name));
  return { received, name };
}

/** Checks a stored backup as restore would (every member's digest, the database, its audit log and anchor), changing nothing. */
export async function verifyStoredBackup(ctx: ArchiveContext, name: string, opts: LongTaskOptions = {}): Promise<BackupCheckInfo> {
  const file = storedBackupFile(ctx, name);
  const staging = join(ctx.paths.backups, transientName('.', 'partial'));
  try {
    const { manifest, notices } = await stageBackup(file, staging, ctx.anchors, opts);
    const st = statSync(file);
    return { name, size: st.size, modifiedAt: st.mtime.toISOString(), createdAt: manifest.createdAt, office: manifest.office, attachments: manifest.members.length - 1, notices };
  } finally {
    remove(staging);
  }
}
