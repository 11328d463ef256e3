import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear, previewFiling } from '../../src/main/core/archival-codes/filing';
import { CODE_TEMPLATE_SETTING } from '../../src/main/core/archival-codes/template';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { createRecord, getRecord, insertRecords, voidRecord } from '../../src/main/core/records/repository';
import { setSetting } from '../../src/main/core/settings/store';
import type { RecordInput } from '../../src/shared/schemas';
import { countTables, ENGINES, rawQuery, tempArchive, type EngineName, type TestArchive } from '../helpers/archive';

let a: TestArchive;
function onEach(engine: EngineName): void {
  beforeEach(async () => {
    a = await tempArchive({
      engine,
      communities: [
        { code: 'S101', name: '桃源社区' },
        { code: 'S102', name: '幸福村', type: '农村' },
      ],
    });
  });
  afterEach(async () => {
    await a.close();
  });
}

const meeting = (date: string, communityId = 1): RecordInput => ({ communityId, affair: '居务', kind: '居务监督委员会例会', title: `居务监督委员会工作例会记录 ${date}`, date });
const party = (date: string, communityId = 1): RecordInput => ({ communityId, affair: '党务', kind: '三会一课', title: `党员大会记录 ${date}`, date });
const voucher = (date: string, communityId = 1): RecordInput => ({ communityId, affair: '财务', kind: '会计凭证', title: `记账凭证 ${date}`, date });

async function insert(rows: RecordInput[]): Promise<number[]> {
  return (await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows))).ids;
}

interface Filed {
  id: number;
  date: string;
  fonds_code: string;
  category_code: string;
  filing_year: number;
  retention_code: string;
  problem_code: string;
  item_no: number;
  archival_code: string;
  status: string;
}
const filed = (): Promise<Filed[]> =>
  rawQuery<Filed>(a.ctx, `SELECT id, date, fonds_code, category_code, filing_year, retention_code, problem_code, item_no, archival_code, status FROM records WHERE item_no IS NOT NULL ORDER BY id`);
const value = async (sql: string): Promise<number> => Number(Object.values((await rawQuery(a.ctx, sql))[0]!)[0]);
const cellsOf = (order = '') => rawQuery(a.ctx, `SELECT * FROM filing_cells ${order}`);

