// Finding 1 of issue 10: every way of rewriting the audit log or the data behind the app's back, and
// `check` reporting it (exit 1, in Chinese, saying what happened and what to do).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import { entryHash, type AuditRowInput } from '../../src/main/core/audit-log/append';
import { runCheck } from '../../src/main/core/check';
import { stateSql } from '../../src/main/core/db';
import { insertRecords } from '../../src/main/core/records/repository';
import type { CheckProblem } from '../../src/shared/check';
import type { RecordInput } from '../../src/shared/schemas';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';
import { sanwu } from '../standards/fixtures';

let a: TestArchive;
let ids: number[];

const db = () => raw(a.ctx);
const types = (problems: CheckProblem[]) => [...new Set(problems.map((p) => p.type))].sort();

beforeEach(async () => {
  a = await tempArchive();
  const inputs: RecordInput[] = Array.from({ length: 12 }, (_, i) => ({
    communityId: 1,
    affair: i % 3 === 0 ? '财务' : '居务',
    kind: i % 3 === 0 ? '财务收支公开' : '居务监督委员会例会',
    title: `第${i + 1}期公开记录`,
    date: `2025-${String(i + 1).padStart(2, '0')}-05`,
    responsible: '桃源社区居委会',
    pages: 2,
    ...(i % 3 === 0 ? { income: 1000 + i, fundCategory: '办公经费' } : {}),
  }));
  ids = (await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, inputs))).ids;
  for (const id of ids.slice(0, 3)) {
    const staged = await stageBuffer(a.ctx, new TextEncoder().encode(`%PDF-1.7\n% scan ${id}\n%%EOF\n`), `扫描件${id}.pdf`);
    await a.ctx.write.transaction((trx) => linkAttachments(a.ctx, trx, id, [staged]));
  }
  await fileYear(a.ctx, { year: 2025 });
  // the archive is sound and anchored before every attack
  expect((await runCheck(a.ctx)).problems).toEqual([]);
});
afterEach(() => a.close());

type Row = AuditRowInput & { id: number; prev_hash: string; hash: string };

/** Recomputes every hash from entry `from` on, as an attacker who knows the formula would. */
function rechain(from: number): void {
  const rows = db().prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(from) as Row[];
  let prev = (db().prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').pluck().get(from) as string | undefined) ?? '0'.repeat(64);
  const update = db().prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of rows) {
    const hash = entryHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
}

function appendForged(row: Omit<AuditRowInput, 'at' | 'actor'>): void {
  const prev = db().prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
  const full: AuditRowInput = { at: '2025-12-31T02:00:00.000Z', actor: 'test', ...row };
  db()
    .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, source, prev_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)')
    .run(full.at, full.actor, full.action, full.entity, full.entity_id, full.before, full.after, full.source, prev, entryHash(prev, full));
}

const unlock = () => db().exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS records_no_delete; DROP TRIGGER IF EXISTS attachments_no_delete');
const maxId = () => db().prepare('SELECT max(id) FROM audit_log').pluck().get() as number;

describe('the audit log rewritten behind the app', () => {
  it('the newest entry deleted', async () => {
    unlock();
    const last = maxId();
    db().prepare('DELETE FROM audit_log WHERE id = ?').run(last);
    const r = await runCheck(a.ctx);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.type === 'audit-anchor')?.message).toContain(`操作日志末尾的 1 条（第 ${last}–${last} 条）已被删除`);
  });

  it('the newest 500 entries deleted (and the rows they recorded with them)', async () => {
    // enough entries to delete 500
    await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, Array.from({ length: 600 }, (_, i) => ({ communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: `补录${i}`, date: '2025-06-06' }))));
    unlock();
    const last = maxId();
    db().prepare('DELETE FROM audit_log WHERE id > ?').run(last - 500);
    const r = await runCheck(a.ctx);
    expect(r.problems.find((p) => p.type === 'audit-anchor')?.message).toContain(`操作日志末尾的 500 条（第 ${last - 499}–${last} 条）已被删除`);
    expect(r.problems.filter((p) => p.type === 'audit-reconcile').length).toBeGreaterThan(400);
  });

  it('every entry deleted, the trigger dropped first', async () => {
    unlock();
    db().exec('DELETE FROM audit_log');
    const r = await runCheck(a.ctx);
    expect(types(r.problems)).toEqual(['audit-anchor', 'audit-reconcile']);
    expect(r.problems.find((p) => p.type === 'audit-anchor')!.message).toContain('已被删除');
    expect(r.problems.find((p) => p.type === 'audit-reconcile')!.message).toContain('在操作日志中没有任何登记');
  });

  it('a forged entry appended with a correctly computed hash (and the record changed to match)', async () => {
    const id = ids[4]!;
    db().prepare(`UPDATE records SET title = '伪造的题名' WHERE id = ?`).run(id);
    const state = db().prepare(`SELECT ${stateSql('record')} FROM records WHERE id = ?`).pluck().get(id) as string;
    appendForged({ action: 'update', entity: 'record', entity_id: id, before: null, after: state, source: null });
    const r = await runCheck(a.ctx);
    // chain and reconciliation are satisfied; only the anchor knows the log ended earlier
    expect(types(r.problems)).toEqual(['audit-anchor']);
    expect(r.problems[0]!.message).toContain('不是本软件在本机写入的');
  });

  it('one entry edited and every following hash recomputed', async () => {
    unlock();
    const entry = db().prepare(`SELECT id FROM audit_log WHERE entity = 'record' AND entity_id = ? AND action = 'file'`).pluck().get(ids[0]) as number;
    db().prepare(`UPDATE audit_log SET actor = '别人' WHERE id = ?`).run(entry);
    rechain(entry);
    const r = await runCheck(a.ctx);
    expect(types(r.problems)).toEqual(['audit-anchor']);
    expect(r.problems[0]!.message).toContain('操作日志被改写过');
  });
});

