// An office moves onto the server and back by backup and restore: a filed demo archive (SQLite) →
// backup → restore --db postgres://… → backup of the server archive → restore into a new folder. Every
// step is the CLI a user runs; the records, their files and the audit chain arrive unchanged.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import type { ArchiveContext } from '../../src/main/core/context';
import { engineOf } from '../../src/main/core/db';
import type { DB } from '../../src/main/core/db/schema';
import { sanwuIn } from '../cli/fake-io';
import { tempDir } from '../helpers/archive';
import { tempPgDatabase, type TempDatabase } from '../helpers/postgres';

const tmp = tempDir('sanwu-engines-');
let pg: TempDatabase;
const home = join(tmp.dir, 'home');

const sanwu = (...argv: string[]) => sanwuIn({ cwd: tmp.dir, env: { XDG_CONFIG_HOME: home } }, ...argv);

const ok = async (...argv: string[]) => {
  const r = await sanwu(...argv);
  expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

/** Every data table's rows, in key order (the audit log left to its own comparison). */
async function contents(ctx: ArchiveContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await engineOf(ctx.db).dataTables(ctx.db)) {
    const order = t.key ?? t.columns.join(', ');
    out[t.name] = (await sql.raw(`SELECT ${t.columns.join(', ')} FROM ${t.name} ORDER BY ${order}`).execute(ctx.db as unknown as Kysely<DB>)).rows;
  }
  return out;
}

async function fileHashes(ctx: ArchiveContext): Promise<string[]> {
  const out: string[] = [];
  for (const { sha256 } of await ctx.db.selectFrom('attachments').select('sha256').distinct().orderBy('sha256').execute()) {
    const hash = createHash('sha256');
    for await (const piece of await engineOf(ctx.db).files.open(sha256)) hash.update(piece as Buffer);
    out.push(`${sha256}:${hash.digest('hex')}`);
  }
  return out;
}

async function opened<T>(location: string, fn: (ctx: ArchiveContext) => Promise<T>): Promise<T> {
  const ctx = await openArchive(location, { workDir: join(tmp.dir, 'work') });
  try {
    return await fn(ctx);
  } finally {
    await closeArchive(ctx);
  }
}

describe('SQLite → PostgreSQL → SQLite by backup and restore', () => {
  const first = join(tmp.dir, 'first');
  const back = join(tmp.dir, 'back');
  beforeAll(async () => {
    pg = await tempPgDatabase();
    await ok('demo', '--db', first, '--year', '2025', '--communities', '2', '--records', '140');
    await ok('file', '--db', first, '--year', '2025');
    await ok('file', '--db', first, '--year', '2024');
    await ok('backup', '--db', first, '--out', join(tmp.dir, 'first.tar'));
  });
  afterAll(async () => {
    await pg?.drop();
    tmp.cleanup();
  });

  it('restores onto an empty server database, with the same records, files and a verifying chain', async () => {
    await ok('restore', '--db', pg.url, join(tmp.dir, 'first.tar'));
    const [a, b] = [await opened(first, contents), await opened(pg.url, contents)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of Object.keys(a).filter((t) => t !== 'audit_log')) expect(b[table], table).toEqual(a[table]);
    expect(b.records!.length).toBeGreaterThan(200);
    // the log came over whole, and the restore is its newest entry
    expect(b.audit_log!.slice(0, a.audit_log!.length)).toEqual(a.audit_log);
    expect((b.audit_log!.at(-1) as { action: string }).action).toBe('restore');
    expect(await opened(pg.url, async (ctx) => (await verifyAuditChain(ctx.db)).breaks)).toEqual([]);
    const files = await opened(pg.url, fileHashes);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(f.split(':')[0]).toBe(f.split(':')[1]);
    expect(JSON.parse(await ok('list', '--db', pg.url, '--q', '例会', '--json'))).toEqual(JSON.parse(await ok('list', '--db', first, '--q', '例会', '--json')));
  });

  it('refuses to replace the server archive without --force, then replaces it with it (backing it up first)', async () => {
    const refused = await sanwu('restore', '--db', pg.url, join(tmp.dir, 'first.tar'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/已经有档案库.*--force/);
    const out = await ok('restore', '--db', pg.url, join(tmp.dir, 'first.tar'), '--force', '--json');
    expect(JSON.parse(out).previous).toMatch(/before-restore-.*\.tar$/);
    expect(await opened(pg.url, async (ctx) => (await verifyAuditChain(ctx.db)).breaks)).toEqual([]);
  });

  it('backs the server archive up in the same format and restores it into a folder, unchanged', async () => {
    await ok('backup', '--db', pg.url, '--out', join(tmp.dir, 'server.tar'));
    await ok('restore', '--db', back, join(tmp.dir, 'server.tar'));
    const [a, c] = [await opened(first, contents), await opened(back, contents)];
    for (const table of Object.keys(a).filter((t) => t !== 'audit_log')) expect(c[table], table).toEqual(a[table]);
    expect(c.audit_log!.slice(0, a.audit_log!.length)).toEqual(a.audit_log);
    expect(await opened(back, async (ctx) => (await verifyAuditChain(ctx.db)).breaks)).toEqual([]);
    expect(await opened(back, fileHashes)).toEqual(await opened(first, fileHashes));
    // the demo's earlier years are left unfiled on purpose: the same findings, no more
    const problems = async (db: string) => (JSON.parse((await sanwu('check', '--db', db, '--json')).stdout) as { problems: { type: string }[] }).problems;
    const found = await problems(back);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(await problems(first));
  });
});
