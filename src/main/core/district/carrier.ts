// An electronic transfer carrier (档发〔2012〕7号 附件2; DESIGN.md "Transfer"), opened before any of its
// files is read: 说明文件.TXT (the office that transfers it, the carrier number, the digest algorithm),
// 其他/数字摘要.txt (SHA-256 of every other file: nothing missing, nothing unlisted) and 文件目录.XML
// (one <文件> per item, each naming its files under 电子档案/, every such file named by one item).
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { isoDate } from '../../../shared/schemas';
import { AFFAIRS } from '../../../shared/vocabulary';
import { joinProblems, safeBagPath } from './bag-tags';
import type { RecordRow } from './content';
import { fault } from './fault';
import { carrierFile } from './open-source';
import { readEntry, type EntryRead } from './read-entry';
import type { PackageSource } from './source';
import type { Listing, VerifyOptions } from './verify-files';

const TEXT_LIMIT = 64 * 1024 * 1024;
export const CATALOGUE = '文件目录.XML';
export const DIGESTS = '数字摘要.txt';
const FIELDS = ['顺序号', '档号', '责任者', '题名', '日期', '密级', '电子档案名称', '备注'] as const;
type Item = Record<(typeof FIELDS)[number], string>;

export interface OpenedCarrier {
  office: string;
  carrier: string;
  year: number;
  /** 制作日期 as an instant (ISO), and as a day */
  created: string;
  asOf: string;
  /** SHA-256 of 数字摘要.txt: the carrier's identity */
  digest: string;
  info: [string, string][];
  listing: Listing;
  records: RecordRow[];
}

/** UTF-8 (with or without its mark), else GB18030 as Chinese Windows writes text files. */
function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

async function whole(src: PackageSource, path: string, opts: VerifyOptions): Promise<EntryRead> {
  return readEntry(src, path, { algorithms: [], keep: TEXT_LIMIT, signal: opts.signal });
}

/** 说明文件's `名称：值` lines. */
function readme(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*([^：:\s][^：:]{0,30})[：:]\s*(.+?)\s*$/.exec(line);
    if (m) out.push([m[1]!.trim(), m[2]!]);
  }
  return out;
}

const field = (info: [string, string][], ...keys: string[]) => keys.map((k) => info.find(([l]) => l.includes(k))?.[1]).find((v) => v !== undefined);

/** 2026年1月5日 or 2026-01-05 → 2026-01-05 */
function madeOn(value: string | undefined): string | undefined {
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/.exec(value ?? '');
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isoDate.safeParse(day).success ? day : undefined;
}

/** 数字摘要.txt: `digest  path` lines (sha256sum's form; `*` before a path marks binary mode). */
function digestList(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '')) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+)$/.exec(line.trim());
    if (!m) throw fault(`数字摘要.txt 中有一行格式不对：“${line.slice(0, 80)}”`);
    const path = m[2]!.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!safeBagPath(path)) throw fault(`数字摘要.txt 中的路径“${path}”指向载体之外或不合规范`);
    if (out.has(path)) throw fault(`数字摘要.txt 把“${path}”列了两次`);
    out.set(path, m[1]!.toLowerCase());
  }
  return out;
}

/** 文件目录.XML's items (strict XML: a malformed catalogue is refused). */
function catalogue(text: string): Item[] {
  const items: Item[] = [];
  const parser = new SaxesParser();
  const path: string[] = [];
  let item: Partial<Item> | null = null;
  let value = '';
  parser.on('opentag', (t) => {
    path.push(t.name);
    if (path.length === 2 && t.name === '文件') item = {};
    value = '';
  });
  parser.on('text', (t) => (value += t));
  parser.on('cdata', (t) => (value += t));
  parser.on('closetag', (t) => {
    if (path.length === 3 && item && (FIELDS as readonly string[]).includes(t.name)) (item as Record<string, string>)[t.name] = value.trim();
    if (path.length === 2 && t.name === '文件' && item) items.push(item as Item);
    path.pop();
    value = '';
  });
  try {
    parser.write(text).close();
  } catch (e) {
    throw fault(`文件目录.XML 不是格式正确的 XML（${(e as Error).message.split('\n')[0]}）`);
  }
  return items;
}

/** The community's 全宗号: the 档号 up to its first separator. */
const fondsOf = (code: string) => code.split(/[-·.]/)[0] ?? code;

