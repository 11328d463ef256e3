// What `receive` reads a package or carrier from: a folder, or a .zip of it (zip-source.ts). Either way
// the entries are the regular files under the package's top folder, by relative path with `/`; anything
// else there (a link, a device) refuses the package, so nothing outside it is ever read.
import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fault } from './fault';

export interface SourceEntry {
  path: string;
  size: number;
}

export interface PackageSource {
  /** the folder's or zip's name, as the user knows it */
  label: string;
  /** the package's own name: its top folder */
  name: string;
  /** regular files, by path relative to the top folder */
  entries: Map<string, SourceEntry>;
  /** an entry's bytes as they are read (a zip's are inflated and checked against its CRC and size) */
  read(path: string): AsyncIterable<Buffer>;
  /** an entry's bytes at once if it has at most `limit` of them (most of a package's files are small scans), or null: read it as a stream */
  readWhole?(path: string, limit: number): Buffer | null;
  close(): Promise<void>;
}

/** More files than any package of a year holds. */
export const MAX_ENTRIES = 500_000;

/** Files up to this size are read in one call: a thousand small scans would wait a thousand times (and one kept in memory, at any size). */
export const SMALL_ENTRY = 1024 * 1024;

const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** A small file's bytes in one read, never through a link swapped in after the walk. */
function wholeFile(path: string, size: number, limit: number): Buffer | null {
  if (size > limit) return null;
  const fd = openSync(path, NO_FOLLOW);
  try {
    // one more byte than the walk saw: a file that grew since is noticed by its size
    const buf = Buffer.allocUnsafe(size + 1);
    let got = 0;
    for (let n; (n = readSync(fd, buf, got, buf.length - got, got)) > 0; ) got += n;
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes, never through a link swapped in after the walk. */
async function* fileBytes(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, NO_FOLLOW);
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) yield chunk as Buffer;
  } finally {
    await handle.close();
  }
}

export async function folderSource(dir: string): Promise<PackageSource> {
  const entries = new Map<string, SourceEntry>();
  const walk = async (rel: string): Promise<void> => {
    for (const d of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(path);
      else if (d.isFile()) {
        if (entries.size >= MAX_ENTRIES) throw fault(`包中的文件超过 ${MAX_ENTRIES} 个，不是一个年度的报送包`);
        // synchronously: awaiting each of a package's thousands of sizes cost more than reading the files
        entries.set(path, { path, size: lstatSync(join(dir, path)).size });
      } else throw fault(`包中的“${path}”是链接或特殊文件，不是普通文件；报送包只能含普通文件`);
    }
  };
  await walk('');
  return {
    label: basename(dir),
    name: basename(dir),
    entries,
    read: (path) => fileBytes(join(dir, path)),
    readWhole: (path, limit) => wholeFile(join(dir, path), entries.get(path)?.size ?? Infinity, limit),
    close: async () => {},
  };
}
