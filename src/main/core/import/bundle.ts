// A .zip of workbooks and their scans, imported as one: unpacked (strictly, within LIMITS) into a
// private temporary folder; the workbooks in it are the inputs, the 附件 paths of their rows resolve
// inside it, and nothing may lead out of it.
import { closeSync, createWriteStream, fstatSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { ImportNotice } from '../../../shared/import';
import { FileProblem } from './file-problem';
import type { InputFile } from './parse-file';
import { ReadFault } from './read/faults';
import { LIMITS } from './read/limits';
import { entryBytes, fileSource, zipEntries, type ZipEntry } from './read/zip';

export const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xls', '.ods', '.csv', '.et']);

export interface Bundle {
  /** the zip's file name */
  name: string;
  /** the workbooks inside, in name order */
  inputs: InputFile[];
  /** every file unpacked, relative to the zip's root ("/" separators) */
  files: string[];
  notices: ImportNotice[];
  dir: string;
  cleanup(): void;
}

/** A safe relative path for an entry name, or why not. */
function safeName(raw: string): string | { problem: string } {
  const name = raw.replace(/\\/g, '/').normalize('NFC');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { problem: '是绝对路径' };
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return { problem: '指向压缩包之外' };
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (parts.some((p) => /[\x00-\x1f<>:"|?*]/.test(p) || p.endsWith(' ') || p.endsWith('.'))) return { problem: '含有文件名中不允许的字符' };
  if (parts.some((p) => /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(p))) return { problem: '是 Windows 保留的设备名' };
  if (Buffer.byteLength(name) > LIMITS.zipNameBytes) return { problem: '名称过长' };
  return parts.join('/');
}

export async function unpackBundle(path: string, zipName: string, signal?: AbortSignal): Promise<Bundle> {
  const fd = openSync(path, 'r');
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-zip-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const refuse = (message: string) => new FileProblem('', `“${zipName}”${message}`);
  try {
    const size = fstatSync(fd).size;
    if (size > LIMITS.zipBytes) throw refuse(`超过 ${LIMITS.zipBytes / 1048576} MB，请分成几个压缩包分别导入`);
    const src = fileSource(fd, size);
    const entries = zipEntries(src, { entries: LIMITS.zipEntries, entryBytes: LIMITS.zipInflatedBytes, totalBytes: LIMITS.zipInflatedBytes });
    const files: string[] = [];
    const notices: ImportNotice[] = [];
    const taken = new Map<string, string>();
    const wanted: [ZipEntry, string][] = [];
    for (const e of entries) {
      const rel = safeName(e.name);
      if (typeof rel !== 'string') throw refuse(`中的“${e.name}”${rel.problem}，已拒绝整个压缩包；请重新压缩后再导入`);
      if (e.directory || rel === '' || rel.startsWith('__MACOSX/') || basename(rel) === '.DS_Store' || basename(rel) === 'Thumbs.db') continue;
      if (e.symlink) throw refuse(`中的“${rel}”是链接，不是文件，已拒绝整个压缩包；请放入文件本身后重新压缩`);
      // Windows (and the zip's senders) do not tell 附件/A.pdf from 附件/a.PDF
      const key = rel.toLowerCase();
      if (taken.has(key)) throw refuse(`中有两个文件“${taken.get(key)}”和“${rel}”，只有大小写不同，无法区分；请改名后重新压缩`);
      taken.set(key, rel);
      wanted.push([e, rel]);
    }
    for (const [e, rel] of wanted) {
      if (signal?.aborted) break;
      const target = join(dir, ...rel.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      const out = createWriteStream(target, { flags: 'wx' });
      try {
        for await (const chunk of entryBytes(src, e)) if (!out.write(chunk)) await once(out, 'drain');
      } finally {
        out.end();
        await once(out, 'close');
      }
      files.push(rel);
    }
    const inputs = files
      .filter((f) => WORKBOOK_EXTENSIONS.has(extname(f).toLowerCase()) && !basename(f).startsWith('~$'))
      .sort()
      .map((f) => ({ path: join(dir, ...f.split('/')), name: `${zipName}/${f}`, baseDir: dirname(join(dir, ...f.split('/'))), rootDir: dir, inZip: true }));
    for (const f of files.filter((f) => extname(f).toLowerCase() === '.zip')) {
      notices.push({ file: zipName, sheet: '', row: null, message: `压缩包中的“${f}”也是压缩包，没有读取；请解压后把其中的文件直接放入压缩包` });
    }
    if (inputs.length === 0) throw refuse('中没有工作簿（.xlsx、.xls、.ods 或 .csv），请把填好的导入工作簿和扫描件一起压缩后再导入');
    return { name: zipName, inputs, files, notices, dir, cleanup };
  } catch (e) {
    cleanup();
    if (e instanceof ReadFault) throw new FileProblem('', e.describe(zipName));
    throw e;
  } finally {
    closeSync(fd);
  }
}
