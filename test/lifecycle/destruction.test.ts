// Destruction: approved by a 管理员 who did not close the appraisal, with two distinct 监销人 and a
// date; items 已销毁, their stored bytes gone unless a live record shares them, metadata, digests and
// audit trail kept, the final 销毁清册 filed, `check` clean. Every refusal changes nothing. On both
// engines (the bytes in files/ or in the server's database).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedPath } from '../../src/main/core/attachments/store';
import { engineOf } from '../../src/main/core/db';
import { entityHistory } from '../../src/main/core/audit-log/history';
import { runCheck } from '../../src/main/core/check';
import type { ArchiveContext } from '../../src/main/core/context';
import { createDemoUsers } from '../../src/main/core/demo/users';
import { closeAppraisal, decideAppraisal, openAppraisal } from '../../src/main/core/lifecycle/appraisal';
import { findBatch } from '../../src/main/core/lifecycle/batches';
import { approveDestruction } from '../../src/main/core/lifecycle/destruction';
import { releaseHold, setHold } from '../../src/main/core/lifecycle/holds';
import { getRecord } from '../../src/main/core/records/repository';
import { actingAs } from '../../src/main/core/users/access';
import { countTables, ENGINES, raw, rawQuery, type EngineName } from '../helpers/archive';
import { lifecycleArchive, type LifecycleArchive } from './fixture';

