// Reading every file of a package or carrier against the digests its listing gives (a bag's manifests,
// a carrier's 数字摘要.txt) — written into the package's pack as it is read when it will be kept —
// and refusing, naming every file that differs.
import type { Progress } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { joinProblems } from './bag-tags';
import type { FileRow } from './content';
import { fault } from './fault';
import { readEntry, type EntryRead } from './read-entry';
import type { PackageSource } from './source';
import type { Pack } from './pack';

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface Listing {
  /** algorithm → path → digest */
  manifests: Map<string, Map<string, string>>;
  /** the files to read and keep, in order */
  files: string[];
  /** files already read whole (records.json, 数字摘要.txt): kept from memory, never read twice */
  read: Map<string, EntryRead>;
  /** file path → the index of the record it is a copy of */
  carried: Map<string, number>;
}

/** The digests a listing gives for a file that the bytes read do not have. */
export function mismatches(manifests: Listing['manifests'], path: string, read: EntryRead): string[] {
  const out: string[] = [];
  for (const [algorithm, listed] of manifests) {
    const expected = listed.get(path);
    if (expected !== undefined && expected !== read.digests[algorithm]) out.push(`文件“${path}”的 ${algorithm} 摘要与清单不符（文件已被改动或损坏）`);
  }
  return out;
}

export async function verifyFiles(src: PackageSource, listing: Listing, pack: Pack | null, opts: VerifyOptions = {}): Promise<FileRow[]> {
  const algorithms = [...listing.manifests.keys()];
  const total = listing.files.reduce((n, p) => n + src.entries.get(p)!.size, 0);
  const problems: string[] = [];
  const files: FileRow[] = [];
  let done = 0;
  for (const path of listing.files) {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase: '核验', done, total, message: path });
    const size = src.entries.get(path)!.size;
    // once a file differs the package is refused: what follows is only hashed, to name every fault
    const into = problems.length === 0 ? (pack ?? undefined) : undefined;
    let read = listing.read.get(path);
    if (read) {
      read = { ...read, ...(into ? { offset: into.addWhole(read.data!, read.digests.sha256!) } : {}) };
    } else {
      try {
        read = await readEntry(src, path, { algorithms, pack: into, expectSize: size, signal: opts.signal });
      } catch (e) {
        throw opts.signal?.aborted ? cancelled() : e;
      }
    }
    const wrong = mismatches(listing.manifests, path, read);
    if (read.size !== size) wrong.push(`文件“${path}”在读取时大小变了（${size} → ${read.size} 字节）`);
    problems.push(...wrong);
    files.push([path, read.digests.sha256!, read.size, listing.carried.get(path) ?? null, read.offset ?? 0]);
    done += size;
  }
  opts.onProgress?.({ phase: '核验', done: total, total });
  if (problems.length > 0) throw fault(joinProblems(problems));
  return files;
}
