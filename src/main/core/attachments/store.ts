// Content-addressed file store: files/<aa>/<sha256>. A stored file is never overwritten. A writer keeps a
// journal of the files it newly puts in (PlacedJournal), so that the files of a transaction that never
// committed can be taken out again (recovery.ts).
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { transientName } from '../transient';
import { hashingTap } from './hashing-tap';

/** The journal's suffix (files/.incoming-<pid>-<random>.placed); recovery.ts reads it. */
export const PLACED = '.placed';

/** Which files one writer newly placed, written ahead of each placing. */
export class PlacedJournal {
  readonly name = transientName('.', 'incoming', PLACED);
  #written = false;
  constructor(readonly filesDir: string) {}
  note(sha256: string): void {
    this.noteAll([sha256]);
  }
  /** Several at once, in one write (a received package places a thousand). */
  noteAll(sha256s: string[]): void {
    if (sha256s.length === 0) return;
    appendFileSync(join(this.filesDir, this.name), sha256s.map((h) => `${h}\n`).join(''));
    this.#written = true;
  }
  /** the journal's name if it holds anything */
  get used(): boolean {
    return this.#written;
  }
  /** After the writer's transaction committed: its files are referenced now. */
  close(): void {
    rmSync(join(this.filesDir, this.name), { force: true });
  }
}

export function storedPath(filesDir: string, sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256);
}

export interface StoredFile {
  sha256: string;
  size: number;
}

/** Copies a file into the store while hashing it; the temporary copy is renamed in only when complete. */
export async function storeFile(filesDir: string, source: string, journal?: PlacedJournal): Promise<StoredFile> {
  mkdirSync(filesDir, { recursive: true });
  const tmp = join(filesDir, transientName('.', 'incoming'));
  const { tap, sha256: digest, size } = hashingTap();
  try {
    await pipeline(createReadStream(source), tap, createWriteStream(tmp));
    const sha256 = digest();
    placeFile(filesDir, tmp, sha256, journal);
    return { sha256, size: size() };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function storeBuffer(filesDir: string, data: Uint8Array, journal?: PlacedJournal): StoredFile {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = storedPath(filesDir, sha256);
  if (!existsSync(target)) {
    mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
    const tmp = join(filesDir, transientName('.', 'incoming'));
    try {
      writeFileSync(tmp, data);
      placeFile(filesDir, tmp, sha256, journal);
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return { sha256, size: data.length };
}

/** A finished file known to hash to `sha256` moved to its place in the store (noted first), unless there already. */
export function placeFile(filesDir: string, tmp: string, sha256: string, journal?: PlacedJournal): void {
  const target = storedPath(filesDir, sha256);
  if (existsSync(target)) return;
  mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
  journal?.note(sha256);
  renameSync(tmp, target);
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
