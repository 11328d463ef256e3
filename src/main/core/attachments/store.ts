// Content-addressed file store: files/<aa>/<sha256>. A stored file is never overwritten.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export function storedPath(filesDir: string, sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256);
}

export interface StoredFile {
  sha256: string;
  size: number;
}

/** Copies a file into the store while hashing it; the temporary copy is renamed in only when complete. */
export async function storeFile(filesDir: string, source: string): Promise<StoredFile> {
  mkdirSync(filesDir, { recursive: true });
  const tmp = join(filesDir, `.incoming-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), tap, createWriteStream(tmp));
    const sha256 = hash.digest('hex');
    place(filesDir, tmp, sha256);
    return { sha256, size };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function storeBuffer(filesDir: string, data: Uint8Array): StoredFile {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = storedPath(filesDir, sha256);
  if (!existsSync(target)) {
    mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
    const tmp = join(filesDir, `.incoming-${randomBytes(8).toString('hex')}`);
    writeFileSync(tmp, data);
    place(filesDir, tmp, sha256);
  }
  return { sha256, size: data.length };
}

function place(filesDir: string, tmp: string, sha256: string): void {
  const target = storedPath(filesDir, sha256);
  if (existsSync(target)) return;
  mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
  renameSync(tmp, target);
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
