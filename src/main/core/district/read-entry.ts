// Reading one entry of a package: its digests (each algorithm a manifest uses, and always SHA-256, the
// store's), its size, and on request its bytes in memory or a copy staged in the store's folder.
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fault } from './fault';
import type { PackageSource } from './source';

export interface EntryRead {
  digests: Record<string, string>;
  size: number;
  /** the bytes, when asked to keep them */
  data?: Buffer;
}

export interface ReadOptions {
  algorithms: readonly string[];
  /** keep the bytes in memory, refusing an entry larger than this */
  keep?: number;
  /** also write the bytes to this file */
  copyTo?: string;
  /** the entry is refused beyond this many bytes (what its listing declared) */
  expectSize?: number;
  signal?: AbortSignal;
}

async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function readEntry(src: PackageSource, path: string, opts: ReadOptions): Promise<EntryRead> {
  const hashes: [string, Hash][] = [...new Set(['sha256', ...opts.algorithms])].map((a) => [a, createHash(a)]);
  const kept: Buffer[] = [];
  const out = opts.copyTo ? createWriteStream(opts.copyTo) : null;
  let size = 0;
  try {
    for await (const chunk of src.read(path)) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      size += chunk.length;
      if (opts.expectSize !== undefined && size > opts.expectSize) throw fault(`文件“${path}”比包中登记的大小长，可能在读取时被改动`);
      if (opts.keep !== undefined) {
        if (size > opts.keep) throw fault(`文件“${path}”过大（超过 ${Math.round(opts.keep / 1048576)} MB），不是本软件生成的内容`);
        kept.push(chunk);
      }
      for (const [, h] of hashes) h.update(chunk);
      if (out) await write(out, chunk);
    }
  } finally {
    if (out) {
      out.end();
      await once(out, 'close');
    }
  }
  const digests = Object.fromEntries(hashes.map(([a, h]) => [a, h.digest('hex')]));
  return { digests, size, ...(opts.keep !== undefined ? { data: Buffer.concat(kept) } : {}) };
}
