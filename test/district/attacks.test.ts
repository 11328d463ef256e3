// Attacks on what the district keeps (issue 17): a package carrying its items' files is received, then
// its pack, its content rows (a record edited, one added, a file said to be another record's) and its
// audited rows are changed behind the app's back — `check` finds each, and is clean once undone; a file
// is viewed from its pack with its digest checked; a receive killed (SIGKILL) at random points leaves
// the old state or the new, and the next start clears what it left. Hostile packages: bad-input.test.ts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { unpackedFile } from '../../src/main/core/district/pack';
import { fixedClock, tempDir } from '../helpers/archive';
import { bagWithFiles, sanwuAt, storedState, streetOffice, writePackage } from './helpers';

const tmp = tempDir('sanwu-district-attacks-');
afterAll(() => tmp.cleanup());
const district = join(tmp.dir, 'district');
const run = (argv: string[]) => sanwuAt('2026-01-20T10:00:00+08:00', argv, tmp.dir);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let bag: string;
let withFiles: string;

const problemsOf = async (): Promise<{ type: string; message: string }[]> => JSON.parse((await run(['check', '--db', district, '--json'])).stdout).problems;

function sql<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(district, 'archive.sqlite'));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const office = await streetOffice(tmp.dir, '东湖街道办事处', 5);
  bag = (await writePackage(tmp.dir, office, '2026-01-12T08:00:00+08:00', 'out')).bag;
  withFiles = await bagWithFiles(bag, office.db, join(tmp.dir, 'with-files', '东湖街道办事处_2025年度三务公开报送包'));
  expect((await run(['init', '--db', district, '--name', '和平区民政局', '--district'])).code).toBe(0);
  const r = await run(['receive', '--db', district, withFiles, '--add-office', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('a package carrying its files', () => {
  it('lists each file with its record and gives it back from the pack, digest checked', async () => {
    const list = JSON.parse((await run(['list', '--db', district, '--json'])).stdout);
    const carried = sql((db) => db.prepare(`SELECT f.sha256, f.path, r.archival_code FROM district_files f JOIN district_records r ON r.id = f.record_id`).all()) as { sha256: string; path: string; archival_code: string }[];
    expect(carried.length).toBeGreaterThan(20);
    expect(list.total).toBeGreaterThan(0);
    const ctx = await openArchive(district, { clock: fixedClock(), actor: 'test' });
    try {
      const file = (await unpackedFile(ctx, carried[0]!.sha256))!;
      expect(sha(readFileSync(file))).toBe(carried[0]!.sha256);
      expect(readFileSync(join(withFiles, carried[0]!.path))).toEqual(readFileSync(file));
      expect(await unpackedFile(ctx, '0'.repeat(64))).toBeNull();
    } finally {
      await closeArchive(ctx);
    }
    expect(await problemsOf()).toEqual([]);
  });
});

describe('check finds what was changed behind the app', () => {
  it('a byte of the pack changed', async () => {
    const pack = sql((db) => db.prepare('SELECT pack FROM district_packages').pluck().get()) as string;
    const file = join(district, 'files', pack.slice(0, 2), pack);
    const bytes = readFileSync(file);
    bytes[bytes.length - 2000]! ^= 0x20;
    writeFileSync(file, bytes);
    expect((await problemsOf()).map((p) => [p.type, p.message.includes('文件包')])).toContainEqual(['fixity', true]);
    bytes[bytes.length - 2000]! ^= 0x20;
    writeFileSync(file, bytes);
    expect(await problemsOf()).toEqual([]);
  });

  it('a received record edited, one added, a file row pointing elsewhere: each found, and gone once undone', async () => {
    sql((db) => {
      for (const t of ['district_records', 'district_files']) db.exec(`DROP TRIGGER ${t}_no_update; DROP TRIGGER ${t}_no_delete`);
    });
    const contentFinding = async () => (await problemsOf()).filter((p) => p.type === 'district-content').map((p) => p.message);
    const title = sql((db) => db.prepare('SELECT title FROM district_records WHERE id = 5').pluck().get()) as string;
    const last = sql((db) => db.prepare('SELECT package_id, path, record_id FROM district_files WHERE record_id = (SELECT max(record_id) FROM district_files)').all()) as { package_id: number; path: string; record_id: number }[];
    const attacks: [attack: string, undo: string][] = [
      [`UPDATE district_records SET title = '改过的题名' WHERE id = 5`, `UPDATE district_records SET title = '${title.replaceAll("'", "''")}' WHERE id = 5`],
      [
        `INSERT INTO district_records (id, package_id, community_code, source_id, affair, kind, disclosure, title, responsible, doc_number, date, year, retention, notes, secrecy, status, attachments)
         SELECT 9999, package_id, community_code, NULL, affair, kind, disclosure, '冒充的档案', responsible, doc_number, date, year, retention, notes, secrecy, status, 0 FROM district_records WHERE id = 1`,
        'DELETE FROM district_records WHERE id = 9999',
      ],
      [
        // the last record's files said to be copies of the first record
        `UPDATE district_files SET record_id = (SELECT min(id) FROM district_records) WHERE record_id = ${last[0]!.record_id}`,
        last.map((f) => `UPDATE district_files SET record_id = ${f.record_id} WHERE package_id = ${f.package_id} AND path = '${f.path}'`).join(';'),
      ],
    ];
    for (const [attack, undo] of attacks) {
      sql((db) => db.exec(attack));
      const found = await contentFinding();
      expect(found, attack).toHaveLength(1);
      expect(found[0]).toMatch(/东湖街道办事处2025年度的“[^”]+”（编号 1）在数据库中的内容与接收时登记的不一致/);
      sql((db) => db.exec(undo));
      expect(await problemsOf(), undo).toEqual([]);
    }
  });

  it('a package row edited or added outside the app (reconciliation)', async () => {
    sql((db) => {
      db.exec('DROP TRIGGER district_packages_replace_only');
      db.prepare(`UPDATE district_packages SET records = records + 1 WHERE id = 1`).run();
    });
    const problems = await problemsOf();
    expect(problems.map((p) => p.type)).toContain('audit-reconcile');
    expect(problems.find((p) => p.type === 'audit-reconcile')!.message).toContain('档案件数');
    sql((db) => db.prepare(`INSERT INTO district_offices (name, code, created_at, updated_at) VALUES ('冒充街道办事处', '', 'x', 'x')`).run());
    expect((await problemsOf()).some((p) => p.type === 'audit-reconcile' && p.message.includes('冒充街道办事处') && p.message.includes('没有任何登记'))).toBe(true);
  });
});

describe('a receive killed at random points', () => {
  it('leaves the old state or the new, and the next start clears what it left', async () => {
    const trials = Number(process.env.SANWU_DISTRICT_KILL_TRIALS ?? 6);
    // the anchors the in-process commands keep (vitest sets one folder for the run)
    const anchorDir = process.env.SANWU_ANCHOR_DIR ?? join(tmp.dir, 'anchors');
    const receiveIn = (dir: string) =>
      spawn(process.execPath, [join(import.meta.dirname, '../../bin/sanwu.js'), 'receive', '--db', dir, withFiles, '--add-office'], {
        env: { ...process.env, SANWU_ANCHOR_DIR: anchorDir, SANWU_ACTOR: 'kill' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    const fresh = async (dir: string) => expect((await run(['init', '--db', dir, '--name', '和平区民政局', '--district'])).code).toBe(0);
    // how long a whole receive takes here (CLI start included): the kills fall anywhere within it
    await fresh(join(tmp.dir, 'kill-timing'));
    const t0 = Date.now();
    const timing = receiveIn(join(tmp.dir, 'kill-timing'));
    let stderr = '';
    timing.stderr!.on('data', (d) => (stderr += d));
    expect(await new Promise((r) => timing.once('exit', r)), stderr).toBe(0);
    const whole = Date.now() - t0;
    expect((await storedState(join(tmp.dir, 'kill-timing'), tmp.dir)).tables.district_packages).toBe(1);
    const outcomes = { received: 0, untouched: 0 };
    for (let t = 0; t < trials; t++) {
      const dir = join(tmp.dir, `kill-${t}`);
      await fresh(dir);
      const before = await storedState(dir, tmp.dir);
      const child = receiveIn(dir);
      child.stderr!.resume();
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, Math.floor(((t + Math.random()) / trials) * whole * 1.5)));
      child.kill('SIGKILL');
      await exited;
      // the next start: whatever a dead receive left in the store goes
      const ctx = await openArchive(dir, { clock: fixedClock(), actor: 'test', anchorDir });
      await closeArchive(ctx);
      const after = await storedState(dir, tmp.dir);
      const received = after.tables.district_packages === 1;
      outcomes[received ? 'received' : 'untouched']++;
      // (an emptied prefix folder of the store may stay: the pack it was made for is gone)
      if (!received) expect(after).toEqual(before);
      expect(readdirSync(join(dir, 'files')).filter((f) => f.startsWith('.'))).toEqual([]);
      const check = await sanwuAt('2026-01-20T10:00:00+08:00', ['check', '--db', dir, '--json'], tmp.dir);
      expect(JSON.parse(check.stdout).problems, `trial ${t} (${received ? 'received' : 'not received'})`).toEqual([]);
      expect(existsSync(join(dir, 'archive.sqlite'))).toBe(true);
    }
    console.info(`receive killed ${trials} times over ${whole} ms: ${outcomes.received} received whole, ${outcomes.untouched} left untouched`);
  }, 300_000);
});
