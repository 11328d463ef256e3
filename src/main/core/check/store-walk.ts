// The whole store (完整性/安全性): files/ holds only <aa>/<sha256> files that some attachment references.
// Anything else is a problem: a file no record references (a killed import, or planted), a foreign
// name (evil.exe, readme.txt), a symbolic link or something that is not a regular file. (A referenced
// file swapped for a link is found by the scan itself, which never opens through a link.) `check --fix`
// moves the unreferenced entries into a quarantine folder beside files/, never deleting.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckProblem } from '../../../shared/check';
import { parseTransient, writerAlive } from '../transient';
import { problem } from './problems';

const PREFIX = /^[0-9a-f]{2}$/;
const DIGEST = /^[0-9a-f]{64}$/;

/** An entry of the store that nothing references, found by walking files/. */
export interface StoreFinding {
  /** relative to the archive folder, with / */
  path: string;
  problem: CheckProblem;
}

const FIX = '可运行 sanwu check --fix（或在“档案检查”中勾选移入隔离）把它移入隔离文件夹，核实后再处理。';

function kindOf(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function finding(filesDir: string, rel: string): StoreFinding {
  const s = kindOf(join(filesDir, '..', rel));
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const inPrefix = rel.split('/').length === 3;
  if (s?.isSymbolicLink()) return { path: rel, problem: problem('store-link', 'security', null, `附件库中的 ${rel} 是指向别处的符号链接，没有任何档案记录引用。${FIX}`) };
  if (s?.isFile() && inPrefix && DIGEST.test(name) && name.startsWith(rel.slice(6, 8))) {
    return { path: rel, problem: problem('stray-file', 'integrity', null, `附件库中的 ${rel} 没有任何档案记录引用（可能是中断的导入留下的，或被放进来的）。${FIX}`) };
  }
  const what = s?.isDirectory() ? '文件夹' : s?.isFile() ? '文件' : '特殊文件';
  return { path: rel, problem: problem('foreign-file', 'security', null, `附件库里有不属于它的${what} ${rel}：附件库只存放按摘要命名的附件文件。${FIX}`) };
}

/**
 * Lists files/ (names only). `present`: per prefix, how many referenced files the scan found there: a
 * folder holding exactly that many entries holds nothing else, so only other folders are read name by
 * name against `referenced` (and each entry nothing references is looked at).
 */
export function walkStore(filesDir: string, referenced: Set<string>, present: Map<string, number>): StoreFinding[] {
  if (!existsSync(filesDir)) return [];
  const out: StoreFinding[] = [];
  for (const top of readdirSync(filesDir)) {
    // another process's copy in progress (a dead one's is cleared at every start)
    const t = parseTransient(top);
    if (t?.kind === 'incoming' && writerAlive(t.pid)) continue;
    const rel = `files/${top}`;
    const s = PREFIX.test(top) ? kindOf(join(filesDir, top)) : null;
    if (!s?.isDirectory()) {
      out.push(finding(filesDir, rel));
      continue;
    }
    const names = readdirSync(join(filesDir, top));
    if (names.length === (present.get(top) ?? 0)) continue;
    for (const name of names) {
      if (referenced.has(name) && name.charCodeAt(0) === top.charCodeAt(0) && name.charCodeAt(1) === top.charCodeAt(1)) continue;
      out.push(finding(filesDir, `${rel}/${name}`));
    }
  }
  return out;
}

/** Moves the findings into <archive>/quarantine/<stamp>/…; returns where they went. */
export function quarantine(archiveDir: string, findings: StoreFinding[], stamp: string): { from: string; to: string }[] {
  const moved: { from: string; to: string }[] = [];
  for (const f of findings) {
    const to = join('quarantine', stamp, f.path);
    mkdirSync(dirname(join(archiveDir, to)), { recursive: true });
    renameSync(join(archiveDir, f.path), join(archiveDir, to));
    moved.push({ from: f.path, to: to.split('\\').join('/') });
  }
  return moved;
}
