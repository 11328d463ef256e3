// Reads every stored file once: re-hashes it (SHA-256), measures it and identifies its format by its
// first bytes. The main thread and the check worker claim files in batches from one atomic counter in
// shared memory, so both cores hash once the worker's database checks are done.
import { createHash, hash } from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { storedPath } from '../attachments/store';
import { FILE_FORMATS, sniffFormat, type FileFormat } from '../attachments/sniff';

export type FileScan =
  | { state: 'missing' }
  | { state: 'unreadable'; error: string }
  | { state: 'read'; sha256: string; size: number; format: FileFormat };

/** Per-file state in shared memory. */
export const SCAN = { pending: 0, matches: 1, differs: 2, missing: 3, unreadable: 4 } as const;

/** The files to scan and their results, in memory both threads see. Index = file number. */
export interface SharedScan {
  /** distinct stored digests: the file names */
  hashes: string[];
  /** files/<aa> for each two-hex-digit prefix, resolved once through storedPath */
  dirs: Record<string, string>;
  /** [0]: the next file number to claim; [1]: files done (for progress) */
  counters: Int32Array;
  state: Uint8Array;
  /** index into FILE_FORMATS */
  format: Uint8Array;
  size: Float64Array;
  /** the digest actually read, 32 bytes per file (kept only where it differs from the name) */
  digest: Uint8Array;
}

/** What scanning needs from Node and this code base, passed in so the worker can run the same source. */
export interface ScanDeps {
  hash: typeof hash;
  createHash: typeof createHash;
  openSync: typeof openSync;
  readSync: typeof readSync;
  closeSync: typeof closeSync;
  sniffFormat: typeof sniffFormat;
  formats: readonly FileFormat[];
  sep: string;
  buf: Buffer;
  /** read-only, never through a symbolic link (ELOOP), never blocking on a pipe */
  openFlags: number;
}

/**
 * Claims the next batch and scans it into `s`; false when no file is left. `errors` collects why a file
 * was unreadable. Self-contained (all it uses comes in as arguments) because the worker runs its source text.
 */
