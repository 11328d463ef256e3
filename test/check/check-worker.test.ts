import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { runCheck } from '../../src/main/core/check';
import { startCheckWorker } from '../../src/main/core/check/check-worker';
import { databaseProblems } from '../../src/main/core/check/integrity';
import { SCAN, sharedScan } from '../../src/main/core/check/scan-files';
import type { ArchiveContext } from '../../src/main/core/context';
import { insertRecords } from '../../src/main/core/records/repository';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let hashes: string[];
beforeAll(async () => {
  a = await tempArchive();
  const inputs = Array.from({ length: 400 }, (_, i) => ({ communityId: 1, affair: '居务' as const, kind: '居务公开', title: `第${i}期居务公开`, date: '2025-03-05' }));
  const { ids } = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, inputs));
  hashes = [];
  for (const id of ids.slice(0, 200)) {
    const staged = await stageBuffer(a.ctx, new TextEncoder().encode(`%PDF-1.7\n% 第${id}期\n%%EOF\n`), `公开${id}.pdf`);
    hashes.push(staged.sha256);
    await a.ctx.write.transaction((trx) => linkAttachments(a.ctx, trx, id, [staged]));
  }
  raw(a.ctx).pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(() => a.close());

// Without the main thread's connection no fallback can run: a right answer proves the worker gave it.
const workerOnly = (database = a.ctx.paths.database): ArchiveContext => ({ ...a.ctx, db: null as never, paths: { ...a.ctx.paths, database } });

function damagedCopy(): string {
  const copy = join(a.dir, 'damaged.sqlite');
  copyFileSync(a.ctx.paths.database, copy);
  // Scribble over the middle pages (not the header), as a failing disk would.
  const fd = openSync(copy, 'r+');
  const pageSize = 4096;
  const pages = Math.floor(statSync(copy).size / pageSize);
  for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 3; p++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * pageSize + 8);
  closeSync(fd);
  return copy;
}

describe('the check worker', () => {
  it('runs quick_check by default and integrity_check when full, both ok on a sound database', async () => {
    for (const full of [false, true]) {
      const w = startCheckWorker(workerOnly(), full);
      expect(await w.database).toEqual(['ok']);
      w.stop();
    }
  });

  it('reports a damaged database file as problems, in both modes', async () => {
    const copy = damagedCopy();
    for (const full of [false, true]) {
      const w = startCheckWorker(workerOnly(copy), full);
      const lines = await w.database;
      w.stop();
      expect(lines).not.toEqual(['ok']);
      const problems = databaseProblems(lines);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ type: 'database', aspect: '完整性', record: null, archivalCode: null });
      expect(problems[0]!.message).toContain('数据库文件自检发现问题');
    }
  });

  it('reports damaged audit-log pages (which only the chain walk reads by default) as a finding, not a crash', async () => {
    raw(a.ctx).pragma('wal_checkpoint(TRUNCATE)');
    const copyDir = join(a.dir, 'damaged-log');
    cpSync(a.ctx.paths.dir, copyDir, { recursive: true });
    const probe = new Database(join(copyDir, 'archive.sqlite'), { readonly: true });
    const pages = probe.prepare(`SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    probe.close();
    const fd = openSync(join(copyDir, 'archive.sqlite'), 'r+');
    // Garble the cells of a leaf in the middle of the log.
    writeSync(fd, Buffer.alloc(2048, 0x5a), 0, 2048, (pages[Math.floor(pages.length / 2)]! - 1) * 4096 + 1024);
    closeSync(fd);
    const ctx = await openArchive(copyDir, { actor: 'test', clock: a.ctx.clock });
    try {
      const r = await runCheck(ctx);
      expect(r.ok).toBe(false);
      expect(r.problems.some((p) => p.type === 'database' || p.type === 'audit-chain')).toBe(true);
    } finally {
      await closeArchive(ctx);
    }
  });

  it('walks the audit chain as the main thread does', async () => {
    const w = startCheckWorker(workerOnly(), false);
    const verdict = await w.chain;
    w.stop();
    expect(verdict).toEqual(await verifyAuditChain(a.ctx.db));
    expect(verdict.entries).toBeGreaterThan(600);
    expect(verdict.breaks).toEqual([]);
  });

  it('runs under tsx too, as the CLI does (tsx wraps inner functions in a helper the worker must supply)', async () => {
    const module = join(import.meta.dirname, '../../src/main/core/check/check-worker.ts');
    const scanModule = join(import.meta.dirname, '../../src/main/core/check/scan-files.ts');
    const script = `import { startCheckWorker } from ${JSON.stringify(module)};
      import { sharedScan } from ${JSON.stringify(scanModule)};
      const [database, files, ...hashes] = process.argv.slice(1);
      const w = startCheckWorker({ paths: { database, files }, db: null }, false);
      const s = sharedScan(files, hashes);
      const errors = await w.scan(s);
      process.stdout.write(JSON.stringify({ database: await w.database, chain: await w.chain, errors, state: [...s.state] }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, a.ctx.paths.database, a.ctx.paths.files, ...hashes.slice(0, 70)], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ database: ['ok'], chain: await verifyAuditChain(a.ctx.db), errors: {}, state: hashes.slice(0, 70).map(() => SCAN.matches) });
  });

  it('finds an altered and a deleted audit-log entry', async () => {
    const copy = join(a.dir, 'tampered.sqlite');
    raw(a.ctx).pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(a.ctx.paths.database, copy);
    const db = new Database(copy);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    db.prepare(`UPDATE audit_log SET actor = '别人' WHERE id = 5`).run();
    db.prepare(`DELETE FROM audit_log WHERE id = 9`).run();
    db.close();
    const w = startCheckWorker(workerOnly(copy), false);
    const verdict = await w.chain;
    w.stop();
    expect(verdict.breaks.map((b) => b.id)).toEqual([5, 10]);
  });

  it('hashes the files it is handed through shared memory', async () => {
    const w = startCheckWorker(workerOnly(), false);
    const s = sharedScan(a.ctx.paths.files, hashes);
    // This thread takes no file: the worker must scan them all.
    expect(await w.scan(s)).toEqual({});
    expect([...s.state]).toEqual(hashes.map(() => SCAN.matches));
    expect(Atomics.load(s.counters, 1)).toBe(hashes.length);
  });

  it('falls back to this thread when the database cannot be opened there', async () => {
    const w = startCheckWorker({ ...a.ctx, paths: { ...a.ctx.paths, database: join(a.dir, 'nowhere.sqlite') } }, false);
    expect((await w.database)[0]).toContain('无法完成数据库自检');
    // The chain falls back to the main thread's open connection.
    expect(await w.chain).toEqual(await verifyAuditChain(a.ctx.db));
    w.stop();
  });
});
