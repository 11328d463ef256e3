import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { APPLICATION_ID } from '../../src/main/core/db/sqlite/connection';
import { SCHEMA_VERSION, type MigrationList } from '../../src/main/core/db/migrate';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { fixedClock, raw, tempDir } from '../helpers/archive';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function makeArchive(dir: string): Promise<void> {
  await closeArchive(await openArchive(dir, { create: true, clock: fixedClock() }));
}

describe('opening an archive', () => {
  it('creates every table from empty, marks the file as ours and records each migration', async () => {
    const dir = join(tmp.dir, 'a');
    const ctx = await openArchive(dir, { create: true });
    try {
      expect(raw(ctx).pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(raw(ctx).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(raw(ctx).pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw(ctx).pragma('foreign_keys', { simple: true })).toBe(1);
      const applied = raw(ctx).prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
      expect(applied).toEqual(MIGRATIONS.map(([n]) => n));
      const tables = raw(ctx).prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['records', 'communities', 'roster', 'attachments', 'audit_log', 'filing_cells', 'records_fts']));
      expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['archive.sqlite', 'backups', 'files']));
      // no backup: there was nothing to lose
      expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    } finally {
      await closeArchive(ctx);
    }
  });

  it('refuses a missing archive without creating anything', async () => {
    const dir = join(tmp.dir, 'none');
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE', message: expect.stringContaining('sanwu init') });
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses an archive written by a newer version and leaves it byte-identical', async () => {
    const dir = join(tmp.dir, 'a');
    await makeArchive(dir);
    const db = new Database(join(dir, 'archive.sqlite'));
    db.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`).run();
    db.close();
    const before = sha(join(dir, 'archive.sqlite'));
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'ARCHIVE_NEWER', message: expect.stringContaining('9999_from_the_future') });
    expect(sha(join(dir, 'archive.sqlite'))).toBe(before);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });

  it('backs the archive up before applying a pending migration', async () => {
    const dir = join(tmp.dir, 'a');
    await makeArchive(dir);
    const addition: Migration = { up: async (db) => void (await sql`CREATE TABLE test_addition (id INTEGER PRIMARY KEY) STRICT`.execute(db)) };
    const next: MigrationList = [...MIGRATIONS, ['9000_test_addition', addition]];
    const ctx = await openArchive(dir, { clock: fixedClock(), migrations: next });
    try {
      expect(raw(ctx).prepare(`SELECT name FROM sqlite_master WHERE name = 'test_addition'`).pluck().get()).toBe('test_addition');
      expect(raw(ctx).pragma('user_version', { simple: true })).toBe(next.length);
    } finally {
      await closeArchive(ctx);
    }
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^before-migrate-v${MIGRATIONS.length}-.*\\.sqlite$`));
    const old = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    try {
      expect(old.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(old.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'test_addition'`).pluck().get()).toBe(0);
      expect(old.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(MIGRATIONS.map(([n]) => n));
    } finally {
      old.close();
    }
  });

  it('refuses a SQLite file that is not ours (wrong application_id) and leaves it unchanged', async () => {
    const dir = join(tmp.dir, 'foreign');
    mkdirSync(dir);
    const file = join(dir, 'archive.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('someone else''s data')`);
    db.close();
    const before = sha(file);
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE', message: expect.stringContaining('不是三务档案的档案库') });
    await expect(openArchive(dir, { create: true })).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE' });
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['archive.sqlite']);
  });

  it('refuses a corrupt database file and leaves it unchanged', async () => {
    const dir = join(tmp.dir, 'corrupt');
    mkdirSync(dir);
    const file = join(dir, 'archive.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('this is not a database '), Buffer.alloc(8192, 7)]));
    const before = sha(file);
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT', message: expect.stringContaining('sanwu restore') });
    expect(sha(file)).toBe(before);
  });

  it('refuses --db pointing at a file instead of a folder', async () => {
    const file = join(tmp.dir, 'plain.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = sha(file);
    await expect(openArchive(file)).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE', message: expect.stringContaining('是一个文件而不是档案文件夹') });
    expect(sha(file)).toBe(before);
  });
});