export function scanNextBatch(s: SharedScan, d: ScanDeps, errors: Record<number, string>): boolean {
  const CHUNK = d.buf.length;
  const HEAD = 4096;
  // Small batches share out the tail of the work; 64 files keep the shared counter cold.
  const BATCH = 64;
  const first = Atomics.add(s.counters, 0, BATCH);
  if (first >= s.hashes.length) return false;
  const last = Math.min(first + BATCH, s.hashes.length);
  for (let i = first; i < last; i++) {
    const name = s.hashes[i]!;
    let fd = -1;
    try {
      fd = d.openSync(`${s.dirs[name.slice(0, 2)]}${d.sep}${name}`, d.openFlags);
      let n = d.readSync(fd, d.buf, 0, CHUNK, null);
      s.format[i] = d.formats.indexOf(d.sniffFormat(d.buf.subarray(0, Math.min(n, HEAD))));
      let hex: string;
      let size = n;
      // A short read of a regular file is its end: one read and a one-shot hash for all but huge files.
      if (n < CHUNK) hex = d.hash('sha256', d.buf.subarray(0, n), 'hex');
      else {
        const hash = d.createHash('sha256');
        while (n > 0) {
          hash.update(d.buf.subarray(0, n));
          n = d.readSync(fd, d.buf, 0, CHUNK, null);
          size += n;
        }
        hex = hash.digest('hex');
      }
      s.size[i] = size;
      // The state (SCAN's numbers) is stored last and atomically: a thread reading it finds the rest in place.
      if (hex === name) Atomics.store(s.state, i, 1);
      else {
        s.digest.set(Buffer.from(hex, 'hex'), i * 32);
        Atomics.store(s.state, i, 2);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (fd < 0 && code === 'ENOENT') Atomics.store(s.state, i, 3);
      else {
        errors[i] = code ?? String(e);
        Atomics.store(s.state, i, 4);
      }
    } finally {
      if (fd >= 0) d.closeSync(fd);
    }
  }
  Atomics.add(s.counters, 1, last - first);
  return true;
}

/** The distinct files of `digests` (attachments may share one), shared-memory results for each. */
export function sharedScan(filesDir: string, digests: Iterable<string>): SharedScan & { indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const dirs: Record<string, string> = {};
  for (const h of digests) {
    if (indexOf.has(h)) continue;
    indexOf.set(h, indexOf.size);
    dirs[h.slice(0, 2)] ??= dirname(storedPath(filesDir, h));
  }
  const n = indexOf.size;
  return {
    hashes: [...indexOf.keys()],
    indexOf,
    dirs,
    counters: new Int32Array(new SharedArrayBuffer(8)),
    state: new Uint8Array(new SharedArrayBuffer(n)),
    format: new Uint8Array(new SharedArrayBuffer(n)),
    size: new Float64Array(new SharedArrayBuffer(n * 8)),
    digest: new Uint8Array(new SharedArrayBuffer(n * 32)),
  };
}

export function scanDeps(sep: string): ScanDeps {
  return { hash, createHash, openSync, readSync, closeSync, sniffFormat, formats: FILE_FORMATS, sep, buf: Buffer.allocUnsafe(1 << 20), openFlags: scanOpenFlags(constants) };
}

/** O_RDONLY | O_NOFOLLOW | O_NONBLOCK where the system has them (Windows has neither of the last two). */
export function scanOpenFlags(c: typeof constants): number {
  return c.O_RDONLY | (c.O_NOFOLLOW ?? 0) | (c.O_NONBLOCK ?? 0);
}

/**
 * This thread's share of the scan: batches until none is left, yielding so progress and cancel get
 * through; `afterBatch` does other work in step with the scan.
 */
export async function scanShare(s: SharedScan, d: ScanDeps, errors: Record<number, string>, opts: LongTaskOptions = {}, afterBatch = () => {}): Promise<void> {
  const total = s.hashes.length;
  for (let batch = 0; ; batch++) {
    if (batch % 4 === 0) {
      opts.onProgress?.({ phase: '校验附件', done: Math.min(Atomics.load(s.counters, 1), total), total });
      await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw cancelled();
    }
    if (!scanNextBatch(s, d, errors)) break;
    afterBatch();
  }
}

/**
 * File `i`'s scan, or undefined while it is not in yet (pending, or unreadable by another thread that
 * has not said why).
 */
export function scanAt(s: SharedScan, i: number, errors: Record<number, string>): FileScan | undefined {
  const state = Atomics.load(s.state, i);
  if (state === SCAN.pending) return undefined;
  if (state === SCAN.missing) return { state: 'missing' };
  if (state === SCAN.unreadable) return errors[i] === undefined ? undefined : { state: 'unreadable', error: errors[i] };
  const name = s.hashes[i]!;
  const sha256 = state === SCAN.matches ? name : Buffer.from(s.digest.subarray(i * 32, i * 32 + 32)).toString('hex');
  return { state: 'read', sha256, size: s.size[i]!, format: FILE_FORMATS[s.format[i]!] ?? 'unknown' };
}

/** The scan's results by stored digest, built only for the files asked about. */
export interface FileScans {
  get(sha256: string): FileScan | undefined;
  /** files scanned, and the bytes of those read */
  files: number;
  bytes: number;
}

/**
 * Scans here whatever a thread claimed but never finished (a worker that died mid-batch), then answers
 * for each file from the shared results.
 */
export function collectScans(s: SharedScan & { indexOf: Map<string, number> }, d: ScanDeps, errors: Record<number, string>): FileScans {
  const left: number[] = [];
  for (let i = 0; i < s.state.length; i++) if (s.state[i] === SCAN.pending) left.push(i);
  if (left.length > 0) {
    const again = sharedScan('', left.map((i) => s.hashes[i]!));
    again.dirs = s.dirs;
    const againErrors: Record<number, string> = {};
    while (scanNextBatch(again, d, againErrors));
    for (const [k, i] of left.entries()) {
      s.state[i] = again.state[k]!;
      s.format[i] = again.format[k]!;
      s.size[i] = again.size[k]!;
      s.digest.set(again.digest.subarray(k * 32, k * 32 + 32), i * 32);
      if (againErrors[k] !== undefined) errors[i] = againErrors[k];
    }
  }
  let bytes = 0;
  for (let i = 0; i < s.state.length; i++) if (s.state[i] === SCAN.matches || s.state[i] === SCAN.differs) bytes += s.size[i]!;
  return {
    get: (sha256) => {
      const i = s.indexOf.get(sha256);
      return i === undefined ? undefined : scanAt(s, i, errors);
    },
    files: s.hashes.length,
    bytes,
  };
}

/** Per two-digit prefix, how many of the scanned files were there (anything but missing). */
export function presentByPrefix(s: SharedScan): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < s.hashes.length; i++) {
    if (s.state[i] === SCAN.missing) continue;
    const prefix = s.hashes[i]!.slice(0, 2);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return counts;
}
