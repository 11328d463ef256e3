// Test archives in temporary folders, with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext, Clock } from '../../src/main/core/context';
import { gramsOf } from '../../src/main/core/db/grams';
import { saveOffice } from '../../src/main/core/office/repository';
import type { CommunityInput } from '../../src/shared/schemas';

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
  close: () => Promise<void>;
}

export async function tempArchive(
  options: { clock?: Clock; communities?: CommunityInput[]; office?: string } = {},
): Promise<TestArchive> {
  const { dir, cleanup } = tempDir();
  const ctx = await openArchive(join(dir, 'archive'), { create: true, clock: options.clock ?? fixedClock(), actor: 'test', anchorDir: process.env.SANWU_ANCHOR_DIR ?? join(dir, 'anchors') });
  await saveOffice(ctx, { name: options.office ?? '幸福路街道', code: '659002' });
  for (const c of options.communities ?? [{ code: 'S101', name: '桃源社区', type: '城市', households: 1274 }]) {
    await saveCommunity(ctx, c);
  }
  return {
    ctx,
    dir,
    close: async () => {
      raws.get(ctx.paths.database)?.close();
      raws.delete(ctx.paths.database);
      await closeArchive(ctx);
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
