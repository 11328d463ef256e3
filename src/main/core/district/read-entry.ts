// Reading one entry of a package: its digests (each algorithm a manifest uses, and always SHA-256),
// its size, and on request its bytes in memory or written into the package's pack as they come.
import { createHash, hash, type Hash } from 'node:crypto';
import { fault } from './fault';
import type { Pack } from './pack';
import { SMALL_ENTRY, type PackageSource } from './source';

export interface EntryRead {
  digests: Record<string, string>;
  size: number;
  /** the bytes, when asked to keep them */
  data?: Buffer;
  /** where the bytes begin in the pack, when written into one */
  offset?: number;
}

export interface ReadOptions {
  algorithms: readonly string[];
  /** keep the bytes in memory, refusing an entry larger than this */
  keep?: number;
  /** also write the bytes into this pack */
  pack?: Pack;
  /** the entry is refused beyond this many bytes (what its listing declared) */
  expectSize?: number;
  signal?: AbortSignal;
}

const algorithmsOf = (opts: ReadOptions) => [...new Set(['sha256', ...opts.algorithms])];

const tooLong = (path: string) => fault(`文件“${path}”比包中登记的大小长，可能在读取时被改动`);

/** A small entry read whole: hashed, kept and packed in one go. */
function readWhole(data: Buffer, path: string, opts: ReadOptions): EntryRead {
  if (opts.expectSize !== undefined && data.length > opts.expectSize) throw tooLong(path);
  if (opts.keep !== undefined && data.length > opts.keep) throw fault(`文件“${path}”过大（超过 ${Math.round(opts.keep / 1048576)} MB），不是本软件生成的内容`);
  const digests = Object.fromEntries(algorithmsOf(opts).map((a) => [a, hash(a, data)]));
  const offset = opts.pack?.addWhole(data, digests.sha256!);
  return { digests, size: data.length, ...(opts.keep !== undefined ? { data } : {}), ...(offset !== undefined ? { offset } : {}) };
}

export async function readEntry(src: PackageSource, path: string, opts: ReadOptions): Promise<EntryRead> {
  if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
  // bytes to be kept are held whole anyway: read at once, not gathered from a stream
  const whole = src.readWhole?.(path, Math.max(SMALL_ENTRY, opts.keep ?? 0));
  if (whole) return readWhole(whole, path, opts);
  const hashes: [string, Hash][] = algorithmsOf(opts).map((a) => [a, createHash(a)]);
  const kept: Buffer[] = [];
  // a streamed entry goes into the pack under the size its listing declares; it must come to exactly that
  const offset = opts.pack && opts.expectSize !== undefined ? opts.pack.begin(opts.expectSize) : undefined;
  let size = 0;
  for await (const chunk of src.read(path)) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
    size += chunk.length;
    if (opts.expectSize !== undefined && size > opts.expectSize) throw tooLong(path);
    if (opts.keep !== undefined) {
      if (size > opts.keep) throw fault(`文件“${path}”过大（超过 ${Math.round(opts.keep / 1048576)} MB），不是本软件生成的内容`);
      kept.push(chunk);
    }
    for (const [, h] of hashes) h.update(chunk);
    if (offset !== undefined) opts.pack!.append(chunk);
  }
  if (offset !== undefined && size !== opts.expectSize) throw fault(`文件“${path}”比包中登记的大小短，可能在读取时被改动`);
  const digests = Object.fromEntries(hashes.map(([a, h]) => [a, h.digest('hex')]));
  if (offset !== undefined) opts.pack!.end(size, digests.sha256!, offset);
  return { digests, size, ...(opts.keep !== undefined ? { data: Buffer.concat(kept) } : {}), ...(offset !== undefined ? { offset } : {}) };
}
