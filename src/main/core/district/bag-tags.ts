// A BagIt bag's tag files (RFC 8493): bagit.txt, bag-info.txt, every manifest and tag manifest, read
// and held against the bag's entries before any payload byte is read: every payload file listed in
// every manifest, nothing listed that is missing, nothing present that is not listed, Payload-Oxum.
import type { PackageSource } from './source';
import { fault } from './fault';
import { readEntry } from './read-entry';

/** Algorithms a manifest may use (RFC 8493 §2.4: md5, sha1, sha256, sha512), with their hex lengths. */
export const ALGORITHMS: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };

/** Tag files are small; a manifest of half a million files stays well under this. */
const TAG_LIMIT = 128 * 1024 * 1024;

export interface BagTags {
  version: string;
  /** bag-info.txt's fields in order, continuation lines joined */
  info: [label: string, value: string][];
  /** payload manifests: algorithm → path → digest */
  manifests: Map<string, Map<string, string>>;
  tagManifests: Map<string, Map<string, string>>;
  /** the payload's paths (data/…), sorted */
  payload: string[];
  /** SHA-256 of the payload manifest (sha256's, else the first): the package's identity */
  digest: string;
}

/** A field of bag-info.txt (labels compare without case, RFC 8493 §2.2.2). */
export function infoField(tags: Pick<BagTags, 'info'>, label: string): string | undefined {
  return tags.info.find(([l]) => l.toLowerCase() === label.toLowerCase())?.[1];
}

function text(name: string, data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw fault(`标签文件“${name}”不是 UTF-8 编码的文本`);
  }
}

const lines = (t: string): string[] => t.split(/\r\n|\r|\n/).filter((l) => l !== '');

async function tagText(src: PackageSource, name: string): Promise<{ text: string; sha256: string }> {
  const read = await readEntry(src, name, { algorithms: [], keep: TAG_LIMIT });
  return { text: text(name, read.data!), sha256: read.digests.sha256! };
}

/** A path inside the bag as a manifest writes it: relative, `/`-separated, never leaving the bag. */
export function safeBagPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p) || p.includes('\0')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function parseManifest(name: string, algorithm: string, body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines(body)) {
    const m = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!m || m[1]!.length !== ALGORITHMS[algorithm]) throw fault(`清单“${name}”中有一行格式不对：“${line.slice(0, 80)}”`);
    // RFC 8493 §2.1.3: CR, LF and % are percent-encoded in manifest paths
    const path = m[2]!.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
    if (!safeBagPath(path)) throw fault(`清单“${name}”中的路径“${path}”指向包外或不合规范`);
    if (out.has(path)) throw fault(`清单“${name}”把“${path}”列了两次`);
    out.set(path, m[1]!.toLowerCase());
  }
  return out;
}

function parseInfo(body: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of lines(body)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields.at(-1)![1] += ` ${line.trim()}`;
      continue;
    }
    const at = line.indexOf(':');
    if (at <= 0) throw fault(`bag-info.txt 中有一行格式不对：“${line.slice(0, 80)}”`);
    fields.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return fields;
}

const MANIFEST = /^(tag)?manifest-([a-z0-9]+)\.txt$/;