describe.each(ENGINES)('destruction on %s', (engine: EngineName) => {
  let a: LifecycleArchive;
  let admin: ArchiveContext;
  let clerk: ArchiveContext;
  let batch: number;
  const digestOf = async (id: number) => (await rawQuery<{ sha256: string }>(a.ctx, 'SELECT sha256 FROM attachments WHERE record_id = ?', [id]))[0]!.sha256;
  const present = async (id: number) => engineOf(a.ctx.db).files.has(await digestOf(id));
  const good = () => ({ batch, approver: 'admin', supervisors: ['赵六', '钱七'], date: '2025-12-31' });

  /** The archive's rows and the destroyed items' files are exactly as before. */
  async function unchanged(attempt: () => Promise<unknown>, message: RegExp): Promise<void> {
    const before = await countTables(a.ctx);
    await expect(attempt()).rejects.toThrow(message);
    expect(await countTables(a.ctx)).toEqual(before);
    expect(await present(a.ids['d2012-3']!)).toBe(true);
    expect((await getRecord(a.ctx, a.ids['d2012-3']!)).status).toBe('拟销毁');
  }

  beforeAll(async () => {
    a = await lifecycleArchive(engine);
    const opened = await openAppraisal(a.ctx, { asOf: '2025-12-31', community: '桃源社区' });
    batch = opened.batch;
    await decideAppraisal(a.ctx, { batch, records: [a.ids['d2012-3']!, a.ids['d2012-6']!, a.ids.d2013!, a.ids.voucher!], decision: 'destroy', reason: '保管期限已满，无继续保存价值' });
    await decideAppraisal(a.ctx, { batch, records: [a.ids['d2012-9']!], decision: 'keep', retention: '定期10年', reason: '仍有参考价值' });
  });
  afterAll(() => a.close());

  describe('approval', () => {
    it('needs accounts: an archive without them says so', async () => {
      await closeAppraisal(a.ctx, { batch, group: ['张三', '李四'], opinion: '同意鉴定小组意见。' });
      await unchanged(() => approveDestruction(a.ctx, good()), /还没有用户账号/);
      await createDemoUsers(a.ctx, 'correct-horse-9');
      admin = actingAs(a.ctx, { name: 'admin', display: '王主任', role: '管理员' });
      clerk = actingAs(a.ctx, { name: 'clerk', display: '', role: '档案员' });
    });

    it('refuses a clerk, another name than the signed-in one, one 监销人 twice, a future date, a date before the appraisal closed', async () => {
      await unchanged(() => approveDestruction(clerk, { ...good(), approver: 'clerk' }), /须由管理员登录后办理/);
      await unchanged(() => approveDestruction(admin, { ...good(), approver: 'boss' }), /批准人须是登录的管理员本人/);
      await unchanged(() => approveDestruction(admin, { ...good(), supervisors: ['赵六', ' 赵 六'] }), /两名监销人须是不同的人/);
      await unchanged(() => approveDestruction(admin, { ...good(), supervisors: ['赵六'] }), /两名监销人/);
      await unchanged(() => approveDestruction(admin, { ...good(), date: '2026-01-01' }), /在今天（2025-12-31）之后/);
      await unchanged(() => approveDestruction(admin, { ...good(), date: '2025-12-30' }), /早于这批鉴定结束的日期 2025-12-31/);
      await unchanged(() => approveDestruction(admin, { ...good(), date: '2025-02-30' }), /不是有效的日期/);
    });

    it('refuses one\'s own appraisal', async () => {
      const own = await openAppraisal(admin, { asOf: '2025-12-31', community: '杏花社区' });
      await decideAppraisal(admin, { batch: own.batch, records: [a.ids.other!], decision: 'destroy', reason: '无保存价值' });
      await closeAppraisal(admin, { batch: own.batch, group: ['王主任'], opinion: '同意。' });
      const before = await countTables(a.ctx);
      await expect(approveDestruction(admin, { ...good(), batch: own.batch })).rejects.toThrow(/批准人不能是结束这批鉴定的人（admin）/);
      expect(await countTables(a.ctx)).toEqual(before);
      expect((await getRecord(a.ctx, a.ids.other!)).status).toBe('拟销毁');
    });

    it('refuses while an item is held, and goes ahead once the hold is released', async () => {
      await setHold(clerk, a.ids.d2013!, '审计期间暂缓处置');
      await unchanged(() => approveDestruction(admin, good()), /已冻结（审计期间暂缓处置）.*不得销毁/);
      await releaseHold(clerk, a.ids.d2013!, '审计结束');
    });

    it('destroys: items 已销毁, their bytes gone but a shared one kept, metadata and digests kept, the final list filed', async () => {
      const shared = await digestOf(a.ids.d2013!);
      const result = await approveDestruction(admin, good());
      expect(result).toMatchObject({ batch, destroyed: 4, filesRemoved: 3 });
      for (const key of ['d2012-3', 'd2012-6', 'd2013', 'voucher']) expect((await getRecord(a.ctx, a.ids[key]!)).status).toBe('已销毁');
      expect((await getRecord(a.ctx, a.ids['d2012-9']!)).status).toBe('在保');
      expect(await present(a.ids['d2012-3']!)).toBe(false);
      expect(await present(a.ids.voucher!)).toBe(false);
      expect(await engineOf(a.ctx.db).files.has(shared)).toBe(true); // the 2013 居民会议 holds the same scan
      expect(await digestOf(a.ids['d2012-3']!)).toMatch(/^[0-9a-f]{64}$/);
      expect(await getRecord(a.ctx, a.ids['d2012-3']!)).toMatchObject({ title: '2012年第3月居务公开', attachments: 1 });
      expect(result.documents).toHaveLength(1);
      expect(result.documents[0]).toMatchObject({ kind: '销毁清册', title: `第${batch}批鉴定销毁清册` });
      expect(result.documents[0]!.files.map((f) => f.name)).toEqual([`第${batch}批鉴定销毁清册.docx`, `第${batch}批鉴定销毁清册.xlsx`]);
      expect(await findBatch(a.ctx.db, batch)).toMatchObject({ state: '已销毁', destruction: { approver: 'admin', supervisors: ['赵六', '钱七'], date: '2025-12-31', items: 4, filesRemoved: 3 } });
      const history = await entityHistory(a.ctx.db, 'record', a.ids['d2012-3']!);
      expect(history.map((h) => h.action).slice(0, 4)).toEqual(['destroy', 'appraisal-destroy', 'appraisal-decide', 'appraisal-open']);
    });

    it('refuses a second approval of the same batch', async () => {
      await expect(approveDestruction(admin, good())).rejects.toThrow(/已于 2025-12-31 销毁（批准人 admin）/);
    });

    it('leaves the check clean, and finds a destroyed file put back', async () => {
      const clean = await runCheck(a.ctx);
      expect(clean.problems.map((p) => p.message)).toEqual([]);
      // the voucher's scan put back into the store, as someone restoring it by hand would
      const { pdf } = await import('./fixture');
      await engineOf(a.ctx.db).files.putBuffer(pdf('voucher'));
      expect(await present(a.ids.voucher!)).toBe(true);
      const found = await runCheck(a.ctx);
      expect(found.problems.map((p) => p.type)).toEqual([engine === 'sqlite' ? 'destroyed-file' : 'server-store']);
      expect(found.problems[0]!.message).toMatch(engine === 'sqlite' ? /已销毁，它的文件 files\/.* 却仍在附件库中/ : /已销毁，它的文件 [0-9a-f]{12}… 却仍在数据库中/);
      const fixed = await runCheck(a.ctx, { fix: true });
      expect(fixed.fixed).toHaveLength(1);
      expect((await runCheck(a.ctx)).ok).toBe(true);
      expect(await present(a.ids.voucher!)).toBe(false);
    });
  });
});

