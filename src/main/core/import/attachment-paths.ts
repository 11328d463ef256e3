// 附件 cells: paths relative to the workbook's folder, separated by ；or ;. A path must name an
// existing file inside that folder — after following symlinks — so a sheet cannot pull in other files —
// and pass the attachment acceptance rules (an archival format by its bytes, no executable).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { attachmentRefusal } from '../attachments/acceptance';
import { readHead, sniffFormat } from '../attachments/sniff';
import type { Parsed } from './cells';

export function splitPaths(text: string): string[] {
  return text
    .split(/[；;]/)
    .map((p) => p.trim().replace(/\\/g, '/'))
    .filter((p) => p.length > 0);
}

function inside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

export interface AttachmentRef {
  /** as written in the cell (with / separators) */
  written: string;
  /** the real absolute path */
  path: string;
}

/** In an unpacked zip, a path written on Windows may differ from the stored name in letter case. */
function caseInsensitive(base: string, rel: string): string | null {
  let at = base;
  for (const segment of rel.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      return null;
    }
    const hits = names.filter((n) => n.toLowerCase() === segment.toLowerCase());
    if (hits.length !== 1) return null;
    at = join(at, hits[0]!);
  }
  return at;
}

/** Where 附件 paths are read from: relative to `baseDir`, never leading out of `rootDir` (default: baseDir). */
export interface PathEnv {
  baseDir: string;
  rootDir?: string;
  /** the workbook came in a zip: messages say so, letter case is forgiven */
  inZip?: boolean;
}

/** The files a 附件 cell names, or why they are refused. */
export function resolveAttachmentPaths(text: string, env: PathEnv): Parsed<AttachmentRef[]> {
  const problems: string[] = [];
  const found: AttachmentRef[] = [];
  const realBase = realOrNull(env.baseDir) ?? env.baseDir;
  const realRoot = env.rootDir ? (realOrNull(env.rootDir) ?? env.rootDir) : realBase;
  const where = env.inZip ? '压缩包' : '工作簿所在文件夹';
  for (const p of splitPaths(text.normalize('NFC'))) {
    if (isAbsolute(p) || /^[A-Za-z]:/.test(p)) {
      problems.push(`“${p}”是绝对路径，请填写相对于工作簿所在文件夹的路径，如 附件/例会记录.pdf`);
      continue;
    }
    const target = resolve(realBase, p);
    if (!inside(realRoot, target)) {
      problems.push(`“${p}”位于${where}之外，只能引用${where}内的文件`);
      continue;
    }
    const real = realOrNull(target) ?? (env.inZip ? caseInsensitive(realRoot, relative(realRoot, target).split(sep).join('/')) : null);
    if (real === null) {
      problems.push(`找不到文件“${p}”，请把附件放在${where}内并核对路径和文件名`);
    } else if (!inside(realRoot, real)) {
      problems.push(`“${p}”链接到${where}之外的文件，只能引用${where}内的文件`);
    } else if (!statSync(real).isFile()) {
      problems.push(`“${p}”不是文件，请填写文件的路径`);
    } else {
      const refusal = attachmentRefusal(sniffFormat(readHead(real)), p);
      if (refusal) problems.push(refusal);
      else if (!found.some((f) => f.path === real)) found.push({ written: p, path: real });
    }
  }
  return problems.length > 0 ? { error: problems.join('；') } : { value: found };
}
