// BagIt (RFC 8493) tag files over a payload already written under data/: bagit.txt, bag-info.txt,
// manifest-sha256.txt and tagmanifest-sha256.txt. Paths use `/` and UTF-8 as the RFC requires.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const BAGIT_VERSION = '1.0';

export interface BagInfo {
  sourceOrganization: string;
  baggingDate: string;
  /** ISO 8601 to the second: a district keeps the later of two packages of one office and year */
  created: string;
  externalDescription: string;
  /** the archive's audit-log head, signed with the key kept outside the archive (Sanwu-Audit-Anchor) */
  auditAnchor?: string;
}

/** bag-info.txt's lines, in order: the one place they are composed. */
export function bagInfoFields(info: BagInfo, payloadOxum: string): [string, string][] {
  return [
    ['Source-Organization', info.sourceOrganization],
    ['Bagging-Date', info.baggingDate],
    ['Sanwu-Created', info.created],
    ['Payload-Oxum', payloadOxum],
    ['External-Description', info.externalDescription],
    ...(info.auditAnchor ? ([['Sanwu-Audit-Anchor', info.auditAnchor]] as [string, string][]) : []),
  ];
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files under dir, relative with `/`, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded. */
const manifestPath = (p: string) => p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

async function manifest(bagDir: string, files: string[]): Promise<string> {
  const lines: string[] = [];
  for (const f of files) lines.push(`${await sha256File(join(bagDir, f))}  ${manifestPath(f)}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** Writes the tag files for the payload in bagDir/data; returns the payload paths (relative to the bag). */
export async function writeBagTags(bagDir: string, info: BagInfo): Promise<string[]> {
  const payload = (await listFiles(join(bagDir, 'data'))).map((f) => `data/${f}`);
  let bytes = 0;
  for (const f of payload) bytes += (await stat(join(bagDir, f))).size;
  await writeFile(join(bagDir, 'bagit.txt'), `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`);
  await writeFile(join(bagDir, 'manifest-sha256.txt'), await manifest(bagDir, payload));
  const fields = bagInfoFields(info, `${bytes}.${payload.length}`);
  await writeFile(join(bagDir, 'bag-info.txt'), fields.map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}\n`).join(''));
  await writeFile(join(bagDir, 'tagmanifest-sha256.txt'), await manifest(bagDir, ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']));
  return payload;
}
