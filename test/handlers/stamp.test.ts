// Names the UI gives packages and backups read as people write a moment (local time), never an ISO
// stamp, and a second one in the same second gets its own name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../../src/main/core/context';
import { fileStamp, freshPath } from '../../src/main/handlers/stamp';
import { tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-stamp-');
afterAll(() => tmp.cleanup());

describe('file stamps', () => {
  it('writes the local moment in Chinese with no ISO stamp', () => {
    const at = new Date(2025, 11, 4, 14, 5, 22, 919);
    const stamp = fileStamp({ clock: { now: () => at } } as ArchiveContext);
    expect(stamp).toBe('2025年12月4日14时05分22秒');
    expect(stamp).not.toMatch(/T\d|Z$|:/);
  });

  it('gives a taken name the next number, before the extension', () => {
    const file = join(tmp.dir, '三务档案备份-2025年12月4日14时05分22秒.tar');
    expect(freshPath(file, '.tar')).toBe(file);
    writeFileSync(file, '');
    writeFileSync(file.replace('.tar', '（2）.tar'), '');
    expect(freshPath(file, '.tar')).toBe(file.replace('.tar', '（3）.tar'));
    const dir = join(tmp.dir, '2025年12月4日14时05分22秒');
    mkdirSync(dir);
    expect(freshPath(dir)).toBe(`${dir}（2）`);
  });
});
