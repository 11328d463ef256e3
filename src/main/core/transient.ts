// Names of what a step writes before it is whole, and clearing what a crash left of them. Every such
// name carries the writing process's id, so the next start of any command can tell a crash's leftovers
// (process gone) from another process's work in progress (process alive) and never touches the latter.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type TransientKind = 'incoming' | 'snapshot' | 'init' | 'restoring' | 'previous' | 'partial' | 'old';

const PATTERN = /(?:^|\.)(incoming|snapshot|init|restoring|previous|partial|old)-(\d+)-([0-9a-f]{8})/;

/** `${prefix}${kind}-${pid}-${random}${suffix}`: e.g. transientName('.', 'incoming') → .incoming-4242-1a2b3c4d */
export function transientName(prefix: string, kind: TransientKind, suffix = ''): string {
  return `${prefix}${kind}-${process.pid}-${randomBytes(4).toString('hex')}${suffix}`;
}

/** The step to stand in for `target` (a file or folder) beside it: .<name>.<kind>-<pid>-<random>. */
export const besideTarget = (target: string, kind: TransientKind, suffix = ''): string =>
  join(dirname(target), transientName(`.${basename(target)}.`, kind, suffix));

export interface Transient {
  kind: TransientKind;
  pid: number;
  /** for names made by besideTarget: the target's name */
  target: string | null;
}

export function parseTransient(name: string): Transient | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  const target = name.startsWith('.') && m.index > 1 ? name.slice(1, m.index) : null;
  return { kind: m[1] as TransientKind, pid: Number(m[2]), target };
}

/** Whether the process that wrote it still runs (this one counts as running). */
export function writerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The leftovers of dead processes in `dir` (name, parsed), optionally of some kinds only. */
export function leftovers(dir: string, kinds?: TransientKind[]): [string, Transient][] {
  if (!existsSync(dir)) return [];
  const out: [string, Transient][] = [];
  for (const name of readdirSync(dir)) {
    const t = parseTransient(name);
    if (t && (!kinds || kinds.includes(t.kind)) && !writerAlive(t.pid)) out.push([name, t]);
  }
  return out;
}

export const remove = (path: string): void => rmSync(path, { recursive: true, force: true });

/**
 * Output folders (report --out, backup --out's folder): a crashed run's staged copies are removed; an
 * older package it had moved aside but not yet replaced is put back. Returns what was done (Chinese).
 */
export function clearOutput(dir: string): string[] {
  const done: string[] = [];
  for (const [name, t] of leftovers(dir, ['partial', 'old'])) {
    const path = join(dir, name);
    if (t.kind === 'old' && t.target && !existsSync(join(dir, t.target))) {
      renameSync(path, join(dir, t.target));
      done.push(`上次生成在替换“${t.target}”时中断，已把原来的“${t.target}”放回原处。`);
    } else {
      remove(path);
      done.push(`已清除上次中断留下的临时文件 ${name}。`);
    }
  }
  return done;
}
