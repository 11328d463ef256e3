// Test archives in temporary folders, with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext, Clock } from '../../src/main/core/context';
import { gramsOf } from '../../src/main/core/db/grams';
import { saveOffice } from '../../src/main/core/office/repository';
import type { CommunityInput } from '../../src/shared/schemas';
import { tempPgDatabase } from './postgres';

export type EngineName = 'sqlite' | 'postgres';

/** The engine suite runs on both (describe.each(ENGINES)). */
export const ENGINES: EngineName[] = ['sqlite', 'postgres'];

export function fixedClock(iso = '2025-12-31T10:00:00+08:00'): Clock {
  const t = new Date(iso);
  return { now: () => new Date(t) };
}

export function tempDir(prefix = 'sanwu-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestArchive {
  ctx: ArchiveContext;
  dir: string;
  /** what --db takes for this archive: its folder, or its server URL */
  location: string;
  close: () => Promise<void>;
}

/** Where a new archive of `engine` goes: a folder under `dir`, or a new database of its own. */
export async function tempLocation(engine: EngineName, dir: string): Promise<{ location: string; workDir?: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { location: join(dir, 'archive'), drop: async () => {} };
  const db = await tempPgDatabase();
  servers.set(join(dir, 'work'), db.url);
  return { location: db.url, workDir: join(dir, 'work'), drop: db.drop };
}

/** Server archives' URLs by their working folder (ctx.paths.dir). */
const servers = new Map<string, string>();

export async function tempArchive(
  options: { clock?: Clock; communities?: CommunityInput[]; office?: string; engine?: EngineName } = {},
): Promise<TestArchive> {
  const { dir, cleanup } = tempDir();
  const where = await tempLocation(options.engine ?? 'sqlite', dir);
  const ctx = await openArchive(where.location, { create: true, clock: options.clock ?? fixedClock(), actor: 'test', workDir: where.workDir, anchorDir: process.env.SANWU_ANCHOR_DIR ?? join(dir, 'anchors') });
  await saveOffice(ctx, { name: options.office ?? '幸福路街道', code: '659002' });
  for (const c of options.communities ?? [{ code: 'S101', name: '桃源社区', type: '城市', households: 1274 }]) {
    await saveCommunity(ctx, c);
  }
  return {
    ctx,
    dir,
    location: where.location,
    close: async () => {
      raws.get(ctx.paths.database)?.close();
      raws.delete(ctx.paths.database);
      await closeArchive(ctx);
      await where.drop();
      servers.delete(ctx.paths.dir);
      cleanup();
    },
  };
}

const raws = new Map<string, Database.Database>();

/**
 * A connection of the test's own to the archive's file, as an attacker (or the sqlite3 shell) would
 * open it: beside the app's, outside its locks. It registers the search index's function, so direct
 * edits of records keep that index in step.
 */
export function raw(ctx: Pick<ArchiveContext, 'paths'>): Database.Database {
  let db = raws.get(ctx.paths.database);
  if (!db?.open) {
    db = new Database(ctx.paths.database, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.function('sanwu_grams', { deterministic: true, varargs: true }, (...texts: unknown[]) => gramsOf(...texts.map((t) => (typeof t === 'string' ? t : null))));
    raws.set(ctx.paths.database, db);
  }
  return db;
}

/** Row counts of every table that a refused operation must leave unchanged. */
export function tableCounts(ctx: ArchiveContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['records', 'attachments', 'communities', 'roster', 'audit_log', 'attestations', 'settings', 'users']) {
    out[t] = (raw(ctx).prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/**
 * A statement run as an attacker (or psql, or the sqlite3 shell) would: on a connection of the test's
 * own, outside the app's locks. `?` placeholders on both engines.
 */
export async function rawQuery<T = Record<string, unknown>>(ctx: Pick<ArchiveContext, 'paths'>, text: string, params: unknown[] = []): Promise<T[]> {
  const url = servers.get(ctx.paths.dir);
  if (!url) {
    const stmt = raw(ctx).prepare(text);
    if (stmt.reader) return stmt.all(...params) as T[];
    stmt.run(...params);
    return [];
  }
  let n = 0;
  // bigint and numeric as numbers, as the app reads them (db/postgres/connect.ts)
  const getTypeParser = ((oid: number, format?: 'text') => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser;
  const client = new pg.Client({ connectionString: url, types: { getTypeParser } });
  await client.connect();
  try {
    return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row counts of every table that a refused operation must leave unchanged, on either engine. */
export async function countTables(ctx: ArchiveContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['records', 'attachments', 'communities', 'roster', 'audit_log', 'attestations', 'settings', 'users']) {
    out[t] = Number((await rawQuery<{ n: number }>(ctx, `SELECT count(*) AS n FROM ${t}`))[0]!.n);
  }
  return out;
}