export async function openCarrier(src: PackageSource, opts: VerifyOptions = {}): Promise<OpenedCarrier> {
  const readmeName = carrierFile(src)!;
  const info = readme(decode((await whole(src, readmeName, opts)).data!));
  const office = field(info, '移交单位', '保管单位', '立档单位');
  if (!office) throw fault('说明文件.TXT 没有写明移交单位，无法知道是哪个街道的移交载体');
  const carrier = field(info, '载体编号');
  if (!carrier) throw fault('说明文件.TXT 没有载体编号');
  const algorithm = field(info, '摘要算法') ?? '';
  if (!/SHA-?256/i.test(algorithm)) throw fault(`说明文件.TXT 写的数字摘要算法“${algorithm || '（未写）'}”不是 SHA-256，本软件无法核验`);
  const made = madeOn(field(info, '制作日期', '日期'));
  if (!made) throw fault('说明文件.TXT 没有可读的制作日期');

  const digestsName = [...src.entries.keys()].find((p) => p.split('/').at(-1) === DIGESTS);
  if (!digestsName) throw fault('载体中没有 数字摘要.txt，无法核验其中的文件');
  const digestsRead = await whole(src, digestsName, opts);
  const listed = digestList(decode(digestsRead.data!));
  const problems: string[] = [];
  for (const p of listed.keys()) if (!src.entries.has(p)) problems.push(`缺少文件“${p}”（数字摘要.txt 中有，载体中没有）`);
  for (const p of src.entries.keys()) if (p !== digestsName && !listed.has(p)) problems.push(`多出文件“${p}”（不在 数字摘要.txt 中）`);
  if (!listed.has(readmeName)) problems.push('说明文件.TXT 不在 数字摘要.txt 中');
  if (!src.entries.has(CATALOGUE)) problems.push('载体中没有 文件目录.XML');
  if (problems.length > 0) throw fault(joinProblems(problems));

  const catalogueRead = await whole(src, CATALOGUE, opts);
  if (catalogueRead.digests.sha256 !== listed.get(CATALOGUE)) throw fault('文件“文件目录.XML”的 sha256 摘要与 数字摘要.txt 不符（文件已被改动或损坏）');
  const items = catalogue(decode(catalogueRead.data!));
  const carried = new Map<string, number>();
  const codes = new Set<string>();
  const records: RecordRow[] = [];
  const years = new Set<number>();
  for (const [n, item] of items.entries()) {
    const where = `文件目录.XML 第 ${n + 1} 件（${item.档号 || '无档号'}）`;
    const missingFields = FIELDS.filter((f) => item[f] === undefined);
    if (missingFields.length) problems.push(`${where}缺少 ${missingFields.join('、')}`);
    if (!item.档号) problems.push(`${where}没有档号`);
    else if (codes.has(item.档号)) problems.push(`${where}的档号与另一件重复`);
    codes.add(item.档号);
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(item.日期 ?? '');
    const day = date ? `${date[1]}-${date[2]}-${date[3]}` : (item.日期 ?? '');
    if (!isoDate.safeParse(day).success) problems.push(`${where}的日期“${item.日期 ?? ''}”不是有效日期`);
    const names = (item.电子档案名称 ?? '').split(/[；;]/).map((s) => s.trim()).filter(Boolean);
    let affair: string | null = null;
    for (const name of names) {
      const m = /^电子档案\/(\d{4})\/([^/]+)\/[^/]+$/.exec(name);
      if (!m || !src.entries.has(name)) problems.push(`${where}的电子文件“${name}”不在载体的 电子档案/年度/类别/ 中`);
      else if (carried.has(name)) problems.push(`${where}的电子文件“${name}”也属于另一件`);
      else {
        carried.set(name, records.length);
        years.add(Number(m[1]));
        affair ??= (AFFAIRS as readonly string[]).includes(m[2]!) ? m[2]! : null;
      }
    }
    records.push([fondsOf(item.档号 ?? ''), null, affair, '', 0, item.题名 ?? '', item.责任者 ?? '', '', day, Number(day.slice(0, 4)), null, null, null, '', null, null, null, item.备注 ?? '', item.密级 ?? '', item.档号 ?? null, null, '已移交', names.length]);
    if (problems.length > 20) break;
  }
  for (const p of src.entries.keys()) if (p.startsWith('电子档案/') && !carried.has(p)) problems.push(`多出文件“${p}”（文件目录.XML 中没有哪一件列出它）`);
  const content = /(\d{4})年度/.exec(field(info, '内容') ?? '')?.[1];
  if (years.size > 1) problems.push(`载体中的电子档案分属 ${[...years].sort().join('、')} 多个年度，一份载体应只含一个年度`);
  const year = [...years][0] ?? (content ? Number(content) : undefined);
  if (year === undefined) problems.push('无法确定载体的年度（电子档案/ 下没有年度文件夹，说明文件.TXT 也没有写）');
  if (problems.length > 0) throw fault(joinProblems(problems));

  const files = [...listed.keys()].filter((p) => p !== digestsName).sort();
  return {
    office,
    carrier,
    year: year!,
    created: `${made}T00:00:00.000Z`,
    asOf: made,
    digest: digestsRead.digests.sha256!,
    info,
    records,
    listing: {
      manifests: new Map([['sha256', listed]]),
      files: [...files, digestsName],
      read: new Map([
        [CATALOGUE, catalogueRead],
        [digestsName, digestsRead],
      ]),
      carried,
    },
  };
}
