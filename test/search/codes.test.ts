// Search by 档号: every displayed form of a code, and parts of it, find the item, exact first; the
// index covers the 档号 as displayed in both the trigram and the character-pair paths, also after the
// template changes and in an archive made before migration 0004.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { CODE_TEMPLATE_SETTING } from '../../src/main/core/archival-codes/template';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext } from '../../src/main/core/context';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { insertRecords } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { setSetting } from '../../src/main/core/settings/store';
import type { RecordInput } from '../../src/shared/schemas';
import { fixedClock, raw, tempArchive, tempDir, type TestArchive } from '../helpers/archive';

let a: TestArchive;

const meeting = (communityId: number, day: number, title = `居务监督委员会${day}日例会记录`): RecordInput => ({
  communityId, affair: '居务', kind: '居务监督委员会例会', title, date: `2025-03-${String(day).padStart(2, '0')}`,
});

/** The codes of what a query finds, in order. */
const codes = async (ctx: ArchiveContext, q: string, extra: object = {}) => (await searchRecords(ctx, { q, limit: 1000, ...extra })).records.map((r) => r.archivalCode ?? `#${r.title}`);

beforeAll(async () => {
  a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '杏园村', type: '农村' }] });
  const rows: RecordInput[] = [
    ...Array.from({ length: 14 }, (_, i) => meeting(2, i + 1)),
    meeting(1, 1),
    meeting(1, 2),
    { communityId: 1, affair: '党务', kind: '三会一课', title: '党员大会记录', date: '2025-04-01', docNumber: '桃党发〔2025〕14号' },
    { communityId: 1, affair: '财务', kind: '财务收支公开', title: '第一季度财务收支公开', date: '2025-04-02' },
  ];
  await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
  await fileYear(a.ctx, { year: 2025 });
  // an unfiled record whose title holds a code-like text
  await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, [{ ...meeting(1, 20, '关于S101-WS档案的说明'), date: '2025-05-01' }]));
});
afterAll(async () => {
  await a.close();
});

describe('searching by 档号', () => {
  it('finds the item by its full code as displayed, and as typed with other separators or widths', async () => {
    for (const q of ['S102-WS·2025-D30-JW-0014', 's102-ws·2025-d30-jw-0014', 'S102-WS.2025-D30-JW-0014', 'S102-WS-2025-D30-JW-0014', 'Ｓ１０２－ＷＳ·２０２５－Ｄ３０－ＪＷ－００１４']) {
      expect(await codes(a.ctx, q), q).toEqual(['S102-WS·2025-D30-JW-0014']);
    }
  });

  it('finds every item of a fonds, of a fonds and category, and of a cell, code parts first', async () => {
    const s101 = await codes(a.ctx, 'S101');
    expect(s101.slice(0, 4).sort()).toEqual(['S101-WS·2025-D10-CW-0001', 'S101-WS·2025-D30-JW-0001', 'S101-WS·2025-D30-JW-0002', 'S101-WS·2025-Y-DW-0001'].sort());
    // the title mentioning S101 comes after the items whose 全宗号 it is
    expect(s101).toEqual([...s101.slice(0, 4), '#关于S101-WS档案的说明']);
    expect((await codes(a.ctx, 'S101-WS')).slice(0, 4)).toEqual(s101.slice(0, 4));
    expect(await codes(a.ctx, 'S102-WS·2025-D30-JW')).toHaveLength(14);
    expect(await codes(a.ctx, 'D30-JW-0014')).toEqual(['S102-WS·2025-D30-JW-0014']);
  });

  it('finds a 件号 across fonds, exact 档号 before other matches', async () => {
    const first = await codes(a.ctx, '0001');
    expect(first.sort()).toEqual(['S101-WS·2025-D10-CW-0001', 'S101-WS·2025-D30-JW-0001', 'S101-WS·2025-Y-DW-0001', 'S102-WS·2025-D30-JW-0001']);
    expect(await codes(a.ctx, '0014')).toEqual(['S102-WS·2025-D30-JW-0014']);
  });

  it('matches 2-character and 1-character pieces of a code through the character-pair index and LIKE', async () => {
    expect((await codes(a.ctx, 'CW')).sort()).toEqual(['S101-WS·2025-D10-CW-0001']);
    expect((await codes(a.ctx, 'DW'))).toEqual(['S101-WS·2025-Y-DW-0001']);
    expect(await codes(a.ctx, '·', { community: '桃源社区' })).toHaveLength(4);
  });

  it('finds the 文号 as displayed in both paths', async () => {
    expect(await codes(a.ctx, '桃党发〔2025〕14号')).toEqual(['S101-WS·2025-Y-DW-0001']);
    expect(await codes(a.ctx, '党发')).toEqual(['S101-WS·2025-Y-DW-0001']);
  });

  it('treats hostile code-like terms as plain text, finding nothing and never failing', async () => {
    for (const q of ['9'.repeat(200), Array(30).fill('S101').join('-'), 'S101--WS', '-0001', '0001-', 'S101·', "S101'-WS", 'S101-WS" OR 1=1', '1e308', 'NaN-0001']) {
      const r = await searchRecords(a.ctx, { q, limit: 5 });
      expect(r.records.every((x) => x.archivalCode === null || x.archivalCode.includes('0001') || x.archivalCode.startsWith('S101')), q).toBe(true);
    }
    expect((await searchRecords(a.ctx, { q: '9'.repeat(200) })).total).toBe(0);
    expect((await searchRecords(a.ctx, { q: Array(30).fill('S101').join('-') })).total).toBe(0);
    expect((await searchRecords(a.ctx, { q: 'S101-WS" OR 1=1' })).total).toBe(0);
  });

  it('counts code matches whatever the page', async () => {
    const page = await searchRecords(a.ctx, { q: 'S102', limit: 5, offset: 5 });
    expect(page.total).toBe(14);
    expect(page.records).toHaveLength(5);
  });
});