/** Every cell numbered 1..n without gaps, in date order (then id). */
function expectGapFreeCells(rows: Filed[]): void {
  const cells = new Map<string, Filed[]>();
  for (const r of rows) {
    const key = [r.fonds_code, r.category_code, r.filing_year, r.retention_code, r.problem_code].join('|');
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  for (const [key, items] of cells) {
    const numbers = items.map((r) => r.item_no).sort((x, y) => x - y);
    expect(numbers, key).toEqual(numbers.map((_, i) => i + 1));
  }
}

describe.each(ENGINES)('filing on %s', (engine) => {
  onEach(engine);
  it('numbers each cell in date order and renders the DA/T 22 档号 from separately stored parts', async () => {
    const [m2, m1, p1, v1, other] = await insert([meeting('2025-03-05'), meeting('2025-01-10'), party('2025-02-01'), voucher('2025-04-30'), meeting('2025-02-02', 2)]);
    const result = await fileYear(a.ctx, { year: 2025 });
    expect(result.filed).toBe(5);
    expect(result.cells).toEqual([
      { cell: 'S101-KU·2025-D30-CW', community: '桃源社区', from: 1, to: 1 },
      { cell: 'S101-WS·2025-D30-JW', community: '桃源社区', from: 1, to: 2 },
      { cell: 'S101-WS·2025-Y-DW', community: '桃源社区', from: 1, to: 1 },
      { cell: 'S102-WS·2025-D30-JW', community: '幸福村', from: 1, to: 1 },
    ]);
    expect((await getRecord(a.ctx, m1!)).archivalCode).toBe('S101-WS·2025-D30-JW-0001');
    expect((await getRecord(a.ctx, m2!)).archivalCode).toBe('S101-WS·2025-D30-JW-0002');
    expect((await getRecord(a.ctx, p1!)).archivalCode).toBe('S101-WS·2025-Y-DW-0001');
    expect((await getRecord(a.ctx, v1!)).archivalCode).toBe('S101-KU·2025-D30-CW-0001');
    const r = await getRecord(a.ctx, other!);
    expect(r).toMatchObject({ archivalCode: 'S102-WS·2025-D30-JW-0001', status: '在保', archivalParts: { fondsCode: 'S102', categoryCode: 'WS', year: 2025, retentionCode: 'D30', problemCode: 'JW', itemNo: 1 } });
    expect(await value('SELECT count(*) FROM records WHERE filed_at IS NULL')).toBe(0);
    const cells = await rawQuery(a.ctx, 'SELECT fonds_code, category_code, year, retention_code, problem_code, last_item_no FROM filing_cells ORDER BY 1, 2, 4, 5');
    expect(cells).toContainEqual({ fonds_code: 'S101', category_code: 'WS', year: 2025, retention_code: 'D30', problem_code: 'JW', last_item_no: 2 });
    expect(await value(`SELECT count(*) FROM audit_log WHERE action = 'file' AND entity = 'record'`)).toBe(5);
    // each counter's move is audited too, with its new state
    expect(await value(`SELECT count(*) FROM audit_log WHERE action = 'file' AND entity = 'filing_cell'`)).toBe(cells.length);
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
  });

  it('changes nothing when run twice', async () => {
    await insert([meeting('2025-03-05'), party('2025-02-01')]);
    await fileYear(a.ctx, { year: 2025 });
    const before = { rows: await filed(), counts: await countTables(a.ctx), cells: await cellsOf('ORDER BY 1, 2, 3, 4, 5') };
    const again = await fileYear(a.ctx, { year: 2025 });
    expect(again).toEqual({ filed: 0, cells: [] });
    expect({ rows: await filed(), counts: await countTables(a.ctx), cells: await cellsOf('ORDER BY 1, 2, 3, 4, 5') }).toEqual(before);
  });

  it('numbers late-filed items after the cell’s last number, never re-using one, even earlier-dated', async () => {
    await insert([meeting('2025-03-05'), meeting('2025-06-05')]);
    await fileYear(a.ctx, { year: 2025 });
    const [late] = await insert([meeting('2025-01-02')]);
    await fileYear(a.ctx, { year: 2025 });
    expect((await getRecord(a.ctx, late!)).archivalCode).toBe('S101-WS·2025-D30-JW-0003');
    expectGapFreeCells(await filed());
    const codes = (await filed()).map((r) => r.archival_code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('skips voided records, other years and, with --community, other communities', async () => {
    const [voided, , , mine] = await insert([meeting('2025-01-01'), meeting('2024-12-31'), meeting('2025-02-02', 2), meeting('2025-03-03')]);
    await voidRecord(a.ctx, voided!, '重复录入');
    const preview = await previewFiling(a.ctx, { year: 2025, community: '桃源社区' });
    expect(preview).toMatchObject([{ id: mine, archivalCode: 'S101-WS·2025-D30-JW-0001' }]);
    expect(preview).toHaveLength(1);
    expect(await filed()).toEqual([]);
    const result = await fileYear(a.ctx, { year: 2025, community: '桃源社区' });
    expect(result.filed).toBe(1);
    expect((await filed()).map((r) => r.id)).toEqual([mine]);
  });

  it('previews exactly what filing then gives, without writing', async () => {
    await insert([meeting('2025-03-05'), party('2025-02-01'), voucher('2025-01-01', 2), meeting('2025-03-05')]);
    const counts = await countTables(a.ctx);
    const preview = await previewFiling(a.ctx, { year: 2025 });
    expect(await countTables(a.ctx)).toEqual(counts);
    await fileYear(a.ctx, { year: 2025 });
    expect((await filed()).map((r) => ({ id: r.id, archivalCode: r.archival_code })).sort((x, y) => x.id - y.id)).toEqual(preview.map(({ id, archivalCode }) => ({ id, archivalCode })).sort((x, y) => x.id - y.id));
  });

  it('keeps every cell gap-free across many dates, communities and runs', async () => {
    const rows: RecordInput[] = [];
    for (let i = 0; i < 120; i++) {
      const date = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
      rows.push([meeting, party, voucher][i % 3]!(date, 1 + (i % 2)));
    }
    await insert(rows.slice(0, 70));
    await fileYear(a.ctx, { year: 2025 });
    await insert(rows.slice(70));
    await fileYear(a.ctx, { year: 2025 });
    const all = (await filed());
    expect(all).toHaveLength(120);
    expectGapFreeCells(all);
    // within the first run, numbers follow the dates
    const firstRun = all.filter((r) => r.id <= 70 && r.fonds_code === 'S101' && r.problem_code === 'JW').sort((x, y) => x.item_no - y.item_no);
    expect(firstRun.map((r) => r.date)).toEqual(firstRun.map((r) => r.date).sort());
  });

  it('uses the template from settings and refuses an unusable one, writing nothing', async () => {
    await insert([meeting('2025-03-05')]);
    await setSetting(a.ctx, CODE_TEMPLATE_SETTING, '{全宗号}-{年度}-{保管期限}-{问题}-{件号}');
    expect(await previewFiling(a.ctx, { year: 2025 })).toMatchObject([{ archivalCode: 'S101-2025-D30-JW-0001' }]);
    await setSetting(a.ctx, CODE_TEMPLATE_SETTING, '{全宗号}-{年份}-{件号}');
    const counts = await countTables(a.ctx);
    await expect(fileYear(a.ctx, { year: 2025 })).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('{年份}') })]) });
    expect(await countTables(a.ctx)).toEqual(counts);
    expect(await filed()).toEqual([]);
  });

  it('refuses an unknown community in Chinese', async () => {
    await expect(fileYear(a.ctx, { year: 2025, community: '不存在社区' })).rejects.toThrow(/没有名为“不存在社区”的社区/);
  });

  it('cancels without writing anything', async () => {
    await insert([meeting('2025-03-05'), party('2025-02-01')]);
    const counts = await countTables(a.ctx);
    const controller = new AbortController();
    controller.abort();
    await expect(fileYear(a.ctx, { year: 2025 }, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await countTables(a.ctx)).toEqual(counts);
    expect(await filed()).toEqual([]);
    expect(await value('SELECT count(*) FROM filing_cells')).toBe(0);
  });

  it('reports progress up to the total', async () => {
    await insert([meeting('2025-03-05'), party('2025-02-01')]);
    const seen: number[] = [];
    await fileYear(a.ctx, { year: 2025 }, { onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(2);
  });

  it('a filed record keeps its number: createRecord afterwards gets the next one', async () => {
    await createRecord(a.ctx, meeting('2025-05-05'));
    await fileYear(a.ctx, { year: 2025 });
    const r = await createRecord(a.ctx, meeting('2025-05-06'));
    await fileYear(a.ctx, { year: 2025 });
    expect((await getRecord(a.ctx, r.id)).archivalParts?.itemNo).toBe(2);
  });
});

describe.each(ENGINES)('filing on %s with a template that cannot tell cells apart', (engine) => {
  onEach(engine);
  it('refuses with CONFLICT in Chinese and writes nothing', async () => {
    await insert([meeting('2025-03-05'), party('2025-03-05')]);
    await setSetting(a.ctx, CODE_TEMPLATE_SETTING, '{全宗号}-{年度}-{保管期限}-{件号}');
    // 居务 and 党务 both give item 1 of D30/Y cells — make them share retention so codes collide
    await rawQuery(a.ctx, `UPDATE records SET retention = '定期30年'`);
    const counts = await countTables(a.ctx);
    await expect(fileYear(a.ctx, { year: 2025 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('S101-2025-D30-0001') });
    expect(await countTables(a.ctx)).toEqual(counts);
    expect(await filed()).toEqual([]);
  });
});
