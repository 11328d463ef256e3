// `check` of a server archive: the same findings as the same archive in a folder, from the server's own
// bytes and rows; and what only a server can suffer — a chunk of a stored file altered or lost, a guard
// trigger switched off, the search pairs edited, bytes nobody references, a broken index for --full.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import { runCheck } from '../../src/main/core/check';
import type { ArchiveContext } from '../../src/main/core/context';
import { insertRecords } from '../../src/main/core/records/repository';
import type { CheckProblem } from '../../src/shared/check';
import type { RecordInput } from '../../src/shared/schemas';
import { rawQuery, tempArchive, type TestArchive } from '../helpers/archive';
import { adminQuery } from '../helpers/postgres';

const enc = (s: string) => new TextEncoder().encode(s);

async function fill(ctx: ArchiveContext): Promise<string[]> {
  const digests: string[] = [];
  for (const [i, date] of ['2025-01-05', '2025-02-05', '2025-03-05'].entries()) {
    const input: RecordInput = { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: `第${i + 1}次例会记录`, date, responsible: '桃源社区居委会', pages: 2 };
    const { ids: [id] } = await ctx.write.transaction((trx) => insertRecords(ctx, trx, [input]));
    const staged = await stageBuffer(ctx, enc(`%PDF-1.7\n% meeting ${i + 1}\n%%EOF\n`), `例会${i + 1}.pdf`);
    digests.push(staged.sha256);
    await ctx.write.transaction((trx) => linkAttachments(ctx, trx, id!, [staged]));
  }
  // one item of an earlier year left unfiled past its deadline: a finding on either engine
  await ctx.write.transaction((trx) => insertRecords(ctx, trx, [{ communityId: 1, affair: '党务', kind: '三会一课', title: '去年的党员大会记录', date: '2023-05-01', responsible: '党委', pages: 1 }]));
  await fileYear(ctx, { year: 2025 });
  return digests;
}

const summary = (problems: CheckProblem[]) => problems.map((p) => `${p.type}|${p.record}|${p.message}`).sort();

describe('check on a server archive', () => {
  let lite: TestArchive;
  let server: TestArchive;
  let digests: string[];
  beforeAll(async () => {
    [lite, server] = await Promise.all([tempArchive({ engine: 'sqlite' }), tempArchive({ engine: 'postgres' })]);
    await fill(lite.ctx);
    digests = await fill(server.ctx);
  });
  afterAll(async () => {
    await Promise.all([lite?.close(), server?.close()]);
  });

  it('finds what the same archive in a folder has, counts the same, and is audited on the server', async () => {
    const [a, b] = [await runCheck(lite.ctx), await runCheck(server.ctx)];
    expect(b.problems.length).toBe(1);
    expect(summary(b.problems)).toEqual(summary(a.problems));
    expect(b.counts).toMatchObject({ records: a.counts.records, attachments: 3, files: 3, auditEntries: a.counts.auditEntries });
    expect(await rawQuery(server.ctx, `SELECT action FROM audit_log WHERE entity = 'archive'`)).toEqual([{ action: 'check' }]);
  });

  it('finds a stored file whose bytes were altered in the database, by re-hashing them', async () => {
    await rawQuery(server.ctx, `UPDATE file_chunks SET data = ? WHERE sha256 = ?`, [Buffer.from('%PDF-1.7\n% forged\n%%EOF\n'), digests[0]]);
    const fixity = (await runCheck(server.ctx)).problems.filter((p) => p.type === 'fixity');
    expect(fixity).toHaveLength(1);
    expect(fixity[0]!.message).toMatch(/附件“例会1\.pdf”(与登记的 SHA-256 摘要不符|大小为)/);
  });

  it('finds a stored file with a chunk missing, and bytes nobody references', async () => {
    await rawQuery(server.ctx, `DELETE FROM file_chunks WHERE sha256 = ?`, [digests[1]]);
    const stray = createHash('sha256').update('stray').digest('hex');
    await rawQuery(server.ctx, `INSERT INTO file_blobs (sha256, size, chunks, created_at) VALUES (?, 5, 1, 'x')`, [stray]);
    await rawQuery(server.ctx, `INSERT INTO file_chunks (sha256, seq, data) VALUES (?, 0, ?)`, [stray, Buffer.from('stray')]);
    const messages = (await runCheck(server.ctx)).problems.map((p) => p.message).join('\n');
    expect(messages).toContain(`附件文件 ${digests[1]!.slice(0, 12)}… 不完整`);
    expect(messages).toContain(`未被任何档案引用的文件 ${stray.slice(0, 12)}`);
  });

  it('finds a guard trigger switched off and an audit entry edited meanwhile', async () => {
    await rawQuery(server.ctx, `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await rawQuery(server.ctx, `UPDATE audit_log SET actor = 'mallory' WHERE id = 2`);
    const problems = (await runCheck(server.ctx)).problems;
    expect(problems.map((p) => p.message).join('\n')).toContain('数据库触发器 audit_log_no_update（表 audit_log）已被停用');
    expect(problems.filter((p) => p.type === 'audit-chain').map((p) => p.message).join()).toMatch(/操作日志第 2 条日志内容与其哈希不符/);
    await rawQuery(server.ctx, `ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });

  it('finds the search pairs of a record edited behind the app’s back', async () => {
    await rawQuery(server.ctx, `UPDATE record_grams SET grams = '{}' WHERE record_id = 1`);
    expect((await runCheck(server.ctx)).problems.map((p) => p.message)).toContain('记录 1 的检索索引与记录内容不一致，检索可能查不到它；请重建检索索引。');
    await rawQuery(server.ctx, `UPDATE record_grams SET grams = (SELECT sanwu_grams(title, responsible, doc_number, notes, archival_code) FROM records WHERE id = 1) WHERE record_id = 1`);
  });

  it('runs amcheck over every B-tree index with --full where the administrator installed it, and recounts the search terms', async () => {
    const db = new URL(server.location).pathname.slice(1);
    await adminQuery('CREATE EXTENSION IF NOT EXISTS amcheck', [], db);
    await adminQuery('GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO sanwu_app', [], db);
    const r = await runCheck(server.ctx, { full: true });
    expect(r.counts.amcheck).toBe(1);
    expect(r.problems.filter((p) => /amcheck|检索/.test(p.message))).toEqual([]);
    // a count edited behind the app's back
    await rawQuery(server.ctx, `UPDATE search_term_counts SET records = records + 1 WHERE term = (SELECT max(term) FROM search_term_counts)`);
    expect((await runCheck(server.ctx, { full: true })).problems.map((p) => p.message).join()).toMatch(/检索计数与记录内容不一致（1 个检索词）/);
  });
});
