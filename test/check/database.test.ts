import { closeSync, copyFileSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntegrityCheck } from '../../src/main/core/check/database-check';
import { databaseProblems } from '../../src/main/core/check/integrity';
import { insertRecords } from '../../src/main/core/records/repository';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeAll(async () => {
  a = await tempArchive();
  const inputs = Array.from({ length: 400 }, (_, i) => ({ communityId: 1, affair: '居务' as const, kind: '居务公开', title: `第${i}期居务公开`, date: '2025-03-05' }));
  await a.ctx.db.transaction().execute((trx) => insertRecords(a.ctx, trx, inputs));
  a.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(() => a.close());

describe('PRAGMA integrity_check in a worker', () => {
  it('reports ok for a sound database', async () => {
    expect(await startIntegrityCheck(a.ctx.paths.database).result).toEqual(['ok']);
  });

  it('reports a damaged database file as problems', async () => {
    const copy = join(a.dir, 'damaged.sqlite');
    copyFileSync(a.ctx.paths.database, copy);
    // Scribble over the middle pages (not the header), as a failing disk would.
    const fd = openSync(copy, 'r+');
    const pageSize = 4096;
    const pages = Math.floor(statSync(copy).size / pageSize);
    for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 3; p++) {
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * pageSize + 8);
    }
    closeSync(fd);
    const lines = await startIntegrityCheck(copy).result;
    expect(lines).not.toEqual(['ok']);
    const problems = databaseProblems(lines);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ type: 'database', aspect: '完整性', record: null, archivalCode: null });
    expect(problems[0]!.message).toContain('数据库文件自检发现问题');
  });
});