/** Reads and cross-checks the tag files; a fault names every problem found (up to a handful). */
export async function readBagTags(src: PackageSource): Promise<BagTags> {
  if (!src.entries.has('bagit.txt')) throw fault('包中没有 bagit.txt，不是 BagIt 格式的报送包');
  if (src.entries.has('fetch.txt')) throw fault('包中有 fetch.txt（要从网络下载的文件），不完整的包不予接收');
  const bagit = lines((await tagText(src, 'bagit.txt')).text);
  const version = /^BagIt-Version: *(\d+\.\d+)$/.exec(bagit[0] ?? '')?.[1];
  if (!version || !/^Tag-File-Character-Encoding: *UTF-8$/i.test(bagit[1] ?? '')) {
    throw fault('bagit.txt 的内容不合 BagIt 规范（应为 BagIt-Version 与 Tag-File-Character-Encoding: UTF-8 两行）');
  }
  const manifests = new Map<string, Map<string, string>>();
  const tagManifests = new Map<string, Map<string, string>>();
  let digest: string | undefined;
  for (const name of [...src.entries.keys()].filter((p) => !p.includes('/')).sort()) {
    const m = MANIFEST.exec(name);
    if (!m) continue;
    const algorithm = m[2]!;
    if (!(algorithm in ALGORITHMS)) throw fault(`清单“${name}”使用了不支持的摘要算法 ${algorithm}`);
    const { text: body, sha256 } = await tagText(src, name);
    (m[1] ? tagManifests : manifests).set(algorithm, parseManifest(name, algorithm, body));
    if (!m[1] && (algorithm === 'sha256' || digest === undefined)) digest = sha256;
  }
  if (manifests.size === 0 || !digest) throw fault('包中没有清单文件（manifest-sha256.txt），无法核验其中的文件');
  const info = src.entries.has('bag-info.txt') ? parseInfo((await tagText(src, 'bag-info.txt')).text) : [];

  const payload = [...src.entries.keys()].filter((p) => p.startsWith('data/')).sort();
  const problems: string[] = [];
  for (const [algorithm, listed] of manifests) {
    for (const p of listed.keys()) {
      if (!p.startsWith('data/')) problems.push(`清单 manifest-${algorithm}.txt 列出了数据目录之外的“${p}”`);
      else if (!src.entries.has(p)) problems.push(`缺少文件“${p}”（清单中有，包中没有）`);
    }
    for (const p of payload) if (!listed.has(p)) problems.push(`多出文件“${p}”（不在清单 manifest-${algorithm}.txt 中）`);
  }
  const listedTags = new Set<string>();
  for (const [algorithm, listed] of tagManifests) {
    for (const p of listed.keys()) {
      listedTags.add(p);
      if (p.startsWith('data/')) problems.push(`标签清单 tagmanifest-${algorithm}.txt 列出了数据文件“${p}”`);
      else if (!src.entries.has(p)) problems.push(`缺少标签文件“${p}”（标签清单中有，包中没有）`);
    }
  }
  for (const p of src.entries.keys()) {
    if (p.startsWith('data/') || p === 'bagit.txt' || p === 'bag-info.txt' || MANIFEST.test(p) || listedTags.has(p)) continue;
    problems.push(`多出文件“${p}”（不在任何清单中）`);
  }
  const oxum = info.find(([l]) => l.toLowerCase() === 'payload-oxum')?.[1];
  if (oxum !== undefined) {
    const m = /^(\d+)\.(\d+)$/.exec(oxum);
    const bytes = payload.reduce((n, p) => n + src.entries.get(p)!.size, 0);
    if (!m) problems.push(`bag-info.txt 的 Payload-Oxum“${oxum}”格式不对`);
    else if (Number(m[1]) !== bytes || Number(m[2]) !== payload.length) {
      problems.push(`数据文件共 ${payload.length} 个、${bytes} 字节，与 bag-info.txt 登记的 Payload-Oxum（${m[2]} 个、${m[1]} 字节）不符`);
    }
  }
  if (problems.length > 0) throw fault(joinProblems(problems));
  return { version, info, manifests, tagManifests, payload, digest };
}

/** A few problems named, the rest counted. */
export function joinProblems(problems: string[], shown = 5): string {
  const head = problems.slice(0, shown).join('；');
  return problems.length > shown ? `${head}；另有 ${problems.length - shown} 处问题` : head;
}

/** Every tag file a tag manifest lists holds its digest. */
export async function verifyTagFiles(src: PackageSource, tags: BagTags): Promise<void> {
  const problems: string[] = [];
  const byPath = new Map<string, [string, string][]>();
  for (const [algorithm, listed] of tags.tagManifests) for (const [p, d] of listed) byPath.set(p, [...(byPath.get(p) ?? []), [algorithm, d]]);
  for (const [p, expected] of byPath) {
    const read = await readEntry(src, p, { algorithms: expected.map(([a]) => a), expectSize: src.entries.get(p)!.size });
    for (const [algorithm, d] of expected) if (read.digests[algorithm] !== d) problems.push(`标签文件“${p}”的 ${algorithm} 摘要与标签清单不符（文件已被改动或损坏）`);
  }
  if (problems.length > 0) throw fault(joinProblems(problems));
}