describe('the 档号 index follows the stored code', () => {
  it('when a code is changed or cleared behind the app (direct SQL), in both paths, old entry out before the new one in', async () => {
    const [id] = (await searchRecords(a.ctx, { q: 'S102-WS·2025-D30-JW-0013' })).records.map((r) => r.id);
    raw(a.ctx).prepare(`UPDATE records SET archival_code = 'S102-WS·2025-D30-JW-9913' WHERE id = ?`).run(id);
    expect(await codes(a.ctx, 'JW-9913')).toEqual(['S102-WS·2025-D30-JW-9913']);
    expect(await codes(a.ctx, '99')).toEqual(['S102-WS·2025-D30-JW-9913']);
    // the old code's text is gone from the index; its parts (件号 13) still find the item
    const inIndex = (text: string) => raw(a.ctx).prepare('SELECT count(*) FROM records_code_fts WHERE records_code_fts MATCH ?').pluck().get(`"${text}"`);
    expect(inIndex('JW-0013')).toBe(0);
    expect(await codes(a.ctx, 'JW-0013')).toEqual(['S102-WS·2025-D30-JW-9913']);
    raw(a.ctx).prepare(`UPDATE records SET archival_code = 'S102-WS·2025-D30-JW-0013' WHERE id = ?`).run(id);
    expect(inIndex('JW-9913')).toBe(0);
    expect(await codes(a.ctx, '99')).toEqual([]);
    expect(await codes(a.ctx, 'JW-0013')).toEqual(['S102-WS·2025-D30-JW-0013']);
    raw(a.ctx).prepare(`UPDATE records SET archival_code = NULL WHERE id = ?`).run(id);
    expect(inIndex('S102-WS·2025-D30-JW-0013')).toBe(0);
    raw(a.ctx).prepare(`UPDATE records SET archival_code = 'S102-WS·2025-D30-JW-0013' WHERE id = ?`).run(id);
    expect(inIndex('S102-WS·2025-D30-JW-0013')).toBe(1);
  });
});

describe('after the 档号 template changes', () => {
  it('finds the codes filed under the old template and the new one, by text and by parts', async () => {
    await setSetting(a.ctx, CODE_TEMPLATE_SETTING, '{全宗号}/{年度}/{保管期限}/{门类}{问题}/{件号}');
    await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, [{ ...meeting(1, 3), date: '2025-06-03' }]));
    await fileYear(a.ctx, { year: 2025 });
    expect(await codes(a.ctx, 'S101/2025/D30/WSJW/0003')).toEqual(['S101/2025/D30/WSJW/0003']);
    expect(await codes(a.ctx, 'S101-WS·2025-D30-JW-0001')).toEqual(['S101-WS·2025-D30-JW-0001']);
    // parts as the new template orders them find old and new codes alike (0003: the unfiled note, filed now)
    expect((await codes(a.ctx, 'S101-2025-D30')).sort()).toEqual(['S101-WS·2025-D30-JW-0001', 'S101-WS·2025-D30-JW-0002', 'S101/2025/D30/WSJW/0003', 'S101/2025/D30/WSJW/0004']);
  });
});

describe('an archive made before migration 0004', () => {
  it('has its existing 档号 indexed by the upgrade', async () => {
    const tmp = tempDir();
    const dir = join(tmp.dir, 'archive');
    try {
      const old = await openArchive(dir, { create: true, clock: fixedClock(), migrations: MIGRATIONS.slice(0, 2) });
      await saveCommunity(old, { code: 'S201', name: '梅园社区' });
      await old.write.transaction((trx) => insertRecords(old, trx, [meeting(1, 5)]));
      await fileYear(old, { year: 2025 });
      expect(raw(old).prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'records_code_fts'`).pluck().get()).toBe(0);
      await closeArchive(old);
      const ctx = await openArchive(dir, { clock: fixedClock() });
      try {
        expect(await codes(ctx, 'S201-WS·2025-D30-JW-0001')).toEqual(['S201-WS·2025-D30-JW-0001']);
        expect(raw(ctx).prepare(`SELECT count(*) FROM records_code_fts WHERE records_code_fts MATCH '"S201"'`).pluck().get()).toBe(1);
        expect(await codes(ctx, 'JW')).toEqual(['S201-WS·2025-D30-JW-0001']);
        expect(await codes(ctx, '5日例会')).toEqual(['S201-WS·2025-D30-JW-0001']);
      } finally {
        await closeArchive(ctx);
      }
    } finally {
      tmp.cleanup();
    }
  });
});
