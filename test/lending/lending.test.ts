// 借阅登记: lending and returning, audited and reconciled; items no longer held are refused by the core
// and by the database; an item out on loan is neither destroyed nor handed over; direct edits of the
// register are refused, and what gets past the triggers is found by check. On both engines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { runCheck } from '../../src/main/core/check';
import { lend, returnLoan } from '../../src/main/core/lending/loans';
import { listLoans, overdueLoans } from '../../src/main/core/lending/register';
import { createRecord, voidRecord } from '../../src/main/core/records/repository';
import { dashboardSummary } from '../../src/main/core/dashboard/summary';
import { ENGINES, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';
import { movableClock, type MovableClock } from '../users/fixtures';

describe.each(ENGINES)('借阅登记 on %s', (engine) => {
  let a: TestArchive;
  let clock: MovableClock;
  let ids: number[];

  const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', date: '2025-03-05' };

  beforeEach(async () => {
    clock = movableClock('2026-01-10T09:00:00+08:00');
    a = await tempArchive({ clock, engine });
    ids = [];
    for (let m = 1; m <= 4; m++) ids.push((await createRecord(a.ctx, { ...base, title: `${m}月例会记录`, date: `2025-0${m}-05` })).id);
    await fileYear(a.ctx, { year: 2025 });
  });
  afterEach(() => a.close());

  const auditOf = (entity: string) => rawQuery<{ actor: string; action: string; entity_id: number; after: string }>(a.ctx, 'SELECT actor, action, entity_id, after FROM audit_log WHERE entity = ? ORDER BY id', [entity]);
  const count = async (table: string) => Number((await rawQuery<{ n: number }>(a.ctx, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

  /** What issue 15's acts will do, by hand: allow the step, then take it (outside the app). */
  async function forceStatus(id: number, to: string): Promise<void> {
    await rawQuery(a.ctx, `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES ('在保', ?, 'test') ON CONFLICT DO NOTHING`, [to]);
    await rawQuery(a.ctx, 'UPDATE records SET status = ? WHERE id = ?', [to, id]);
  }

  describe('lending and returning', () => {
    it('lends filed items, audits the loan and each item, and check stays clean', async () => {
      const result = await lend(a.ctx, { recordIds: [ids[0]!, ids[1]!, ids[0]!], borrower: ' 张三 ', purpose: '查阅例会记录', unit: '区民政局', due: '2026-01-20' });
      expect(result).toMatchObject({ loan: 1, borrower: '张三', due: '2026-01-20' });
      expect(result.items.map((i) => i.id)).toEqual([ids[0], ids[1]]);
      expect(result.items[0]).toMatchObject({ archivalCode: 'S101-WS·2025-D30-JW-0001', title: '1月例会记录', community: '桃源社区', status: '在保' });
      expect((await auditOf('loan')).map((e) => [e.actor, e.action, e.entity_id])).toEqual([['test', 'lend', 1]]);
      expect((await auditOf('loan_item')).map((e) => e.entity_id)).toEqual([1, 2]);
      const check = await runCheck(a.ctx);
      expect(check.problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    });

    it('returns a loan once; a second return and an unknown loan are refused', async () => {
      await lend(a.ctx, { recordIds: [ids[0]!], borrower: '张三', purpose: '审计' });
      clock.advance(60);
      const back = await returnLoan(a.ctx, 1);
      expect(back).toMatchObject({ id: 1, returnClerk: 'test', overdue: false, items: [{ id: ids[0] }] });
      expect(back.returnedAt).toBe(clock.now().toISOString());
      await expect(returnLoan(a.ctx, 1)).rejects.toThrow(/已于 2026-01-10 由 test 登记归还/);
      await expect(returnLoan(a.ctx, 9)).rejects.toThrow('没有第 9 号借阅登记');
      expect((await auditOf('loan')).map((e) => e.action)).toEqual(['lend', 'return']);
      expect((await runCheck(a.ctx)).problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    });

    it('refuses bad input whole: unknown items, a due date before the loan, blank borrower', async () => {
      const before = await count('audit_log');
      await expect(lend(a.ctx, { recordIds: [ids[0]!, 999], borrower: '张三', purpose: '查阅' })).rejects.toThrow('没有编号为 999 的档案');
      await expect(lend(a.ctx, { recordIds: [ids[0]!], borrower: '张三', purpose: '查阅', due: '2026-01-09' })).rejects.toThrow('早于借阅当天');
      await expect(lend(a.ctx, { recordIds: [ids[0]!], borrower: '  ', purpose: '查阅' })).rejects.toThrow('请填写借阅人');
      await expect(lend(a.ctx, { recordIds: [], borrower: '张三', purpose: '查阅' })).rejects.toThrow('请选择要借阅的档案');
      expect(await count('loans')).toBe(0);
      expect(await count('audit_log')).toBe(before);
    });

    it('lists loans by state and text; overdue ones are on the dashboard', async () => {
      await lend(a.ctx, { recordIds: [ids[0]!], borrower: '张三', purpose: '查阅例会记录', due: '2026-01-15' });
      await lend(a.ctx, { recordIds: [ids[1]!, ids[2]!], borrower: '李四', unit: '区审计局', purpose: '审计', due: '2026-02-01' });
      await lend(a.ctx, { recordIds: [ids[3]!], borrower: '王五', purpose: '编研' });
      await returnLoan(a.ctx, 3);
      expect((await listLoans(a.ctx, { state: 'open' })).loans.map((l) => l.id)).toEqual([2, 1]);
      expect((await listLoans(a.ctx, { state: 'overdue' })).total).toBe(0);
      clock.advance(6 * 24 * 60); // 2026-01-16
      expect((await listLoans(a.ctx, { state: 'overdue' })).loans.map((l) => [l.id, l.overdue])).toEqual([[1, true]]);
      expect((await listLoans(a.ctx, { state: 'returned' })).loans.map((l) => l.id)).toEqual([3]);
      expect((await listLoans(a.ctx, { q: '审计局' })).loans.map((l) => l.id)).toEqual([2]);
      expect((await listLoans(a.ctx, { q: 'JW-0004' })).loans.map((l) => l.id)).toEqual([3]);
      expect((await listLoans(a.ctx, { q: '100%_' })).total).toBe(0);
      expect(await overdueLoans(a.ctx)).toMatchObject({ total: 1, loans: [{ id: 1, borrower: '张三', due: '2026-01-15' }] });
      const dash = await dashboardSummary(a.ctx, 2025);
      expect(dash.overdueLoans).toMatchObject({ total: 1, loans: [{ id: 1 }] });
      expect(dash.warnings).toContainEqual(expect.objectContaining({ kind: 'loan-overdue', link: '/lending?state=overdue', message: expect.stringContaining('张三') }));
    });
  });

  describe('what may not be lent, and what may not leave while lent', () => {
    it('refuses destroyed, transferred and voided items, naming them', async () => {
      await forceStatus(ids[0]!, '已销毁');
      await forceStatus(ids[1]!, '已移交');
      const unfiled = await createRecord(a.ctx, { ...base, title: '作废的记录', date: '2025-06-05' });
      await voidRecord(a.ctx, unfiled.id, '重复登记');
      const refused = lend(a.ctx, { recordIds: [ids[0]!, ids[1]!, unfiled.id, ids[2]!], borrower: '张三', purpose: '查阅' });
      await expect(refused).rejects.toThrow(/档号 S101-WS·2025-D30-JW-0001（1月例会记录）已销毁；档号 S101-WS·2025-D30-JW-0002（2月例会记录）已移交；记录 5（未归档）（作废的记录）已作废，不能借出/);
      expect(await count('loan_items')).toBe(0);
    });

    it('the database refuses such a loan item and such a status change too', async () => {
      await lend(a.ctx, { recordIds: [ids[2]!], borrower: '张三', purpose: '查阅' });
      await forceStatus(ids[0]!, '已销毁');
      await expect(rawQuery(a.ctx, 'INSERT INTO loan_items (loan_id, record_id) VALUES (1, ?)', [ids[0]])).rejects.toThrow('已销毁、已移交、正在移交或已作废的档案不能借出');
      // out on loan: not destroyed, not handed over, until it comes back
      await expect(forceStatus(ids[2]!, '已销毁')).rejects.toThrow('档案尚在借出，须先登记归还');
      // with the transfer's act on record (the lifecycle's own guard satisfied), the loan still refuses it
      await rawQuery(a.ctx, `INSERT INTO transfers (carrier, year, communities, path, items, files, bytes, created_at, created_by) VALUES ('T-1', 2025, '[]', '/t', 1, 0, 0, '2026-01-01T00:00:00Z', 'test')`);
      await rawQuery(a.ctx, `INSERT INTO transfer_items (transfer_id, record_id, seq) SELECT id, ?, 1 FROM transfers WHERE carrier = 'T-1'`, [ids[2]]);
      await expect(forceStatus(ids[2]!, '移交中')).rejects.toThrow('档案尚在借出');
      await returnLoan(a.ctx, 1);
      await forceStatus(ids[2]!, '已销毁');
      expect(await rawQuery(a.ctx, 'SELECT status FROM records WHERE id = ?', [ids[2]])).toEqual([{ status: '已销毁' }]);
    });
  });

  describe('attacks on the register', () => {
    it('refuses deleting or rewriting loans, items and views', async () => {
      await lend(a.ctx, { recordIds: [ids[0]!], borrower: '张三', purpose: '查阅' });
      const refused = (text: string, params: unknown[] = []) => expect(rawQuery(a.ctx, text, params)).rejects;
      await refused('DELETE FROM loans').toThrow('借阅登记不能删除');
      await refused(`UPDATE loans SET borrower = '李四'`).toThrow('只能登记归还一次');
      await refused(`UPDATE loan_items SET record_id = ?`, [ids[1]]).toThrow('借阅的档案不能修改');
      await refused('DELETE FROM loan_items').toThrow('借阅的档案不能删除');
      if (engine === 'postgres') {
        await refused('TRUNCATE loans CASCADE').toThrow('借阅登记不能删除');
        await refused('TRUNCATE loan_items').toThrow('借阅的档案不能删除');
      }
      await returnLoan(a.ctx, 1);
      await refused(`UPDATE loans SET returned_at = '2030-01-01T00:00:00.000Z'`).toThrow('只能登记归还一次');
      expect(await count('loans')).toBe(1);
    });

    it('check finds a loan rewritten past its triggers', async () => {
      await lend(a.ctx, { recordIds: [ids[0]!], borrower: '张三', purpose: '查阅' });
      await rawQuery(a.ctx, `DROP TRIGGER loans_only_return${engine === 'postgres' ? ' ON loans' : ''}`);
      await rawQuery(a.ctx, `UPDATE loans SET borrower = '李四' WHERE id = 1`);
      const problems = (await runCheck(a.ctx)).problems.filter((p) => p.type === 'audit-reconcile');
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/借阅登记第 1 号（借阅人“李四”）与操作日志最后记录的不一致（借阅人：“张三”→“李四”）/)]);
    });
  });
});
