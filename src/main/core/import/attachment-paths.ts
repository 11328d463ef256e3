// 附件 cells: paths relative to the workbook's folder, separated by ；or ;. A path must name an
// existing file inside that folder — after following symlinks — so a sheet cannot pull in other files —
// and pass the attachment acceptance rules (an archival format by its bytes, no executable).
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { attachmentRefusal } from '../attachments/acceptance';
import { readHead } from '../attachments/repository';
import { sniffFormat } from '../attachments/sniff';
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

/** The files a 附件 cell names, or why they are refused. */
export function resolveAttachmentPaths(text: string, baseDir: string): Parsed<AttachmentRef[]> {
  const problems: string[] = [];
  const found: AttachmentRef[] = [];
  const realBase = realOrNull(baseDir) ?? baseDir;
  for (const p of splitPaths(text)) {
    if (isAbsolute(p) || /^[A-Za-z]:/.test(p)) {
      problems.push(`“${p}”是绝对路径，请填写相对于工作簿所在文件夹的路径，如 附件/例会记录.pdf`);
      continue;
    }
    const target = resolve(realBase, p);
    if (!inside(realBase, target)) {
      problems.push(`“${p}”位于工作簿所在文件夹之外，只能引用该文件夹内的文件`);
      continue;
    }
    const real = realOrNull(target);
    if (real === null) {
      problems.push(`找不到文件“${p}”，请把附件放在工作簿所在文件夹内并核对路径和文件名`);
    } else if (!inside(realBase, real)) {
      problems.push(`“${p}”链接到工作簿所在文件夹之外的文件，只能引用该文件夹内的文件`);
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
