// A strict reader of the zip container of an .xlsx held in memory. Every entry is bounds-checked
// and CRC-checked, so a damaged file is refused with an error instead of hanging a stream parser.
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  /** where the compressed bytes start in the file */
  dataStart: number;
}

/** No XML part of a sheet we accept is anywhere near this (200,000 rows are ~150 MB). */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class ZipDamaged extends Error {}

function findEndOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipDamaged('找不到 zip 目录，文件可能不完整');
}

export function zipEntries(data: Buffer): ZipEntry[] {
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > data.length) throw new ZipDamaged('zip 目录指向文件之外，文件可能不完整');
  };
  const eocd = findEndOfDirectory(data);
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    need(at, 46);
    if (data.readUInt32LE(at) !== CENTRAL) throw new ZipDamaged('zip 目录已损坏');
    const flags = data.readUInt16LE(at + 8);
    if (flags & 1) throw new ZipDamaged('工作簿中的部件已加密');
    const nameLength = data.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    need(at + 46, nameLength);
    const entry = {
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      method: data.readUInt16LE(at + 10),
      crc32: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      local: data.readUInt32LE(at + 42),
    };
    if (entry.method !== 0 && entry.method !== 8) throw new ZipDamaged(`不支持的压缩方式 ${entry.method}`);
    need(entry.local, 30);
    if (data.readUInt32LE(entry.local) !== LOCAL) throw new ZipDamaged('zip 文件头已损坏');
    const dataStart = entry.local + 30 + data.readUInt16LE(entry.local + 26) + data.readUInt16LE(entry.local + 28);
    need(dataStart, entry.compressedSize);
    entries.push({ name: entry.name, method: entry.method, crc32: entry.crc32, compressedSize: entry.compressedSize, dataStart });
    at = next;
  }
  return entries;
}

/** The entry's text, inflated and decoded as it is read; throws at the end if the CRC differs. */
export async function* entryText(data: Buffer, entry: ZipEntry, onBytes: (at: number) => void = () => {}): AsyncGenerator<string> {
  const compressed = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (size > MAX_ENTRY_BYTES) throw new ZipDamaged(`部件 ${entry.name} 解压后过大`);
    return decoder.write(chunk);
  };
  if (entry.method === 0) {
    yield take(compressed);
  } else {
    const inflater = createInflateRaw();
    inflater.end(compressed);
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      onBytes(entry.dataStart + inflater.bytesWritten);
      const text = take(chunk);
      if (text) yield text;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipDamaged(`部件 ${entry.name} 校验失败（CRC 不符），文件已损坏`);
}
