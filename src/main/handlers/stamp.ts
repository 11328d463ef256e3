// A file-name-safe moment from the archive's clock, as people write it (local time, no ISO stamp): the
// folders and files the UI makes (packages, backups) read 2025年12月4日14时05分22秒.
import { existsSync } from 'node:fs';
import { chineseDate, isoDay } from '../../shared/fields/dates';
import type { ArchiveContext } from '../core/context';

export function fileStamp(ctx: ArchiveContext): string {
  const d = ctx.clock.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${chineseDate(isoDay(d))}${p(d.getHours())}时${p(d.getMinutes())}分${p(d.getSeconds())}秒`;
}

/** `path` itself, or with （2）, （3）… before its extension when it is taken (two in one second). */
export function freshPath(path: string, ext = ''): string {
  const base = ext && path.endsWith(ext) ? path.slice(0, -ext.length) : path;
  let candidate = path;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}（${n}）${ext}`;
  return candidate;
}
