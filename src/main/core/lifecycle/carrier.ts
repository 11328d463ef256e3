// The electronic transfer carrier (电子档案移交载体, 档发〔2012〕7号 附件2, DESIGN.md "Transfer"), written
// into a folder that is not yet the carrier (the caller moves it into place when complete):
//   说明文件.TXT                       carrier number, the units that keep, made and checked it, what is
//                                      needed to read it, the digest algorithm
//   文件目录.XML                       UTF-8; <文件目录><文件><顺序号/><档号/><责任者/><题名/><日期/><密级/>
//                                      <电子档案名称/><备注/></文件>…
//   电子档案/{年度}/{类别}/{档号}.{ext}  more files of one item: {档号}-2.{ext} …
//   其他/电子档案移交与接收登记表.docx, 其他/移交清册.xlsx, 其他/数字摘要.txt (SHA-256 of every other file)
// PDF copies carry the 归档章 (their own digests are listed). Every item file is copied while hashed and its digest compared with the one registered: a file that
// changed in the store stops the transfer (a carrier must not pass a damaged file on).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { LongTaskOptions } from '../../../shared/domain';
import { hashingTap } from '../attachments/hashing-tap';
import type { FileStore } from '../db';
import { safeName } from '../file-names';
import { compactDate } from '../reports/dates';
import { stampedCopy, type StampCells } from '../stamp';
import { xmlText } from '../reports/docx/raw-table';

export interface CarrierFile {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
}

export interface CarrierItem {
  seq: number;
  recordId: number;
  archivalCode: string;
  responsible: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  secrecy: string;
  /** 年度 */
  year: number;
  /** 类别: 党务, 居务, 财务 */
  affair: string;
  retention: string;
  pages: number | null;
  notes: string;
  /** the 归档章's cells for its PDF copies */
  stamp: StampCells;
  files: CarrierFile[];
}

export interface WrittenCarrier {
  /** files of the carrier with their digests (数字摘要.txt's lines), relative paths with / */
  digests: [path: string, sha256: string][];
  /** item files copied */
  files: number;
  /** bytes of the whole carrier */
  bytes: number;
  /** per item, the relative paths of its files */
  names: Map<number, string[]>;
  /** PDF copies that could not take the 归档章, each with why (Chinese) */
  unstamped: { path: string; note: string }[];
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/ofd': 'ofd',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const extensionOf = (f: CarrierFile): string => {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(f.originalName);
  return EXTENSIONS[f.mediaType] ?? m?.[1]?.toLowerCase() ?? 'bin';
};

/** 电子档案/{年度}/{类别}/{档号}.{ext}, the second and later files {档号}-2.{ext} … */
export const itemFilePath = (item: CarrierItem, f: CarrierFile, n: number): string =>
  `电子档案/${item.year}/${safeName(item.affair)}/${safeName(item.archivalCode)}${n > 0 ? `-${n + 1}` : ''}.${extensionOf(f)}`;

/** The catalogue file (文件目录.XML), one <文件> per item with every field. */
export function catalogueXml(items: CarrierItem[], names: Map<number, string[]>): string {
  const field = (tag: string, value: string) => `    <${tag}>${xmlText(value)}</${tag}>\n`;
  const entries = items.map((i) => {
    const files = names.get(i.recordId) ?? [];
    const notes = [i.notes, files.length === 0 ? '无电子文件' : ''].filter(Boolean).join('；');
    return (
      '  <文件>\n' +
      field('顺序号', String(i.seq)) +
      field('档号', i.archivalCode) +
      field('责任者', i.responsible) +
      field('题名', i.title) +
      field('日期', compactDate(i.date)) +
      field('密级', i.secrecy) +
      field('电子档案名称', files.join('；')) +
      field('备注', notes) +
      '  </文件>\n'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<文件目录>\n${entries.join('')}</文件目录>\n`;
}

/** Copies one stored file to `to`, hashing what is read; refuses one whose bytes are not the registered ones. */
async function copyVerified(store: FileStore, f: CarrierFile, to: string, item: CarrierItem): Promise<void> {
  const { tap, sha256, size } = hashingTap();
  try {
    await pipeline(await store.open(f.sha256), tap, createWriteStream(to));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as { code?: string }).code === 'NOT_FOUND') throw damaged(item, f, '在档案中找不到');
    throw e;
  }
  if (sha256() !== f.sha256 || size() !== f.size) throw damaged(item, f, '与登记的 SHA-256 摘要不符（已被改动或损坏）');
}

const damaged = (item: CarrierItem, f: CarrierFile, what: string) =>
  new SanwuError('CONFLICT', `档号 ${item.archivalCode} 的附件“${f.originalName}”${what}，不能移交：请先运行档案检查，从备份恢复该文件后再移交。未生成移交载体。`);

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Writes the item files, the catalogue, 说明文件 and the documents into `dir`; the digests come last,
 * over every file written.
 */
export async function writeCarrier(
  dir: string,
  store: FileStore,
  items: CarrierItem[],
  /** 说明文件.TXT line by line, and the 其他/ files but 数字摘要.txt, once the item files are written */
  describe: (written: Omit<WrittenCarrier, 'digests'>) => Promise<{ readme: string[]; documents: { name: string; data: Uint8Array }[] }>,
  opts: LongTaskOptions = {},
): Promise<WrittenCarrier> {
  const digests: [string, string][] = [];
  const names = new Map<number, string[]>();
  const unstamped: WrittenCarrier['unstamped'] = [];
  let files = 0;
  let bytes = 0;
  const total = items.reduce((s, i) => s + i.files.length, 0);
  const put = async (rel: string, data: string | Uint8Array) => {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), data);
    const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    bytes += length;
    digests.push([rel, sha(data)]);
  };
  for (const item of items) {
    const paths: string[] = [];
    for (const [n, f] of item.files.entries()) {
      if (opts.signal?.aborted) throw cancelled();
      if (files % 20 === 0) opts.onProgress?.({ phase: '复制电子档案', done: files, total });
      const rel = itemFilePath(item, f, n);
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await copyVerified(store, f, join(dir, rel), item);
      // the 归档章 goes on the copy, never on the stored original; a PDF that cannot take it stays as stored
      const stamped = f.mediaType === 'application/pdf' ? await stampedCopy(await readFile(join(dir, rel)), item.stamp) : null;
      if (stamped?.stamped) {
        await put(rel, stamped.bytes);
      } else {
        if (stamped) unstamped.push({ path: rel, note: stamped.note ?? '按原样复制，未加盖归档章' });
        bytes += f.size;
        digests.push([rel, f.sha256]);
      }
      paths.push(rel);
      files++;
    }
    names.set(item.recordId, paths);
  }
  opts.onProgress?.({ phase: '复制电子档案', done: files, total });
  await put('文件目录.XML', catalogueXml(items, names));
  const { readme, documents } = await describe({ files, bytes, names, unstamped });
  // Notepad on older Windows reads UTF-8 only with its mark; lines end as Windows ends them
  await put('说明文件.TXT', `\ufeff${readme.join('\r\n')}\r\n`);
  for (const d of documents) await put(`其他/${d.name}`, d.data);
  const summary = `${digests.map(([rel, h]) => `${h}  ${rel}`).join('\n')}\n`;
  await writeFile(join(dir, '其他', '数字摘要.txt'), summary);
  bytes += Buffer.byteLength(summary);
  return { digests, files, bytes, names, unstamped };
}
