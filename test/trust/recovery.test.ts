// Findings 4, 5 and 8 of issue 10 at unit scale (npm run trials kills real processes): what a crash
// leaves is recognised by its writer's process id and put right at the next start, and reported;
// another running process's work is left alone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { getOffice } from '../../src/main/core/office/repository';
import { clearOutput } from '../../src/main/core/transient';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
/** a process id that no longer runs */
const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
const tag = (kind: string, pid = dead) => `${kind}-${pid}-0badc0de`;

beforeEach(async () => {
  a = await tempArchive();
});
afterEach(() => a.close());

async function reopen(): Promise<string[]> {
  const said: string[] = [];
  const ctx = await openArchive(a.ctx.paths.dir, { anchorDir: process.env.SANWU_ANCHOR_DIR, log: { info: (m) => said.push(m), warn: (m) => said.push(m) } });
  await closeArchive(ctx);
  return said;
}

describe('the next start after a crash', () => {
  it('removes a dead writer’s half-copied files, database copies and unfinished new archives, and says so', async () => {
    const { files, backups, dir } = a.ctx.paths;
    writeFileSync(join(files, `.${tag('incoming')}`), 'half a scan');
    writeFileSync(join(backups, `.${tag('snapshot')}.sqlite`), 'half a copy');
    writeFileSync(join(dir, `archive.sqlite.${tag('init')}`), 'half an archive');
    const live = join(files, `.${tag('incoming', process.pid)}`);
    writeFileSync(live, 'this process is still copying');
    const said = await reopen();
    expect(said).toHaveLength(3);
    expect(said.join('\n')).toContain('已清除上次中断的导入留下的半截文件');
    expect(readdirSync(files).filter((n) => n.startsWith('.'))).toEqual([basename(live)]);
    expect(readdirSync(backups)).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('init'))).toEqual([]);
  });

  it('takes out of the store the files a dead import placed for rows that never committed', async () => {
    const sha = 'ab'.repeat(32);
    mkdirSync(join(a.ctx.paths.files, 'ab'), { recursive: true });
    writeFileSync(join(a.ctx.paths.files, 'ab', sha), 'bytes of a rolled-back import');
    writeFileSync(join(a.ctx.paths.files, `.${tag('incoming')}.placed`), `${sha}\n`);
    expect(await reopen()).toEqual([expect.stringContaining('没有任何记录引用，已移除')]);
    expect(existsSync(join(a.ctx.paths.files, 'ab', sha))).toBe(false);
    expect(readdirSync(a.ctx.paths.files).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('puts the old archive back when a restore was killed between its two renames', async () => {
    const dir = a.ctx.paths.dir;
    const aside = join(dirname(dir), `.${basename(dir)}.${tag('previous')}`);
    const staged = join(dirname(dir), `.${basename(dir)}.${tag('restoring')}`);
    await a.ctx.close();
    cpSync(dir, staged, { recursive: true });
    renameSync(dir, aside);
    const ctx = await openArchive(dir, { anchorDir: process.env.SANWU_ANCHOR_DIR });
    try {
      expect((await getOffice(ctx))?.name).toBe('幸福路街道');
    } finally {
      await closeArchive(ctx);
    }
    expect(readdirSync(dirname(dir)).filter((n) => n.startsWith(`.${basename(dir)}.`))).toEqual([]);
  });

  it('puts an older package back when a report was killed between moving it aside and the new one in', () => {
    const out = join(a.dir, 'out');
    const bag = '幸福路街道_2025年度三务公开报送包';
    mkdirSync(join(out, `.${bag}.${tag('old')}`), { recursive: true });
    writeFileSync(join(out, `.${bag}.${tag('old')}`, 'bag-info.txt'), 'the older package');
    mkdirSync(join(out, `.${bag}.${tag('partial')}`), { recursive: true });
    expect(clearOutput(out)).toHaveLength(2);
    expect(readdirSync(out)).toEqual([bag]);
  });
});
