import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, chainHash, GENESIS_HASH } from '../../src/main/core/audit-log/append';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { startCheckWorker } from '../../src/main/core/check/check-worker';
import type { ArchiveContext } from '../../src/main/core/context';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { fixedClock, raw, tempDir } from '../helpers/archive';

const LINK = '与上一条日志的链接断开（上一条被删除或改动）';
const CONTENT = '日志内容与其哈希不符（被改动）';

let tmp: ReturnType<typeof tempDir>;
let ctx: ArchiveContext;

/** Appends entries as the app did before migration 0002: format-1 hashes, no hash_format column. */
function appendV1(c: ArchiveContext, count: number): void {
  const insert = raw(c).prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, source, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const fields = ['2024-06-01T00:00:00.000Z', '旧版 "管理员"', '新增', 'record', i + 1, null, JSON.stringify({ 标题: `第${i}期\n"公开"` }), i % 2 ? '' : null] as const;
    const hash = chainHash(prev, [...fields]);
    insert.run(...fields, prev, hash);
    prev = hash;
  }
}

beforeAll(async () => {
  tmp = tempDir();
  const dir = join(tmp.dir, 'archive');
  const old = await openArchive(dir, { create: true, clock: fixedClock(), migrations: MIGRATIONS.slice(0, 1) });
  appendV1(old, 30);
  await closeArchive(old);
  ctx = await openArchive(dir, { clock: fixedClock(), actor: '新版' });
  const entries = Array.from({ length: 30 }, (_, i) => ({ action: '修改', entity: 'record', entityId: i + 1, before: { i }, after: { i: i + 1 } }));
  await ctx.write.transaction((trx) => appendAudit(ctx, trx, entries));
  raw(ctx).exec('DROP TRIGGER audit_log_no_update');
});
afterAll(async () => {
  await closeArchive(ctx);
  tmp.cleanup();
});

// Without the main thread's connection the fallback cannot run: a right answer proves the worker gave it.
const inWorker = async () => {
  const w = startCheckWorker({ ...ctx, db: null as never }, false);
  const verdict = await w.chain;
  w.stop();
  return verdict;
};

describe('an audit log begun before hash format 2', () => {
  it('keeps the old entries as format 1 and chains the new ones onto them', async () => {
    const formats = raw(ctx).prepare('SELECT hash_format, count(*) FROM audit_log GROUP BY 1 ORDER BY 1').raw().all();
    expect(formats).toEqual([
      [1, 30],
      [2, 30],
    ]);
    expect(await verifyAuditChain(ctx.db)).toEqual({ entries: 60, breaks: [] });
    expect(await inWorker()).toEqual({ entries: 60, breaks: [] });
  });

  it('finds tampering in both formats, in id order, on the main thread and in the worker', async () => {
    raw(ctx).exec(`UPDATE audit_log SET after = '{}' WHERE id IN (10, 45)`);
    raw(ctx).exec(`UPDATE audit_log SET hash = '${'0'.repeat(63)}1' WHERE id = 30`);
    const expected = {
      entries: 60,
      breaks: [
        { id: 10, reason: CONTENT },
        { id: 30, reason: CONTENT },
        { id: 31, reason: LINK },
        { id: 45, reason: CONTENT },
      ],
    };
    expect(await verifyAuditChain(ctx.db)).toEqual(expected);
    expect(await inWorker()).toEqual(expected);
  });
});