// A folder's store: a file the removal cannot take away (a server's is removed in the same transaction
// that records it, so there the removal stands or falls whole).
describe('a destruction whose files could not leave the store at once', () => {
  it('stands recorded, and the next start removes the files', async () => {
    const { cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { closeArchive, openArchive } = await import('../../src/main/core/archive');
    const b = await lifecycleArchive();
    await createDemoUsers(b.ctx, 'correct-horse-9');
    const clerkB = actingAs(b.ctx, { name: 'clerk', display: '', role: '档案员' });
    const { batch: n } = await openAppraisal(clerkB, { asOf: '2025-12-31', community: '杏花社区' });
    await decideAppraisal(clerkB, { batch: n, records: [b.ids.other!], decision: 'destroy', reason: '无保存价值' });
    await closeAppraisal(clerkB, { batch: n, group: ['张三'], opinion: '同意。' });
    // an entry the removal cannot take away stands where the file is
    const sha = raw(b.ctx).prepare('SELECT sha256 FROM attachments WHERE record_id = ?').pluck().get(b.ids.other) as string;
    const stored = storedPath(b.ctx.paths.files, sha);
    const bytes = readFileSync(stored);
    rmSync(stored);
    mkdirSync(join(stored, 'stuck'), { recursive: true });
    const warned: string[] = [];
    const result = await approveDestruction({ ...actingAs(b.ctx, { name: 'admin', display: '', role: '管理员' }), log: { info: () => {}, warn: (m) => warned.push(m) } }, { batch: n, approver: 'admin', supervisors: ['甲', '乙'], date: '2025-12-31' });
    expect(result).toMatchObject({ destroyed: 1, filesRemoved: 0, filesPending: true });
    expect(warned[0]).toMatch(/下次打开档案库时会自动完成/);
    expect((await getRecord(b.ctx, b.ids.other!)).status).toBe('已销毁');
    expect(await findBatch(b.ctx.db, n)).toMatchObject({ destruction: { filesRemoved: null } });
    // the file as it was, then the next start
    rmSync(stored, { recursive: true });
    writeFileSync(stored, bytes);
    const copy = join(b.dir, 'reopened');
    cpSync(join(b.dir, 'archive'), copy, { recursive: true });
    const said: string[] = [];
    const reopened = await openArchive(copy, { actor: 'test', anchorDir: join(b.dir, 'anchors'), log: { info: (m) => said.push(m), warn: (m) => said.push(m) }, clock: b.ctx.clock });
    try {
      expect(said).toContain(`上次第 ${n} 批鉴定的销毁在移除文件时中断，已完成：1 个已销毁档案的文件移出附件库。`);
      expect(existsSync(storedPath(reopened.paths.files, sha))).toBe(false);
      expect(await findBatch(reopened.db, n)).toMatchObject({ destruction: { filesRemoved: 1 } });
      expect((await runCheck(reopened)).problems.map((p) => p.message)).toEqual([]);
    } finally {
      await closeArchive(reopened);
      await b.close();
    }
  });
});
