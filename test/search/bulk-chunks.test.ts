// An import of more than two of the bulk indexer's 10,000-record chunks (bulk-index.ts indexes whole
// chunks as rows gather, the rest at the end): every chunk must be indexed once, the FTS tables must
// pass their own integrity check, search must find exactly what a plain LIKE scan finds in early,
// middle and last rows, and the triggers must be back for later edits.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../../src/main/core/context';
import { SEARCH_COLUMNS } from '../../src/main/core/db/search-index';
import { importWorkbooks } from '../../src/main/core/import/import';
import { insertRecords, updateRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';
import { recordRow, recordsBook } from '../import/fixtures';

/** a little over two chunks of 10,000 */
const COUNT = 20_500;
const WORDS = ['居务监督', '例会纪要', '惠民资金', '民生实事', '第二季度', '党务公开', '财务收支', '环境整治', '志愿服务', '调解记录', '安全检查'];
const DIGITS = '〇一二三四五六七八九';
/** i as CJK digits: a serial that LIKE and search both see as plain text */
const cjk = (i: number) => [...String(i)].map((d) => DIGITS[Number(d)]).join('');
const row = (i: number) => ({
  题名: `${WORDS[i % WORDS.length]}${WORDS[(i * 7 + 3) % WORDS.length]}第${cjk(i)}件`,
  责任者: `桃源社区${WORDS[(i * 5) % WORDS.length]!.slice(0, 2)}组`,
  备注: i % 3 ? `${WORDS[(i * 3) % WORDS.length]}备注` : null,
});

/** 1-, 2- and 3+-character terms; the serials are single rows in the first, second and last chunk */
const TERMS = [
  '务', '季', '〇', '财',
  '例会', '资金', '九件', '纪要', '收支', '源社',
  '居务监督', '第二季度调解', '环境整治第', '第五件', `第${cjk(17)}件`, `第${cjk(10_003)}件`, `第${cjk(20_499)}件`, `${cjk(20_4)}`, '调解记录备注',
];

let archive: TestArchive;

const searchIds = async (ctx: ArchiveContext, q: string) =>
  (await searchRecords(ctx, { q, limit: 100_000 })).records.map((r) => r.id).sort((a, b) => a - b);
/** the records whose searched columns contain `term`, without any index */
const likeIds = (ctx: ArchiveContext, term: string) =>
  raw(ctx)
    .prepare(`SELECT id FROM records WHERE ${SEARCH_COLUMNS.map((c) => `instr(coalesce(${c}, ''), ?) > 0`).join(' OR ')} ORDER BY id`)
    .pluck()
    .all(...SEARCH_COLUMNS.map(() => term)) as number[];

beforeAll(async () => {
  archive = await tempArchive();
  const file = await recordsBook(join(archive.dir, 'chunks.xlsx'), Array.from({ length: COUNT }, (_, i) => recordRow(row(i))));
  const imported = await importWorkbooks(archive.ctx, { files: [file] });
  expect(imported).toMatchObject({ ok: true, imported: { records: COUNT } });
}, 120_000);
afterAll(async () => {
  await archive.close();
});

describe('bulk search indexing over several chunks', () => {
  it('indexes every record once: FTS5 integrity checks pass (records_fts against records too), one entry per record', () => {
    // rank 1: records_fts's index is also checked against its content table, records
    raw(archive.ctx).exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('integrity-check', 1)`);
    raw(archive.ctx).exec(`INSERT INTO records_grams (records_grams) VALUES ('integrity-check')`);
    // (count(*) on records_fts would count the content table; the docsize shadow tables hold one row per indexed record)
    for (const table of ['records_fts_docsize', 'records_grams_docsize']) {
      expect(raw(archive.ctx).prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(COUNT);
    }
  });

  it('search finds exactly what a LIKE scan finds, in early, middle and last rows', async () => {
    const ids = raw(archive.ctx).prepare('SELECT id FROM records ORDER BY id').pluck().all() as number[];
    const chunkOf = (id: number) => Math.floor(ids.indexOf(id) / 10_000);
    for (const term of TERMS) {
      const expected = likeIds(archive.ctx, term);
      expect(expected.length, term).toBeGreaterThan(0);
      expect(await searchIds(archive.ctx, term), term).toEqual(expected);
    }
    // the common terms reach into all three chunks, the serials each into their own
    expect(new Set(likeIds(archive.ctx, '例会').map(chunkOf))).toEqual(new Set([0, 1, 2]));
    expect(likeIds(archive.ctx, `第${cjk(20_499)}件`).map(chunkOf)).toEqual([2]);
    expect(likeIds(archive.ctx, `第${cjk(10_003)}件`).map(chunkOf)).toEqual([1]);
  });

  it('puts the triggers back: the same as a new archive has, and a record added later is found', async () => {
    const triggers = (ctx: ArchiveContext) => raw(ctx).prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const fresh = await tempArchive();
    try {
      expect(triggers(archive.ctx)).toEqual(triggers(fresh.ctx));
    } finally {
      await fresh.close();
    }
    const {
      ids: [id],
    } = await archive.ctx.write.transaction((trx) =>
      insertRecords(archive.ctx, trx, [{ communityId: 1, affair: '居务', kind: '居民会议', title: '导入后新增的丙丁一件', date: '2025-03-05' }]),
    );
    expect(id).not.toBeNull();
    expect(await searchIds(archive.ctx, '丙丁')).toEqual([id]);
    expect(await searchIds(archive.ctx, '新增的丙丁')).toEqual([id]);
  });

  it('a later edit is found by its new words only', async () => {
    const [id] = await searchIds(archive.ctx, `第${cjk(20_499)}件`);
    await updateRecord(archive.ctx, id!, { title: '导入后改过的独特题名甲乙' });
    expect(await searchIds(archive.ctx, '独特题名')).toEqual([id]);
    expect(await searchIds(archive.ctx, '甲乙')).toEqual([id]);
    expect(await searchIds(archive.ctx, `第${cjk(20_499)}件`)).toEqual([]);
  });
});
