// A package or carrier sent as a .zip (as `report --zip` writes it: one top folder named like the bag,
// or the files at the top). Read with the import's strict zip reader: every entry bounds-checked, its
// inflated size and CRC verified as it comes. Before anything is inflated, the zip is refused whole
// when a name leaves its folder or is a link, when it claims more than the disk can take, or when an
// entry inflates far beyond what scans and documents do (a zip bomb).
import { closeSync, fstatSync, openSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { ReadFault, RESAVE } from '../import/read/faults';
import { entryBytes, fileSource, zipEntries, type ZipEntry } from '../import/read/zip';
import { fault } from './fault';
import { MAX_ENTRIES, type PackageSource, type SourceEntry } from './source';

/** Scans, office documents and records.json never inflate beyond this ratio; zeros of a bomb do by far. */
const MAX_RATIO = 200;
/** Below this size an entry's ratio is not judged (a short text compresses well). */
const RATIO_FROM = 1024 * 1024;

/** The reader's fault in the district's words (the reader speaks of an import). */
function said(e: unknown): never {
  if (!(e instanceof ReadFault)) throw e;
  const text = e.describe('\u0000').replace('“\u0000”', '压缩包').replace(RESAVE, '请街道重新压缩后再报送，或直接接收报送包的文件夹').replace(/导入/g, '接收');
  throw fault(text.replace(/。$/, ''));
}

/** The entry's path inside the package, or a fault when it would leave the folder. */
function safePath(name: string): string {
  const path = name.replace(/\\/g, '/');
  const parts = path.split('/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '..' || p === '.' || (p === '' && parts.at(-1) !== p))) {
    throw fault(`压缩包中的“${name}”指向包外或路径不规范，报送包只能含包内的普通文件`);
  }
  return path;
}

/** The top folder every entry is under, or '' when the package's files are at the top. */
function topFolder(paths: string[]): string {
  if (paths.includes('bagit.txt') || paths.some((p) => p.toUpperCase() === '说明文件.TXT')) return '';
  const tops = new Set(paths.map((p) => p.split('/')[0]!));
  return tops.size === 1 && paths.every((p) => p.includes('/')) ? `${[...tops][0]}/` : '';
}

function judge(entries: ZipEntry[], free: number): void {
  const files = entries.filter((e) => !e.directory);
  if (files.length > MAX_ENTRIES) throw fault(`压缩包中的文件超过 ${MAX_ENTRIES} 个，不是一个年度的报送包`);
  const link = files.find((e) => e.symlink);
  if (link) throw fault(`压缩包中的“${link.name}”是链接，不是普通文件；报送包只能含普通文件`);
  const bomb = files.find((e) => e.size > RATIO_FROM && e.size > e.compressedSize * MAX_RATIO);
  if (bomb) {
    throw fault(`压缩包中的“${bomb.name}”由 ${Math.ceil(bomb.compressedSize / 1024)} KB 解压出 ${Math.round(bomb.size / 1048576)} MB，远超正常文件的压缩比，疑为恶意构造的压缩包（“压缩炸弹”）`);
  }
  const total = files.reduce((n, e) => n + e.size, 0);
  if (total > free) throw fault(`压缩包解压后有 ${Math.round(total / 1048576)} MB，档案库所在磁盘只剩 ${Math.round(free / 1048576)} MB；请先腾出空间`);
}

/** A small entry inflated at once, never past its declared size, its CRC checked. */
function inflateWhole(read: (at: number, n: number) => Buffer, entry: ZipEntry): Buffer {
  const raw = read(entry.dataStart, entry.compressedSize);
  let data: Buffer;
  try {
    data = entry.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw fault(`压缩包中的“${entry.name}”无法解压（已损坏或比声明的大）`);
  }
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc32 >>> 0) throw fault(`压缩包中的“${entry.name}”已损坏（大小或 CRC 校验不符）`);
  return data;
}

/** `storeDir`: where what is received will be written (its free space bounds the zip). */
export async function zipSource(path: string, storeDir: string): Promise<PackageSource> {
  const fd = openSync(path, 'r');
  try {
    const src = fileSource(fd, fstatSync(fd).size);
    let all: ZipEntry[];
    try {
      all = zipEntries(src, { entries: MAX_ENTRIES + 1, entryBytes: Infinity, totalBytes: Infinity });
    } catch (e) {
      said(e);
    }
    const free = await statfs(storeDir).then((s) => s.bavail * s.bsize);
    judge(all, free);
    const files = all.filter((e) => !e.directory).map((e) => [safePath(e.name), e] as const);
    const top = topFolder(files.map(([p]) => p));
    const byPath = new Map<string, ZipEntry>();
    const entries = new Map<string, SourceEntry>();
    for (const [p, e] of files) {
      if (!p.startsWith(top)) throw fault(`压缩包中的“${e.name}”不在报送包的文件夹“${top.slice(0, -1)}”里`);
      const rel = p.slice(top.length);
      byPath.set(rel, e);
      entries.set(rel, { path: rel, size: e.size });
    }
    const entry = (p: string) => byPath.get(p)!;
    return {
      label: basename(path),
      name: top ? top.slice(0, -1) : basename(path).replace(/\.zip$/i, ''),
      entries,
      read: (p) =>
        (async function* () {
          try {
            yield* entryBytes(src, entry(p));
          } catch (e) {
            said(e);
          }
        })(),
      readWhole: (p, limit) => (entry(p).size <= limit ? inflateWhole((at, n) => src.read(at, n), entry(p)) : null),
      close: async () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
