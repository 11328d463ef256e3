// Finding 6 of issue 10: a second writer waits its turn (bounded, with progress and cancel) instead of
// failing with "database is locked"; two CLI imports at once both succeed.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';
import { WAITING_PHASE } from '../../src/main/core/db';
import { createRecord, insertRecords } from '../../src/main/core/records/repository';
import type { Progress } from '../../src/shared/domain';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let other: ArchiveContext;

beforeEach(async () => {
  a = await tempArchive();
  // a second connection pair on the same file: what another process (a CLI beside the app) has
  other = await openArchive(a.ctx.paths.dir, { actor: 'other', anchorDir: process.env.SANWU_ANCHOR_DIR, writerWaitMs: 1500 });
});
afterEach(async () => {
  await closeArchive(other);
  await a.close();
});

const input = (title: string) => ({ communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title, date: '2025-03-05' });

/** Holds the first archive's write lock until `release` is called. */
function holdWriter(): { release: () => void; done: Promise<void> } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const done = a.ctx.write.transaction(async (trx) => {
    await insertRecords(a.ctx, trx, [input('先写的记录')]);
    await held;
  });
  return { release, done };
}

describe('writers wait their turn', () => {
  it('waits, saying so, then writes when the other commits', async () => {
    const first = holdWriter();
    await new Promise((r) => setTimeout(r, 50));
    const seen: Progress[] = [];
    const second = other.write.transaction((trx) => insertRecords(other, trx, [input('后写的记录')]), { onProgress: (p) => seen.push(p) });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((p) => p.phase)).toContain(WAITING_PHASE);
    first.release();
    await first.done;
    await expect(second).resolves.toMatchObject({ ids: [2] });
    expect(raw(a.ctx).prepare('SELECT title FROM records ORDER BY id').pluck().all()).toEqual(['先写的记录', '后写的记录']);
  });

  it('can be cancelled while waiting, writing nothing', async () => {
    const first = holdWriter();
    await new Promise((r) => setTimeout(r, 50));
    const c = new AbortController();
    const second = other.write.transaction((trx) => insertRecords(other, trx, [input('不该写入')]), { signal: c.signal });
    setTimeout(() => c.abort(), 200);
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
    first.release();
    await first.done;
    expect(raw(a.ctx).prepare(`SELECT count(*) FROM records WHERE title = '不该写入'`).pluck().get()).toBe(0);
  });

  it('gives up after its bound with a Chinese message, never "database is locked"', async () => {
    const first = holdWriter();
    await new Promise((r) => setTimeout(r, 50));
    await expect(createRecord(other, input('等不到的记录'))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('另一个操作（其他窗口或命令）正在写入档案库') });
    first.release();
    await first.done;
  });

  it('two sanwu import runs at once both succeed', async () => {
    const books = [0, 1].map((n) => {
      const file = join(a.dir, `book${n}.csv`);
      const lines = ['社区,类别,事项,题名,成文日期'];
      for (let i = 0; i < 3000; i++) lines.push(`桃源社区,居务,居务监督委员会例会,第${n}批例会记录${i},2025-03-05`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    });
    const run = (file: string) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/sanwu.js'), 'import', '--db', a.ctx.paths.dir, file, '--json'], { env: process.env });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.stdout.resume();
        child.on('close', (code) => resolve({ code, err }));
      });
    const results = await Promise.all(books.map(run));
    for (const r of results) {
      expect(r.err).not.toMatch(/locked|SqliteError|at .*\.(ts|js):\d+/);
      expect(r.code).toBe(0);
    }
    expect(raw(a.ctx).prepare('SELECT count(*) FROM records').pluck().get()).toBe(6000);
  }, 120_000);
});
