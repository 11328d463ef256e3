// Hundreds of randomly corrupted variants of a good workbook (seeded, so a failure reproduces):
// junk cells, lost headers, title rows, renamed sheets, truncated files, flipped bytes — as .xlsx,
// and as .xls and .ods (written by SheetJS) and .zip bundles with a scan. None may crash (only a
// result or a SanwuError) and none may half-write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { importWorkbooks } from '../../src/main/core/import/import';
import { isSanwuError } from '../../src/shared/errors';
import { tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { COMMUNITY_HEADERS, RECORD_HEADERS, ROSTER_HEADERS, recordRow, writeBook, writeFile, type BookSpec, type Cell } from './fixtures';
import { hasOpenpyxl, pythonZip, sheetjsBook, type Value } from './writers';

const VARIANTS = 300;
/** .xls, .ods and .zip variants each (SheetJS reads in a worker: fewer, or the suite slows) */
const OTHER_VARIANTS = 24;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: Cell[] = [
  '', '   ', '2025-13-01', '3/5/2025', '25.3.5', '2025-02-30', 'abc', -1, 1e15, 0.001, true, '１２', '2万', '两万', '2,00',
  '../../etc/passwd', '附件/none.pdf', 'x'.repeat(600), '桃源社区', '梅园社区', '党务', '财务', '永久', '长期', '会计凭证',
  { error: '#N/A' }, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'A1', result: undefined as unknown as number },
  { richText: [{ text: '甲' }, { text: '乙' }] }, new Date(Date.UTC(1800, 0, 1)), new Date(Date.UTC(2025, 5, 1)), 45721, 20250305,
];

function goodSpec(): BookSpec {
  return {
    档案登记: [
      RECORD_HEADERS,
      ...Array.from({ length: 8 }, (_, i) =>
        recordRow({ 题名: `第${i}件`, 成文日期: `2025-${(i % 12) + 1}-${(i % 27) + 1}`, 收入金额: i % 3 === 0 ? '1,000.50' : null, 附件: i === 0 ? '附件/a.pdf' : null }),
      ),
    ],
    社区概况: [COMMUNITY_HEADERS, ['梅园社区', 'S102', '农村', 800, 2000, 1.1, 5, 200, 40]],
    人员与组织: [ROSTER_HEADERS, ['桃源社区', '法律顾问', '张律师', '2024-01-01', null, null], ['梅园社区', '志愿者队伍', '梅园志愿队', null, null, null]],
  };
}

function corrupt(spec: BookSpec, rnd: () => number): BookSpec {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: BookSpec = Object.fromEntries(Object.entries(spec).map(([k, rows]) => [k, rows.map((r) => [...r])]));
  for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
    const name = pick(Object.keys(out));
    const rows = out[name]!;
    switch (Math.floor(rnd() * 7)) {
      case 0:
      case 1: {
        const row = rows[1 + Math.floor(rnd() * Math.max(1, rows.length - 1))];
        if (row) row[Math.floor(rnd() * row.length)] = pick(JUNK);
        break;
      }
      case 2:
        if (rows[0]) rows[0][Math.floor(rnd() * rows[0].length)] = pick(['', '题 名', '日期', null]);
        break;
      case 3:
        rows.splice(Math.floor(rnd() * rows.length), 1);
        break;
      case 4:
        rows.unshift([`${name}（2025年）`]);
        break;
      case 5:
        out[pick(['Sheet1', `${name} `, '档案'])] = rows;
        delete out[name];
        break;
      case 6:
        rows.splice(1 + Math.floor(rnd() * rows.length), 0, [], RECORD_HEADERS.map(() => pick(JUNK)));
        break;
    }
  }
  return out;
}

function damageBytes(good: Buffer, rnd: () => number): Buffer {
  if (rnd() < 0.4) return good.subarray(0, Math.floor(rnd() * good.length));
  const bad = Buffer.from(good);
  for (let n = 1 + Math.floor(rnd() * 8); n > 0; n--) bad[Math.floor(rnd() * bad.length)] = Math.floor(rnd() * 256);
  return bad;
}

let a: TestArchive;
let dir: string;
let good: Buffer;
beforeAll(async () => {
  a = await tempArchive();
  dir = join(a.dir, 'mutants');
  writeFile(dir, '附件/a.pdf', '%PDF-1.4 a');
  good = readFileSync(await writeBook(join(dir, 'good.xlsx'), goodSpec()));
});
afterAll(async () => {
  await a.close();
});

