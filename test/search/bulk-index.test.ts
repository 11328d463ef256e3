// The import's bulk path (index triggers dropped, one INSERT … SELECT per trigger over the new rows,
// triggers recreated) must leave exactly the search indexes the row-by-row triggers leave: the same
// terms at the same places, the same search results; the triggers byte for byte; and nothing changed
// when the import is refused or cancelled.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../../src/main/core/context';
import { engineOf, writeSql } from '../../src/main/core/db';
import { importWorkbooks } from '../../src/main/core/import/import';
import { insertRecords, updateRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import type { RecordInput } from '../../src/shared/schemas';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';
import { recordRow, recordsBook } from '../import/fixtures';

const COUNT = 1500;
const WORDS = ['居务监督委员会', '例会', '记录', 'Meeting', 'MEETING 纪要', '惠民资金', '　全角空格　', 'ǅemal', 'ΟΔΟΣ', '𠀋𠀌', '第二季度', 'a b', '，。', '"引号"'];
const pick = (i: number, k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
const row = (i: number) => ({
  题名: `${pick(i, 0)}${pick(i, 1)}第${i}件`,
  责任者: `${pick(i, 2)}${i % 5}`,
  文号: i % 3 ? `居〔2025〕${i}号` : '',
  备注: i % 4 ? `${pick(i, 3)} ${pick(i, 4)}` : null,
});

let bulk: TestArchive;
/** the record the edit test changed (its copy differs between the archives) */
let edited = 0;
let rowByRow: TestArchive;

const TERMS = ['例会', '会记', '监督委员会', 'meeting', 'MEETING', '纪要', '全角', '资金', 'ǆe', 'οδ', '𠀋𠀌', '第1', '第二季度', '居〔', '引号', 'a', '第', '17件', '不存在的词'];

/** Every term occurrence in both FTS tables (fts5vocab), and the triggers' SQL. */
function indexContent(ctx: ArchiveContext) {
  const vocab = (table: string) => {
    raw(ctx).exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_${table} USING fts5vocab(main, ${table}, instance)`);
    return raw(ctx).prepare(`SELECT term, doc, col, offset FROM temp.v_${table} ORDER BY term, doc, col, offset`).raw().all();
  };
  return {
    fts: vocab('records_fts'),
    grams: vocab('records_grams'),
    codeFts: vocab('records_code_fts'),
    codeGrams: vocab('records_code_grams'),
    triggers: raw(ctx).prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all(),
  };
}

const searchIds = async (ctx: ArchiveContext, q: string) => (await searchRecords(ctx, { q, limit: 100_000 })).records.map((r) => r.id);

beforeAll(async () => {
  bulk = await tempArchive();
  rowByRow = await tempArchive();
  const file = await recordsBook(join(bulk.dir, 'many.xlsx'), Array.from({ length: COUNT }, (_, i) => recordRow(row(i))));
  const imported = await importWorkbooks(bulk.ctx, { files: [file] });
  expect(imported).toMatchObject({ ok: true, imported: { records: COUNT } });
  // the same records through the triggers, row by row: the texts as the import stored them
  const inputs = raw(bulk.ctx).prepare('SELECT affair, kind, title, responsible, doc_number AS docNumber, date, notes FROM records ORDER BY id').all() as RecordInput[];
  await rowByRow.ctx.write.transaction((trx) => insertRecords(rowByRow.ctx, trx, inputs.map((r) => ({ ...r, communityId: 1 }))));
});
afterAll(async () => {
  await bulk.close();
  await rowByRow.close();
});

describe('bulk search indexing', () => {
  it('leaves the same terms at the same places as the triggers, and the triggers as they were', () => {
    const a = indexContent(bulk.ctx);
    const b = indexContent(rowByRow.ctx);
    expect(a.fts.length).toBeGreaterThan(COUNT * 10);
    expect(a.grams.length).toBeGreaterThan(COUNT * 10);
    expect(a).toEqual(b);
    for (const ctx of [bulk.ctx, rowByRow.ctx]) {
      // rank 1: the index checked against the records it indexes, not only its own structure
      raw(ctx).exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('integrity-check', 1)`);
      raw(ctx).exec(`INSERT INTO records_grams (records_grams) VALUES ('integrity-check')`);
    }
  });

  it('gives the same search results for 1-, 2- and 3+-character terms', async () => {
    for (const term of TERMS) expect(await searchIds(bulk.ctx, term), term).toEqual(await searchIds(rowByRow.ctx, term));
    expect((await searchIds(bulk.ctx, '监督委员会')).length).toBeGreaterThan(100);
  });

  it('keeps the triggers working after a bulk import (an edit is found by its new words only)', async () => {
    const id = (await searchIds(bulk.ctx, '第17件'))[0]!;
    edited = id;
    await updateRecord(bulk.ctx, id, { title: '改过的独特题名甲乙' });
    expect(await searchIds(bulk.ctx, '独特题名')).toEqual([id]);
    expect(await searchIds(bulk.ctx, '甲乙')).toEqual([id]);
    expect(await searchIds(bulk.ctx, '第17件')).toEqual([]);
  });

  it('a rolled-back bulk write restores the triggers and leaves the indexes untouched', async () => {
    const before = indexContent(bulk.ctx);
    await expect(
      bulk.ctx.write.transaction((trx) =>
        engineOf(trx).bulkRecords(trx, async (indexing) => {
          expect(await writeSql(trx, (q) => q.value(`SELECT count(*) FROM sqlite_master WHERE name IN ('records_fts_insert', 'records_grams_insert')`))).toBe(0);
          await insertRecords(bulk.ctx, trx, [{ communityId: 1, affair: '居务', kind: '居民会议', title: '回滚的一件', date: '2025-03-05' }]);
          await indexing.finish();
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    expect(indexContent(bulk.ctx)).toEqual(before);
    expect(await searchIds(bulk.ctx, '回滚的一件')).toEqual([]);
  });

  it('refuses at finish a new record that does not start 未归档, as the guard trigger set aside would have', async () => {
    const before = indexContent(bulk.ctx);
    await expect(
      bulk.ctx.write.transaction((trx) =>
        engineOf(trx).bulkRecords(trx, async (indexing) => {
          await writeSql(trx, (q) =>
            q.run(`INSERT INTO records (community_id, affair, kind, title, date, retention, status, created_at, updated_at)
              VALUES (1, '居务', '居民会议', '跳过未归档的一件', '2025-03-05', '永久', '在保', '2025-03-05', '2025-03-05')`),
          );
          await indexing.finish();
        }),
      ),
    ).rejects.toThrow('a record starts in a status listed in record_status_transitions');
    expect(indexContent(bulk.ctx)).toEqual(before);
  });

  it('a cancelled import leaves the triggers and indexes as they were', async () => {
    const before = indexContent(bulk.ctx);
    const file = await recordsBook(join(bulk.dir, 'cancel.xlsx'), Array.from({ length: 1200 }, (_, i) => recordRow({ 题名: `取消的第${i}件` })));
    const controller = new AbortController();
    await expect(
      importWorkbooks(bulk.ctx, { files: [file] }, { signal: controller.signal, onProgress: (p) => (p.phase === '写入' && p.done > 500 ? controller.abort() : undefined) }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(indexContent(bulk.ctx)).toEqual(before);
  });

  it('indexes rows that come with a 档号 (as a restore or a transfer would bring them) as the triggers do', async () => {
    // copies of 200 records, each with a 档号 as displayed
    const copy = `INSERT INTO records (community_id, affair, kind, title, responsible, doc_number, notes, date, retention, created_at, updated_at, archival_code)
      SELECT community_id, affair, kind, title || '（副本）', responsible, doc_number, notes, date, retention, created_at, updated_at, 'S101-WS·2025-D30-' || printf('%04d', id)
      FROM records WHERE id <= 200`;
    await bulk.ctx.write.transaction((trx) =>
      engineOf(trx).bulkRecords(trx, async (indexing) => {
        await writeSql(trx, (q) => q.run(copy));
        await indexing.finish();
      }),
    );
    await rowByRow.ctx.write.transaction((trx) => writeSql(trx, (q) => q.run(copy)));
    // (the text indexes differ by the earlier edit: the copies' entries and the 档号 indexes are compared;
    // the copies came without precomputed pairs, so their pairs are the loader's own)
    const copies = (rows: unknown[]) => rows.filter((r) => (r as number[])[1]! > COUNT && (r as number[])[1] !== COUNT + edited);
    const a = indexContent(bulk.ctx);
    const b = indexContent(rowByRow.ctx);
    expect(a.codeFts.length).toBeGreaterThan(200 * 10);
    expect(copies(a.grams).length).toBeGreaterThan(200 * 10);
    expect({ codeFts: a.codeFts, codeGrams: a.codeGrams, fts: copies(a.fts), grams: copies(a.grams) }).toEqual({
      codeFts: b.codeFts,
      codeGrams: b.codeGrams,
      fts: copies(b.fts),
      grams: copies(b.grams),
    });
    expect(await searchIds(bulk.ctx, 'D30-0017')).toEqual(await searchIds(rowByRow.ctx, 'D30-0017'));
    expect((await searchIds(bulk.ctx, 'D30-0017')).length).toBe(1);
  });
});
