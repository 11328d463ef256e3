// What a path given to `receive` is: a package's folder or .zip (bagit.txt at its top), or a transfer
// carrier's (说明文件.TXT). Anything else, or a path that cannot be read, is refused in Chinese.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isSanwuError } from '../../../shared/errors';
import { fault } from './fault';
import { folderSource, type PackageSource } from './source';
import { zipSource } from './zip-source';

export type SourceKind = 'package' | 'carrier';

/** The carrier's description file (档发〔2012〕7号 附件2), found in any letter case. */
export const carrierFile = (src: PackageSource): string | undefined => [...src.entries.keys()].find((p) => p.toUpperCase() === '说明文件.TXT');

export function sourceKind(src: PackageSource): SourceKind {
  if (src.entries.has('bagit.txt')) return 'package';
  if (carrierFile(src)) return 'carrier';
  throw fault('既不是报送包（顶层没有 bagit.txt），也不是移交载体（顶层没有 说明文件.TXT）');
}

function unreadable(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw fault(`找不到“${path}”`);
  if (code === 'EACCES' || code === 'EPERM') throw fault(`没有权限读取“${path}”`);
  throw fault(`无法读取“${basename(path)}”（${code ?? (e as Error).message}）`);
}

/** `storeDir`: where the package's files will be kept (a zip is judged against its free space). */
export async function openSource(path: string, storeDir: string): Promise<PackageSource> {
  const info = await stat(path).catch((e: unknown) => unreadable(path, e));
  try {
    if (info.isDirectory()) return await folderSource(path);
    if (info.isFile() && /\.zip$/i.test(path)) return await zipSource(path, storeDir);
  } catch (e) {
    if (!isSanwuError(e) && (e as NodeJS.ErrnoException).code) unreadable(path, e);
    throw e;
  }
  throw fault('只能接收报送包或移交载体的文件夹，或它们的 .zip 压缩包');
}
