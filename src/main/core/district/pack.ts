// A received package kept whole in the store: one pack per package or carrier, a plain ustar archive
// (backup/tar.ts) of its distinct files, written as they are verified and stored under its own SHA-256
// like any file of the store. The database knows each file's place in it (district_files.pack_offset).
// Thousands of small scans become one sequential write instead of thousands of file creations, and
// the pack's digest pins every byte of them. A pack is moved into the store only inside the
// transaction that records its package (a folder's store: moved in under the writer's journal; a
// server's: its bytes written in that transaction); a refused or crashed receive leaves a temporary
// file named for its process, cleared at the next start.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SanwuError } from '../../../shared/errors';
import type { PlacedJournal } from '../attachments/store';
import { copyMember, TarWriter } from '../backup/tar';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db';
import type { Trx } from '../db/handles';
import { transientName } from '../transient';

export class Pack {
  readonly #tmp: string;
  readonly #tar: TarWriter;
  readonly #mtime: Date;
  /** SHA-256 of a file in the pack → where its bytes begin */
  readonly #offsets = new Map<string, number>();
  #members = 0;
  #sha256: string | undefined;

  constructor(filesDir: string, mtime: Date) {
    this.#mtime = mtime;
    mkdirSync(filesDir, { recursive: true });
    this.#tmp = join(filesDir, transientName('.', 'incoming'));
    this.#tar = new TarWriter(this.#tmp, { hashAll: true });
  }

  #name(): string {
    return String(++this.#members).padStart(6, '0');
  }

  /** A file read whole: added once, however often the package holds it. Returns where it is. */
  addWhole(data: Buffer, sha256: string): number {
    const known = this.#offsets.get(sha256);
    if (known !== undefined) return known;
    const at = this.#tar.begin(this.#name(), data.length, this.#mtime);
    this.#tar.append(data);
    this.#tar.end(data.length);
    this.#offsets.set(sha256, at);
    return at;
  }

  /** A file streamed in: begin with its size, append its chunks, end with its digest. */
  begin(size: number): number {
    return this.#tar.begin(this.#name(), size, this.#mtime);
  }

  append(chunk: Buffer): void {
    this.#tar.append(chunk);
  }

  end(size: number, sha256: string, at: number): void {
    this.#tar.end(size);
    if (!this.#offsets.has(sha256)) this.#offsets.set(sha256, at);
  }

  /** Closes the pack; its SHA-256, under which the store keeps it. */
  finish(): string {
    this.#sha256 = this.#tar.close()!;
    return this.#sha256;
  }

  /** The finished pack's size in bytes. */
  size(): number {
    return statSync(this.#tmp).size;
  }

  /** Inside the recording transaction: the finished pack into the store (a folder's: moved, noted first). */
  async place(trx: Trx, journal: PlacedJournal): Promise<void> {
    await engineOf(trx).files.adopt(this.#tmp, { sha256: this.#sha256!, size: this.size() }, { trx, journal });
  }

  /** Whatever was not placed goes. */
  discard(): void {
    if (this.#sha256 === undefined) {
      try {
        this.#tar.abandon();
      } catch {
        // already closed
      }
    }
    rmSync(this.#tmp, { force: true });
  }
}

/**
 * One file of a received package as a file of its own (to view or download it): copied out of its
 * pack into the archive's cache/ folder, its digest checked on the way. Null when no package holds it.
 */
export async function unpackedFile(ctx: ArchiveContext, sha256: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('district_files as f')
    .innerJoin('district_packages as p', 'p.id', 'f.package_id')
    .select(['p.pack', 'f.pack_offset', 'f.size', 'f.path'])
    .where('f.sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const dir = join(ctx.paths.dir, 'cache', 'received');
  const target = join(dir, sha256);
  if (existsSync(target) && statSync(target).size === row.size) return target;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, transientName('.', 'partial'));
  const fd = openSync(await engineOf(ctx.db).files.localPath(row.pack), 'r');
  const out = openSync(tmp, 'w');
  try {
    let got: string;
    try {
      got = copyMember(fd, { name: row.path, offset: row.pack_offset, size: row.size }, (chunk) => writeSync(out, chunk));
    } finally {
      closeSync(out);
    }
    if (got !== sha256) throw new SanwuError('ARCHIVE_CORRUPT', `接收的文件“${row.path}”在文件包中已损坏（摘要不符），无法查看；请运行档案检查。`);
    renameSync(tmp, target);
    return target;
  } finally {
    closeSync(fd);
    rmSync(tmp, { force: true });
  }
}