type Outcomes = { ok: number; refused: number; sanwuError: number };

/** Imports one variant in one of the three modes; checks it wrote all it said or nothing. */
async function tryVariant(file: string, i: number, outcomes: Outcomes): Promise<void> {
  const mode = [{}, { skipInvalid: true }, { dryRun: true }][i % 3]!;
  const before = tableCounts(a.ctx);
  try {
    const r = await importWorkbooks(a.ctx, { files: [file], ...mode });
    const after = tableCounts(a.ctx);
    if (!r.ok || 'dryRun' in mode) {
      expect(after, `variant ${file}`).toEqual(before);
    } else {
      expect(after.records! - before.records!, `variant ${file}`).toBe(r.imported.records);
      expect(after.roster! - before.roster!, `variant ${file}`).toBe(r.imported.roster);
      expect(after.attachments! - before.attachments!, `variant ${file}`).toBe(r.imported.attachments);
    }
    if (!r.ok) expect(r.errors.length, `variant ${file}`).toBeGreaterThan(0);
    outcomes[r.ok ? 'ok' : 'refused']++;
  } catch (e) {
    if (!isSanwuError(e)) throw new Error(`variant ${file} crashed: ${(e as Error).stack}`);
    expect(tableCounts(a.ctx), `variant ${file}`).toEqual(before);
    outcomes.sanwuError++;
  }
}

/** exceljs cell values as SheetJS writes them: dates, and rich text / formulas / errors by their text. */
function asValue(c: Cell): Value {
  if (c instanceof Date) return { date: c.toISOString().slice(0, 10) };
  if (c === null || c === undefined || typeof c !== 'object') return (c ?? null) as Value;
  if ('richText' in c) return c.richText.map((r) => r.text).join('');
  if ('error' in c) return String(c.error);
  return 'result' in c && (typeof c.result === 'string' || typeof c.result === 'number') ? c.result : null;
}

const asSheets = (spec: BookSpec) => Object.entries(spec).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map(asValue)) }));

describe('mutation', () => {
  it(`survives ${VARIANTS} corrupted workbooks without crashing or half-writing`, async () => {
    const rnd = prng(20251121);
    const outcomes = { ok: 0, refused: 0, sanwuError: 0 };
    for (let i = 0; i < VARIANTS; i++) {
      const file = join(dir, `m${i}.xlsx`);
      if (i % 2 === 0) writeFileSync(file, damageBytes(good, rnd));
      else await writeBook(file, corrupt(goodSpec(), rnd));
      await tryVariant(file, i, outcomes);
    }
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
    // the generator really produces both kinds, or the test proves nothing
    expect(outcomes.ok).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(100);
  });

  it.each([['xls'], ['ods'], ['zip']] as const)(`survives ${OTHER_VARIANTS} corrupted .%s inputs`, async (format) => {
    if (format === 'zip' && !hasOpenpyxl) return;
    const rnd = prng(format.charCodeAt(0) * 7919);
    const outcomes = { ok: 0, refused: 0, sanwuError: 0 };
    const write = async (file: string, spec: BookSpec) => {
      if (format === 'xls' || format === 'ods') return sheetjsBook(file, asSheets(spec), format === 'xls' ? 'biff8' : 'ods');
      const inner = await writeBook(`${file}.xlsx`, spec);
      return pythonZip(file, [{ name: '报送/台账.xlsx', file: inner }, { name: '报送/附件/a.pdf', text: '%PDF-1.4 a' }]);
    };
    const goodFile = await write(join(dir, `good.${format}`), goodSpec());
    const goodBytes = readFileSync(goodFile);
    for (let i = 0; i < OTHER_VARIANTS; i++) {
      const file = join(dir, `m${i}.${format}`);
      if (i % 2 === 0) writeFileSync(file, damageBytes(goodBytes, rnd));
      else await write(file, corrupt(goodSpec(), rnd));
      await tryVariant(file, i, outcomes);
    }
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(2);
    expect(outcomes.refused).toBeGreaterThan(8);
  }, 300_000);

  it('still imports the undamaged workbook afterwards, exactly once', async () => {
    const file = join(dir, 'good-again.xlsx');
    writeFileSync(file, good);
    const first = await importWorkbooks(a.ctx, { files: [file] });
    expect(first.ok).toBe(true);
    const second = await importWorkbooks(a.ctx, { files: [file] });
    expect(second).toMatchObject({ ok: true, imported: { records: 0, roster: 0, communities: 0, attachments: 0 }, duplicates: 10 });
  });
});

