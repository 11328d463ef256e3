// One SheetJS worker for an import's .xls and .ods files, reading the next file ahead: each file gives
// its own rows whatever was read ahead, skipped or let go half-read; a file the worker cannot read (or
// that costs it its heap) is refused by name and the files after it are read by a fresh worker.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadFault } from '../../src/main/core/import/read/faults';
import { openWithSheetjs, SheetjsReader, sheetjsReaderFor } from '../../src/main/core/import/read/sheetjs';
import { RECORD_HEADERS, recordRow } from './fixtures';
import { sheetjsBook, type Value } from './writers';

let dir: string;
const file = (name: string, rows: number, bookType: 'biff8' | 'ods' = 'biff8') =>
  sheetjsBook(join(dir, name), [{ name: '档案登记', rows: [RECORD_HEADERS, ...Array.from({ length: rows }, (_, i) => recordRow({ 题名: `${name}第${i}件` }) as Value[])] }], bookType);
let a: string, b: string, c: string, d: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanwu-sheetjs-'));
  a = file('a.xls', 40);
  b = file('b.ods', 30, 'ods');
  c = file('c.xls', 20);
  d = file('d.xls', 10);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = (p: string) => statSync(p).size;

/** The titles (column 4) of the first sheet, reading `limit` rows at most before closing. */
async function titles(reader: SheetjsReader, path: string, limit = Infinity): Promise<string[]> {
  const book = await reader.open(path, size(path));
  try {
    const out: string[] = [];
    for await (const r of book.sheets[0]!.rows) {
      if (out.length >= limit) break;
      out.push(String(r.values[4]));
    }
    return out;
  } finally {
    book.close();
  }
}

const expected = (name: string, rows: number) => ['题名', ...Array.from({ length: rows }, (_, i) => `${name}第${i}件`)];

const describeFault = async (p: Promise<unknown>, name: string) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ReadFault);
  return (e as ReadFault).describe(name);
};

describe('an import’s SheetJS reader', () => {
  it('reads each file ahead and gives each its own rows, in order', async () => {
    const reader = sheetjsReaderFor([a, join(dir, 'x.xlsx'), b, c, d]);
    try {
      expect(await titles(reader, a)).toEqual(expected('a.xls', 40));
      expect(await titles(reader, b)).toEqual(expected('b.ods', 30));
      expect(await titles(reader, c)).toEqual(expected('c.xls', 20));
      expect(await titles(reader, d)).toEqual(expected('d.xls', 10));
    } finally {
      reader.close();
    }
  });

  it('files read ahead and then skipped, or let go half-read, hold nothing back', async () => {
    const reader = sheetjsReaderFor([a, b, c]);
    try {
      // a and b, read ahead and never opened (say, .xlsx content under an .xls name), take the worker's
      // room: opening d, which was not expected, must let them go (and c, queued behind them)
      expect(await titles(reader, d)).toEqual(expected('d.xls', 10));
      // files not expected, each left after two rows: the room they took comes back each time
      for (const p of [a, b, c, a, b, c]) expect(await titles(reader, p, 2)).toEqual(expected(p.endsWith('.ods') ? 'b.ods' : p.slice(-5), 1));
    } finally {
      reader.close();
    }
  }, 20_000);

  it('a damaged file is refused by name; the files after it are read', async () => {
    const broken = join(dir, 'broken.xls');
    writeFileSync(broken, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 9)]));
    const reader = sheetjsReaderFor([a, broken, c]);
    try {
      expect(await titles(reader, a)).toEqual(expected('a.xls', 40));
      expect(await describeFault(titles(reader, broken), 'broken.xls')).toBe(
        '无法读取“broken.xls”：文件已损坏或不完整（无法识别其中的表格内容）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入',
      );
      expect(await titles(reader, c)).toEqual(expected('c.xls', 20));
    } finally {
      reader.close();
    }
  });

  it('a file beyond the worker’s heap, read ahead, costs that worker only: refused by name, the next read by a new one', async () => {
    // 40,000 rows of numbers as .ods (SheetJS writes a large .xls slowly)
    const sheet = XLSX.utils.aoa_to_sheet(Array.from({ length: 40_000 }, (_, r) => Array.from({ length: 16 }, (_, c) => r * 16 + c)), { dense: true });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '档案登记');
    const huge = join(dir, 'huge.ods');
    writeFileSync(huge, XLSX.write(book, { type: 'buffer', bookType: 'ods', compression: true }) as Buffer);
    const reader = sheetjsReaderFor([a, huge, c]);
    try {
      expect(await titles(reader, a)).toEqual(expected('a.xls', 40));
      expect(await describeFault(titles(reader, huge), 'huge.ods')).toMatch(/^“huge.ods”内容过多：旧版 .xls 和 .ods 文件须整个读入内存/);
      expect(await titles(reader, c)).toEqual(expected('c.xls', 20));
    } finally {
      reader.close();
    }
  }, 120_000);

  it('a cancel while a file is being read refuses it at once', async () => {
    const controller = new AbortController();
    const reader = new SheetjsReader(controller.signal);
    const opening = reader.open(a, size(a));
    controller.abort();
    await expect(opening).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(reader.open(c, size(c))).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('a file opened alone has a worker of its own, stopped when the file is closed', async () => {
    const book = await openWithSheetjs(c, size(c));
    const rows: unknown[] = [];
    for await (const r of book.sheets[0]!.rows) rows.push(r.values[4]);
    book.close();
    expect(rows).toEqual(expected('c.xls', 20));
  });
});
