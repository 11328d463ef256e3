// A transfer commits its carrier to the archive, then moves the finished folder into place; a crash in
// between leaves the whole carrier under its temporary name beside the target. The next start of any
// command moves it into place (only a finished one: its 数字摘要.txt is the last file written).
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { leftovers } from '../transient';

export function finishCarriers(paths: string[]): string[] {
  const done: string[] = [];
  for (const path of paths) {
    if (existsSync(path)) continue;
    const parent = dirname(path);
    const staged = leftovers(parent, ['partial'])
      .filter(([, t]) => t.target === basename(path))
      .map(([name]) => join(parent, name))
      .filter((dir) => existsSync(join(dir, '其他', '数字摘要.txt')))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    if (staged.length === 0) continue;
    renameSync(staged[0]!, path);
    done.push(`上次生成移交载体时在收尾处中断，已把完成的载体放到 ${path}。`);
  }
  return done;
}