describe('the data changed behind the app', () => {
  it.each([
    ['title', `UPDATE records SET title = '改过的题名' WHERE id = ?`, '题名：“第4期公开记录”→“改过的题名”'],
    ['date', `UPDATE records SET date = '2025-04-06' WHERE id = ?`, '成文日期：“2025-04-05”→“2025-04-06”'],
    ['amount', `UPDATE records SET income_fen = 1 WHERE id = ?`, '收入金额（分）：“100300”→“1”'],
    ['voided_at', `UPDATE records SET voided_at = '2025-12-01', void_reason = '重复' WHERE id = ?`, '作废时间：空→“2025-12-01”'],
  ])('a record edited directly (%s)', async (_, edit, said) => {
    db().prepare(edit).run(ids[3]);
    const r = await runCheck(a.ctx);
    const found = r.problems.filter((p) => p.type === 'audit-reconcile');
    expect(found.map((p) => p.record)).toEqual([ids[3]]);
    expect(found[0]!.message).toContain(said);
    expect(found[0]!.message).toContain('被绕过本软件直接改动过');
  });

  it('an attachment row hidden, another deleted', async () => {
    unlock();
    const [hidden, deleted] = db().prepare('SELECT id FROM attachments ORDER BY id').pluck().all() as number[];
    db().prepare(`UPDATE attachments SET removed_at = '2025-12-01' WHERE id = ?`).run(hidden);
    db().prepare('DELETE FROM attachments WHERE id = ?').run(deleted);
    const r = await runCheck(a.ctx);
    const found = r.problems.filter((p) => p.type === 'audit-reconcile').map((p) => p.message);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/附件“扫描件\d+\.pdf”与操作日志最后记录的不一致（移除时间：空→“2025-12-01”）/);
    expect(found[1]).toMatch(/附件“扫描件\d+\.pdf”已不在数据库中/);
    // the hidden file is now a stray in the store too (check covers the store)
  });

  it('the last record of a 件号 cell deleted, its counter lowered', async () => {
    unlock();
    const last = db().prepare(`SELECT id, fonds_code, category_code, filing_year, retention_code, problem_code, item_no FROM records WHERE affair = '居务' ORDER BY item_no DESC LIMIT 1`).get() as Record<string, string | number>;
    db().prepare('DELETE FROM records WHERE id = ?').run(last.id);
    db()
      .prepare('UPDATE filing_cells SET last_item_no = last_item_no - 1 WHERE fonds_code = ? AND category_code = ? AND year = ? AND retention_code = ? AND problem_code = ?')
      .run(last.fonds_code, last.category_code, last.filing_year, last.retention_code, last.problem_code);
    const r = await runCheck(a.ctx);
    const found = r.problems.filter((p) => p.type === 'audit-reconcile').map((p) => p.message);
    expect(found).toEqual([expect.stringContaining('已不在数据库中：它被直接删除了'), expect.stringMatching(/件号计数器与操作日志最后记录的不一致（已编到的件号：“\d+”→“\d+”）/)]);
  });
});

describe('sanwu check', () => {
  it('exits 1 with the finding in Chinese and what to do', async () => {
    unlock();
    db().prepare('DELETE FROM audit_log WHERE id = ?').run(maxId());
    const run = await sanwu(a.dir, 'check', '--db', 'archive');
    expect(run.code).toBe(1);
    expect(run.out).toContain('已被删除');
    expect(run.out).toContain('请从最近的备份恢复档案库');
    expect(run.out).not.toMatch(/Error|at .*\.ts/);
  });
});
