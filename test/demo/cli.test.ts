import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/main/cli/io';
import { runCli } from '../../src/main/cli/main';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { fixedClock, tempDir } from '../helpers/archive';

function fakeIO(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    env: { SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR },
    cwd,
    clock: fixedClock(),
    signal: new AbortController().signal,
  };
  return { io, out };
}

let cleanup = () => {};
afterEach(() => cleanup());

describe('sanwu demo (CLI)', () => {
  it('creates and fills an archive, prints JSON counts, then adds nothing on a re-run', async () => {
    const t = tempDir('sanwu-demo-cli-');
    cleanup = t.cleanup;
    const argv = ['demo', '--db', 'a', '--communities', '2', '--records', '150', '--seed', '4', '--json'];
    const first = fakeIO(t.dir);
    expect(await runCli(argv, first.io)).toBe(0);
    const json = JSON.parse(first.out.stdout);
    expect(json).toMatchObject({ ok: true, db: join(t.dir, 'a'), year: 2025, seed: 4, communities: 2, records: { total: 300 } });
    expect(json.roster).toBeGreaterThan(40);
    expect(json.attachments).toBeGreaterThan(0);
    expect(json.gaps.length).toBeGreaterThan(0);
    expect(first.out.stderr).toMatch(/\[生成演示档案\] \d+\/\d+ 100%/);

    const second = fakeIO(t.dir);
    expect(await runCli(argv.filter((a) => a !== '--json'), second.io)).toBe(0);
    expect(second.out.stdout).toContain('2025年度：2 个社区，档案 300 件');
    expect(second.out.stdout).toContain('本次没有新增内容');
  });

  it('refuses unknown flags and bad values with exit 2, creating nothing', async () => {
    const t = tempDir('sanwu-demo-cli-');
    cleanup = t.cleanup;
    for (const argv of [
      ['demo', '--db', 'b', '--colour', 'red'],
      ['demo', '--db', 'b', '--records', '20'],
      ['demo', '--db', 'b', '--communities', '99'],
      ['demo', '--db', 'b', '--year', 'next'],
    ]) {
      const { io, out } = fakeIO(t.dir);
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(out.stderr).toContain('用法：sanwu demo');
    }
    expect(existsSync(join(t.dir, 'b'))).toBe(false);
  });

  it('exits 1 with a Chinese message when a real community holds a demo code', async () => {
    const t = tempDir('sanwu-demo-cli-');
    cleanup = t.cleanup;
    const ctx = await openArchive(join(t.dir, 'c'), { create: true, clock: fixedClock() });
    await saveCommunity(ctx, { code: 'S101', name: '光华社区' });
    await closeArchive(ctx);
    const clash = fakeIO(t.dir);
    expect(await runCli(['demo', '--db', 'c', '--communities', '1', '--records', '150'], clash.io)).toBe(1);
    expect(clash.out.stderr).toMatch(/错误：档案库中已有社区与演示数据的社区代码或名称冲突/);
  });
});
