// `--zip`: the whole bag as one .zip, its top folder named like the bag.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
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
