import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { startAuditChainCheck } from '../../src/main/core/check/audit-chain-check';
import type { ArchiveContext } from '../../src/main/core/context';
import { insertRecords } from '../../src/main/core/records/repository';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeAll(async () => {
  a = await tempArchive();
  const inputs = Array.from({ length: 50 }, (_, i) => ({ communityId: 1, affair: '居务' as const, kind: '居务公开', title: `第${i}期居务公开`, date: '2025-03-05' }));
  await a.ctx.db.transaction().execute((trx) => insertRecords(a.ctx, trx, inputs));
});
afterAll(() => a.close());

// Without the main thread's connection the fallback cannot run: a right answer proves the worker gave it.
const workerOnly = (): ArchiveContext => ({ ...a.ctx, sqlite: null as never });

describe('audit-chain verification in a worker', () => {
  it('agrees with the main thread on a sound log', async () => {
    const verdict = await startAuditChainCheck(workerOnly()).result;
    expect(verdict).toEqual(verifyAuditChain(a.ctx));
    expect(verdict.entries).toBeGreaterThan(50);
    expect(verdict.breaks).toEqual([]);
  });

  it('finds an altered and a deleted entry', async () => {
    a.ctx.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    a.ctx.sqlite.prepare(`UPDATE audit_log SET actor = '别人' WHERE id = 5`).run();
    a.ctx.sqlite.prepare(`DELETE FROM audit_log WHERE id = 9`).run();
    const verdict = await startAuditChainCheck(workerOnly()).result;
    expect(verdict.breaks.map((b) => b.id)).toEqual([5, 10]);
    expect(verdict).toEqual(verifyAuditChain(a.ctx));
  });
});
