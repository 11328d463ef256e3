// An annual reporting package (RFC 8493 and records.json), opened before any payload byte is read: the
// tag files and their tag manifests, then records.json against the bag. Its files are then verified
// whole by verify-files.ts.
import { joinProblems, readBagTags, verifyTagFiles, type BagTags } from './bag-tags';
import type { FileRow, PackageRows } from './content';
import { fault } from './fault';
import { packageContent, RECORDS_PATH, type PackageContent } from './package-content';
import { readEntry, type EntryRead } from './read-entry';
import type { PackageSource } from './source';
import { mismatches, type Listing, type VerifyOptions } from './verify-files';

/** records.json is held in memory to be read: a year of a large office is a few tens of MB. */
const RECORDS_LIMIT = 512 * 1024 * 1024;

export interface OpenedBag {
  tags: BagTags;
  content: PackageContent;
  records: EntryRead;
}

export async function openBag(src: PackageSource, opts: VerifyOptions = {}): Promise<OpenedBag> {
  const tags = await readBagTags(src);
  await verifyTagFiles(src, tags);
  if (!src.entries.has(RECORDS_PATH)) throw fault('包中没有 data/records.json（报送数据），不是三务档案的年度报送包');
  const records = await readEntry(src, RECORDS_PATH, { algorithms: [...tags.manifests.keys()], keep: RECORDS_LIMIT, signal: opts.signal });
  const wrong = mismatches(tags.manifests, RECORDS_PATH, records);
  if (wrong.length > 0) throw fault(joinProblems(wrong));
  return { tags, content: packageContent(tags, records.data!), records };
}

/** The payload, to be read against every manifest. */
export const bagListing = (bag: OpenedBag): Listing => ({
  manifests: bag.tags.manifests,
  files: bag.tags.payload,
  read: new Map([[RECORDS_PATH, bag.records]]),
  carried: bag.content.carried,
});

export const packageRows = (bag: OpenedBag, files: FileRow[]): PackageRows => ({ communities: bag.content.communities, records: bag.content.records, files });
