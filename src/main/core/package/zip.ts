// `--zip`: the whole bag as one .zip, its top folder named like the bag.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { besideTarget } from '../transient';
import yazl from 'yazl';
import { listFiles } from './bagit';

export async function zipBag(bagDir: string, bagName: string, zipFile: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const f of await listFiles(bagDir)) zip.addFile(join(bagDir, f), `${bagName}/${f}`);
  const out = createWriteStream(zipFile);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'close');
}

/** A folder as `<folder>.zip` beside it (its top folder named like it), written aside and renamed in when whole. */
export async function zipFolder(dir: string): Promise<string> {
  const target = `${dir}.zip`;
  const partial = besideTarget(target, 'partial');
  try {
    await zipBag(dir, basename(dir), partial);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return target;
}
