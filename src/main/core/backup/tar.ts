// The backup container: a plain POSIX ustar archive (any tar tool can list or unpack it), written and
// read here with synchronous file-descriptor I/O so every member is hashed as it streams through.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;
const CHUNK = 1 << 20;
/** ustar's 11 octal digits of size */
const MAX_SIZE = 0o77777777777;

export interface TarEntry {
  name: string;
  /** byte offset of the member's data */
  offset: number;
  size: number;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100 || !/^[\x21-\x7e]+$/.test(name)) throw new Error(`tar member name not supported: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar member too large: ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 'ascii');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(`${checksum(h).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** Small writes gathered up to this many bytes per system call (a pack holds thousands of small scans). */
const STAGE = 256 * 1024;
const ZEROS = Buffer.alloc(2 * BLOCK);

/** Appends members to an open file; returns each member's SHA-256. */
export class TarWriter {
  private readonly fd: number;
  bytes = 0;
  /** bytes still due to the member begun */
  private pending = 0;
  /** the whole archive's SHA-256, when asked for (a pack in the content-addressed store) */
  private readonly whole?: ReturnType<typeof createHash>;
  /** written but not yet handed to the file (copied: callers reuse their buffers) */
  private readonly stage = Buffer.allocUnsafe(STAGE);
  private staged = 0;

  constructor(path: string, options: { hashAll?: boolean } = {}) {
    this.fd = openSync(path, 'wx');
    if (options.hashAll) this.whole = createHash('sha256');
  }

  private write(buf: Buffer): void {
    if (this.staged + buf.length > STAGE) this.flush();
    if (buf.length >= STAGE) {
      this.whole?.update(buf);
      writeSync(this.fd, buf);
    } else this.staged += buf.copy(this.stage, this.staged);
    this.bytes += buf.length;
  }

  private flush(): void {
    const staged = this.stage.subarray(0, this.staged);
    this.whole?.update(staged);
    for (let done = 0; done < staged.length; ) done += writeSync(this.fd, staged, done);
    this.staged = 0;
  }

  /** Starts a member of `size` bytes, to be written by `append`; returns where its data begins. */
  begin(name: string, size: number, mtime: Date): number {
    this.write(header(name, size, mtime));
    this.pending = size;
    return this.bytes;
  }

  append(chunk: Buffer): void {
    if (chunk.length > this.pending) throw new Error('tar member longer than its header says');
    this.write(chunk);
    this.pending -= chunk.length;
  }

  /** Ends the member begun (it must have received exactly its size). */
  end(size: number): void {
    if (this.pending !== 0) throw new Error('tar member shorter than its header says');
    this.write(ZEROS.subarray(0, padding(size)));
  }

  addBuffer(name: string, data: Buffer, mtime: Date): string {
    this.write(header(name, data.length, mtime));
    this.write(data);
    this.write(ZEROS.subarray(0, padding(data.length)));
    return createHash('sha256').update(data).digest('hex');
  }

  addFile(name: string, source: string, mtime: Date): { sha256: string; size: number } {
    const src = openSync(source, 'r');
    try {
      const size = fstatSync(src).size;
      this.write(header(name, size, mtime));
      const hash = createHash('sha256');
      const buf = Buffer.alloc(CHUNK);
      let done = 0;
      while (done < size) {
        const n = readSync(src, buf, 0, Math.min(CHUNK, size - done), done);
        if (n === 0) throw new Error(`${source} shrank while being backed up`);
        hash.update(buf.subarray(0, n));
        this.write(buf.subarray(0, n));
        done += n;
      }
      this.write(ZEROS.subarray(0, padding(size)));
      return { sha256: hash.digest('hex'), size };
    } finally {
      closeSync(src);
    }
  }

  /** A member whose bytes arrive in pieces (a server archive's stored file): exactly `size` of them. */
  async addPieces(name: string, size: number, pieces: AsyncIterable<Buffer>, mtime: Date): Promise<{ sha256: string; size: number }> {
    this.write(header(name, size, mtime));
    const hash = createHash('sha256');
    let done = 0;
    for await (const piece of pieces) {
      if (done + piece.length > size) throw new Error(`${name} is longer than its recorded size`);
      hash.update(piece);
      this.write(piece);
      done += piece.length;
    }
    if (done !== size) throw new Error(`${name} is shorter than its recorded size`);
    this.write(ZEROS.subarray(0, padding(size)));
    return { sha256: hash.digest('hex'), size };
  }

  /** The two zero blocks that end a tar archive, flushed to disk; the archive's SHA-256 when hashAll. */
  close(): string | undefined {
    this.write(ZEROS);
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    return this.whole?.digest('hex');
  }

  abandon(): void {
    closeSync(this.fd);
  }
}

/** Lists the members of a tar file; throws on anything but regular files or a damaged header. */
export function readTarIndex(fd: number): TarEntry[] {
  const total = fstatSync(fd).size;
  const entries: TarEntry[] = [];
  const h = Buffer.alloc(BLOCK);
  let pos = 0;
  for (;;) {
    if (pos + BLOCK > total || readSync(fd, h, 0, BLOCK, pos) !== BLOCK) throw new Error('archive ends before its end marker');
    if (h.every((b) => b === 0)) return entries;
    const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8);
    if (stored !== checksum(h)) throw new Error(`damaged header at byte ${pos}`);
    const type = h.toString('ascii', 156, 157);
    if (type !== '0' && type !== '\0') throw new Error(`unexpected member type “${type}” at byte ${pos}`);
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad size of ${name}`);
    const offset = pos + BLOCK;
    if (offset + size > total) throw new Error(`${name} is cut short`);
    entries.push({ name, offset, size });
    pos = offset + size + padding(size);
  }
}

/** Streams a member's bytes to `sink` while hashing them; returns the SHA-256. */
export function copyMember(fd: number, entry: TarEntry, sink?: (chunk: Buffer) => void): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(CHUNK);
  let done = 0;
  while (done < entry.size) {
    const n = readSync(fd, buf, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
    if (n === 0) throw new Error(`${entry.name} is cut short`);
    hash.update(buf.subarray(0, n));
    sink?.(buf.subarray(0, n));
    done += n;
  }
  return hash.digest('hex');
}
