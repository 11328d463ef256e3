// Verifying an annual reporting package whole (RFC 8493 and records.json) before anything of it is
// written: the tag files and their tag manifests, records.json against the bag, then every payload
// file against every manifest — copied into the store's staging as it is read when it will be kept.
import type { Progress } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { joinProblems, readBagTags, verifyTagFiles, type BagTags } from './bag-tags';
import type { FileRow, PackageRows } from './content';
import { fault } from './fault';
import { packageContent, RECORDS_PATH, type PackageContent } from './package-content';
import { readEntry, type EntryRead } from './read-entry';
import type { PackageSource } from './source';
import type { Staging } from './staging';

/** records.json is held in memory to be read: a year of a large office is a few tens of MB. */
const RECORDS_LIMIT = 512 * 1024 * 1024;

export interface OpenedBag {
  tags: BagTags;
  content: PackageContent;
  records: EntryRead;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** The digests a manifest lists for a file that the bytes read do not have. */
function mismatches(tags: BagTags, path: string, read: EntryRead): string[] {
  const out: string[] = [];
  for (const [algorithm, listed] of tags.manifests) {
    if (listed.get(path) !== read.digests[algorithm]) out.push(`文件“${path}”的 ${algorithm} 摘要与清单不符（文件已被改动或损坏）`);
  }
  return out;
}

/** The tag files, then records.json: what the package says, checked before the payload is read. */
export async function openBag(src: PackageSource, opts: VerifyOptions = {}): Promise<OpenedBag> {
  const tags = await readBagTags(src);
  await verifyTagFiles(src, tags);
  if (!src.entries.has(RECORDS_PATH)) throw fault('包中没有 data/records.json（报送数据），不是三务档案的年度报送包');
  const records = await readEntry(src, RECORDS_PATH, { algorithms: [...tags.manifests.keys()], keep: RECORDS_LIMIT, signal: opts.signal });
  const wrong = mismatches(tags, RECORDS_PATH, records);
  if (wrong.length > 0) throw fault(joinProblems(wrong));
  return { tags, content: packageContent(tags, records.data!), records };
}

/**
 * Reads every payload file, checking each against every manifest; with `staging`, files the store does
 * not hold yet are copied in as they are read. Refuses naming every file that differs.
 */
export async function verifyPayload(src: PackageSource, bag: OpenedBag, staging: Staging | null, opts: VerifyOptions = {}): Promise<FileRow[]> {
  const { tags } = bag;
  const algorithms = [...tags.manifests.keys()];
  const total = tags.payload.reduce((n, p) => n + src.entries.get(p)!.size, 0);
  const problems: string[] = [];
  const files: FileRow[] = [];
  let done = 0;
  for (const path of tags.payload) {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase: '核验', done, total, message: path });
    const size = src.entries.get(path)!.size;
    let read: EntryRead;
    if (path === RECORDS_PATH) {
      read = bag.records;
      if (staging && problems.length === 0) staging.keepBuffer(read.data!, read.digests.sha256!);
    } else {
      const expected = tags.manifests.get('sha256')?.get(path);
      const tmp = staging && problems.length === 0 && !staging.has(expected) ? staging.newFile() : undefined;
      try {
        read = await readEntry(src, path, { algorithms, copyTo: tmp, expectSize: size, signal: opts.signal });
      } catch (e) {
        if (tmp) staging!.drop(tmp);
        throw opts.signal?.aborted ? cancelled() : e;
      }
      if (tmp) staging!.keep(tmp, read.digests.sha256!);
    }
    const wrong = mismatches(tags, path, read);
    if (read.size !== size) wrong.push(`文件“${path}”在读取时大小变了（${size} → ${read.size} 字节）`);
    problems.push(...wrong);
    files.push([path, read.digests.sha256!, read.size, bag.content.carried.get(path) ?? null]);
    done += size;
  }
  opts.onProgress?.({ phase: '核验', done: total, total });
  if (problems.length > 0) throw fault(joinProblems(problems));
  return files;
}

export const packageRows = (bag: OpenedBag, files: FileRow[]): PackageRows => ({ communities: bag.content.communities, records: bag.content.records, files });
