// The whole store (完整性/安全性): files/ holds only <aa>/<sha256> regular files that some attachment
// references. Anything else is a problem: a file no record references (a killed import, or planted),
// a foreign name (evil.exe, readme.txt), a symbolic link (a stored file swapped for a link to a copy
// elsewhere) or something that is not a regular file. `check --fix` moves the unreferenced ones into a
// quarantine folder beside files/, never deleting.
import type { Dirent } from 'node:fs';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckProblem } from '../../../shared/check';
import { parseTransient, writerAlive } from '../transient';
import { problem } from './problems';

const PREFIX = /^[0-9a-f]{2}$/;
const DIGEST = /^[0-9a-f]{64}$/;

/** An entry of the store that is not a referenced stored file; `movable` when nothing references it. */
export interface StoreFinding {
  /** relative to the archive folder, with / */
  path: string;
  movable: boolean;
  problem: CheckProblem;
}

const what = (d: Dirent): string => (d.isSymbolicLink() ? '符号链接' : d.isDirectory() ? '文件夹' : d.isFile() ? '文件' : '特殊文件');

/** Walks files/ (one directory listing per prefix; no per-file stat: the listing says each entry's kind). */
export function walkStore(filesDir: string, referenced: Set<string>): StoreFinding[] {
  if (!existsSync(filesDir)) return [];
  const out: StoreFinding[] = [];
  const add = (path: string, movable: boolean, type: string, aspect: 'integrity' | 'security', message: string) =>
    out.push({ path, movable, problem: problem(type, aspect, null, message) });
  const fix = '可运行 sanwu check --fix（或在“档案检查”中选择移入隔离）把它移入隔离文件夹，核实后再处理。';
  for (const top of readdirSync(filesDir, { withFileTypes: true })) {
    const rel = `files/${top.name}`;
    // another process's copy in progress (a dead one's is cleared at every start)
    const t = parseTransient(top.name);
    if (t?.kind === 'incoming' && writerAlive(t.pid)) continue;
    if (!top.isDirectory() || !PREFIX.test(top.name)) {
      add(rel, true, 'foreign-file', 'security', `附件库里有不属于它的${what(top)} ${rel}：附件库只存放按摘要命名的附件文件。${fix}`);
      continue;
    }
    for (const entry of readdirSync(join(filesDir, top.name), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      const stored = DIGEST.test(entry.name) && entry.name.startsWith(top.name);
      if (!stored) {
        add(path, true, 'foreign-file', 'security', `附件库里有不属于它的${what(entry)} ${path}：附件库只存放按摘要命名的附件文件。${fix}`);
      } else if (entry.isSymbolicLink()) {
        const used = referenced.has(entry.name);
        add(path, !used, 'store-link', 'security', `附件库中的 ${path} 是指向别处的符号链接${used ? '（所登记的附件原件已被替换成链接），请从备份恢复该文件' : `，没有任何档案记录引用。${fix}`}`);
      } else if (!entry.isFile()) {
        add(path, !referenced.has(entry.name), 'foreign-file', 'security', `附件库中的 ${path} 不是普通文件而是${what(entry)}；请从备份恢复。`);
      } else if (!referenced.has(entry.name)) {
        add(path, true, 'stray-file', 'integrity', `附件库中的 ${path} 没有任何档案记录引用（可能是中断的导入留下的，或被放进来的）。${fix}`);
      }
    }
  }
  return out;
}

/** Moves the unreferenced findings into <archive>/quarantine/<stamp>/…; returns where they went. */
export function quarantine(archiveDir: string, findings: StoreFinding[], stamp: string): { from: string; to: string }[] {
  const moved: { from: string; to: string }[] = [];
  for (const f of findings.filter((x) => x.movable)) {
    const to = join('quarantine', stamp, f.path);
    mkdirSync(dirname(join(archiveDir, to)), { recursive: true });
    renameSync(join(archiveDir, f.path), join(archiveDir, to));
    moved.push({ from: f.path, to: to.split('\\').join('/') });
  }
  return moved;
}
