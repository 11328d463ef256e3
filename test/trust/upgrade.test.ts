// Migration 0003 on an archive made before it: status transitions, an identity, and a baseline audit
// entry for every existing row (so reconciliation holds from the upgrade on); all in one transaction.
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { decodeState } from '../../src/main/core/audit-log/states';
import { runCheck } from '../../src/main/core/check';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import type { MigrationList } from '../../src/main/core/db/migrate';
import { fixedClock, raw, tempDir } from '../helpers/archive';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
const anchorDir = () => join(tmp.dir, 'anchors');

/** An archive as version 0002 left it, with rows the old app wrote (no state entries). */
async function legacyArchive(): Promise<void> {
  const old = await openArchive(dir, { create: true, clock: fixedClock(), migrations: MIGRATIONS.slice(0, 2) });
  raw(old).exec(`
    INSERT INTO street_office (id, name, code, created_at, updated_at) VALUES (1, '幸福路街道', '', 't', 't');
    INSERT INTO communities (code, name, type, area_km2, created_at, updated_at) VALUES ('S101', '桃源社区', '城市', 1.25, 't', 't');
    INSERT INTO roster (community_id, kind, name, created_at, updated_at) VALUES (1, '法律顾问', '张律师', 't', 't');
    INSERT INTO records (community_id, affair, kind, title, date, retention, created_at, updated_at) VALUES
      (1, '居务', '居务监督委员会例会', '1月例会', '2025-01-05', '定期30年', 't', 't'),
      (1, '财务', '财务收支公开', '一季度公开', '2025-03-31', '永久', 't', 't');
    UPDATE records SET fonds_code = 'S101', filing_year = 2025, retention_code = 'D30', problem_code = 'JW', item_no = 1, archival_code = 'S101-WS·2025-D30-JW-0001', status = '在保' WHERE id = 1;
    INSERT INTO filing_cells VALUES ('S101', 'WS', 2025, 'D30', 'JW', 1);
    INSERT INTO attachments (record_id, sha256, size, media_type, original_name, created_at) VALUES (1, '${'ab'.repeat(32)}', 3, 'application/pdf', '纪要.pdf', 't');
    INSERT INTO audit_log (at, actor, action, entity, entity_id, after, prev_hash, hash, hash_format) VALUES ('t', '旧版', 'create', 'record', 1, '{}', '${'0'.repeat(64)}', '${'1'.repeat(64)}', 1);
  `);
  raw(old).close();
  await closeArchive(old);
}

beforeEach(async () => {
  tmp = tempDir();
  dir = join(tmp.dir, 'archive');
  await legacyArchive();
});
afterEach(() => tmp.cleanup());

describe('upgrading an archive to 0003', () => {
  it('records every existing row as a baseline, then holds every row to its latest entry', async () => {
    const ctx = await openArchive(dir, { clock: fixedClock(), anchorDir: anchorDir() });
    try {
      const baseline = raw(ctx).prepare(`SELECT entity, entity_id, after FROM audit_log WHERE action = 'baseline' ORDER BY id`).all() as { entity: 'record'; entity_id: number | null; after: string }[];
      expect(baseline.map((b) => [b.entity, b.entity_id])).toEqual([
        ['community', 1],
        ['roster', 1],
        ['record', 1],
        ['record', 2],
        ['attachment', 1],
        ['filing_cell', null],
      ]);
      expect(decodeState('record', baseline[2]!.after)).toMatchObject({ id: 1, title: '1月例会', archival_code: 'S101-WS·2025-D30-JW-0001', status: '在保' });
      expect(decodeState('community', baseline[0]!.after)).toMatchObject({ code: 'S101', area_km2: 1.25 });
      expect(raw(ctx).prepare('SELECT length(uuid) FROM archive_identity').pluck().get()).toBe(32);
      expect(raw(ctx).prepare('SELECT count(*) FROM record_status_transitions').pluck().get()).toBe(2);
      // the legacy entry's hash was invented by this fixture: the chain says so, the rest is reconciled
      const r = await runCheck(ctx);
      expect(r.problems.filter((p) => p.type === 'audit-reconcile' || p.type === 'audit-anchor')).toEqual([]);
      raw(ctx).prepare(`UPDATE records SET title = '改过' WHERE id = 2`).run();
      const after = await runCheck(ctx);
      expect(after.problems.filter((p) => p.type === 'audit-reconcile').map((p) => p.record)).toEqual([2]);
    } finally {
      raw(ctx).close();
      await closeArchive(ctx);
    }
  });

  it('applies nothing when a later migration of the same upgrade fails: the old schema stays whole', async () => {
    const failing: MigrationList = [...MIGRATIONS, ['9999_fails', { up: async (db) => void (await sql`SELECT no_such_function()`.execute(db)) }]];
    await expect(openArchive(dir, { clock: fixedClock(), migrations: failing })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('档案库未被修改') });
    const ctx = await openArchive(dir, { clock: fixedClock(), migrations: MIGRATIONS.slice(0, 2) });
    try {
      expect(raw(ctx).prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('archive_identity', 'record_status_transitions')`).pluck().get()).toBe(0);
      expect(raw(ctx).prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBe(1);
      expect(raw(ctx).prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(['0001_initial', '0002_audit_hash_format']);
    } finally {
      raw(ctx).close();
      await closeArchive(ctx);
    }
  });
});
