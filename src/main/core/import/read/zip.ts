// A strict zip reader: the container of .xlsx and .ods files, and a .zip of workbooks and scans.
// Every entry is bounds-checked, its inflated size and CRC verified, so a damaged or hostile file is
// refused with a fault instead of hanging a stream parser or filling the memory. Reads from a buffer
// or from an open file, a slice at a time.
import { readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { damaged, tooLarge, unreadable } from './faults';

export interface ZipSource {
  size: number;
  read(at: number, length: number): Buffer;
}

export function fileSource(fd: number, size: number): ZipSource {
  return {
    size,
    read(at, n) {
      const out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, at + got);
        if (r === 0) throw damaged('文件在读取时变短了');
        got += r;
      }
      return out;
    },
  };
}

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  /** the inflated size the directory declares; verified while inflating */
  size: number;
  /** where the compressed bytes start */
  dataStart: number;
  directory: boolean;
  symlink: boolean;
}

export interface ZipLimits {
  entries: number;
  /** largest inflated entry */
  entryBytes: number;
  /** all entries inflated */
  totalBytes: number;
}

const SPLIT = '请分成几个较小的文件分别导入';
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNICODE_PATH = 0x7075;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function findEndOfDirectory(src: ZipSource): number {
  const tail = Math.min(src.size, 22 + 0xffff);
  const buf = src.read(src.size - tail, tail);
  for (let at = buf.length - 22; at >= 0; at--) {
    if (buf.readUInt32LE(at) === EOCD) return src.size - tail + at;
  }
  throw damaged('找不到 zip 目录');
}

/** Names: UTF-8 when flagged or carried in the Info-ZIP extra field; else UTF-8 if valid, else GBK (Chinese Windows). */
function entryName(raw: Buffer, flags: number, extra: Buffer): string {
  if (flags & 0x800) return raw.toString('utf8');
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === UNICODE_PATH && len >= 5 && at + 4 + len <= extra.length && extra.readUInt32LE(at + 5) === crc32(raw) >>> 0) {
      return extra.toString('utf8', at + 9, at + 4 + len);
    }
    at += 4 + len;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

export function zipEntries(src: ZipSource, limits: ZipLimits): ZipEntry[] {
  const read = (at: number, n: number) => {
    if (at < 0 || at + n > src.size) throw damaged('zip 目录指向文件之外');
    return src.read(at, n);
  };
  const eocdAt = findEndOfDirectory(src);
  const eocd = read(eocdAt, 22);
  const count = eocd.readUInt16LE(10);
  const dirSize = eocd.readUInt32LE(12);
  const dirStart = eocd.readUInt32LE(16);
  if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) {
    throw unreadable((f) => `“${f}”是 ZIP64 格式（超过 4 GB 或条目过多），无法导入；请拆分后重新压缩`);
  }
  if (count > limits.entries) throw tooLarge(`含有 ${count} 个文件，超过 ${limits.entries} 个的上限`, SPLIT);
  if (dirSize > count * (46 + 3 * 0xffff)) throw damaged('zip 目录已损坏');
  const dir = read(dirStart, dirSize);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0, at = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw damaged('zip 目录已损坏');
    const flags = dir.readUInt16LE(at + 8);
    const method = dir.readUInt16LE(at + 10);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + dir.readUInt16LE(at + 32);
    if (next > dir.length) throw damaged('zip 目录已损坏');
    const raw = dir.subarray(at + 46, at + 46 + nameLength);
    const name = entryName(raw, flags, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    const compressedSize = dir.readUInt32LE(at + 20);
    const size = dir.readUInt32LE(at + 24);
    const local = dir.readUInt32LE(at + 42);
    const mode = dir.readUInt16LE(at + 4) >> 8 === 3 ? dir.readUInt32LE(at + 38) >>> 16 : 0;
    if (flags & 1) throw unreadable((f) => `“${f}”中的文件设有密码（已加密），无法读取；请取消密码后重新保存或压缩再导入`);
    if (method !== 0 && method !== 8) throw damaged(`条目“${name}”使用了不支持的压缩方式`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      throw unreadable((f) => `“${f}”是 ZIP64 格式（单个文件超过 4 GB），无法导入`);
    }
    if (seen.has(name)) throw damaged(`条目“${name}”出现了两次`);
    seen.add(name);
    if (size > limits.entryBytes) throw tooLarge(`中的“${name}”解压后有 ${Math.round(size / 1048576)} MB，超过上限`, SPLIT);
    total += size;
    if (total > limits.totalBytes) throw tooLarge(`解压后超过 ${Math.round(limits.totalBytes / 1048576)} MB 的上限`, SPLIT);
    const head = read(local, 30);
    if (head.readUInt32LE(0) !== LOCAL) throw damaged('zip 文件头已损坏');
    const dataStart = local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    if (dataStart + compressedSize > src.size) throw damaged(`条目“${name}”超出文件末尾`);
    const directory = name.endsWith('/') || name.endsWith('\\');
    entries.push({ name, method, crc32: dir.readUInt32LE(at + 16), compressedSize, size, dataStart, directory, symlink: (mode & S_IFMT) === S_IFLNK });
    at = next;
  }
  return entries;
}

const SLICE = 1024 * 1024;

function* compressedSlices(src: ZipSource, entry: ZipEntry): Generator<Buffer> {
  for (let at = 0; at < entry.compressedSize; at += SLICE) {
    yield src.read(entry.dataStart + at, Math.min(SLICE, entry.compressedSize - at));
  }
}

/**
 * The entry's bytes, inflated as they are read. Throws as soon as more comes out than the directory
 * declared, and at the end if the size or CRC differ. `onBytes` gets the compressed bytes consumed.
 */
export async function* entryBytes(src: ZipSource, entry: ZipEntry, onBytes: (compressed: number) => void = () => {}): AsyncGenerator<Buffer> {
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > entry.size) throw damaged(`条目“${entry.name}”解压后比声明的大`);
    crc = crc32(chunk, crc);
    return chunk;
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged(`条目“${entry.name}”的大小不符`);
    for (const slice of compressedSlices(src, entry)) {
      yield take(slice);
      onBytes(size);
    }
  } else {
    const input = Readable.from(compressedSlices(src, entry));
    const inflater = createInflateRaw();
    input.on('error', (e) => inflater.destroy(e));
    input.pipe(inflater);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        yield take(chunk);
        onBytes(inflater.bytesWritten);
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'ReadFault') throw e;
      throw damaged(`条目“${entry.name}”无法解压`);
    } finally {
      input.destroy();
      inflater.destroy();
    }
  }
  if (size !== entry.size) throw damaged(`条目“${entry.name}”解压后比声明的小`);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw damaged(`条目“${entry.name}”校验失败（CRC 不符）`);
}
