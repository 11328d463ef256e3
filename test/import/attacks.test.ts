// Hostile and broken input, as an attack run found it: each is refused whole with a Chinese message
// naming the file, writes nothing, and (for the bombs, run in a child process) stays within 500 MB.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../src/main/core/import/import';
import type { ImportResult } from '../../src/shared/import';
import { tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { RECORD_HEADERS, recordRow, recordsBook } from './fixtures';
import { sheetjsBook, type Value } from './writers';

let a: TestArchive;
let dir: string;
let good: string;
beforeAll(async () => {
  a = await tempArchive();
  dir = a.dir;
  good = await recordsBook(join(dir, 'good.xlsx'), Array.from({ length: 1000 }, (_, i) => recordRow({ 题名: `第${i}件会议记录` })));
});
afterAll(() => a.close());

async function refusedWhole(file: string): Promise<ImportResult> {
  const before = tableCounts(a.ctx);
  const r = await importWorkbooks(a.ctx, { files: [file] });
  expect(r.ok).toBe(false);
  expect(r.imported).toEqual({ records: 0, communities: 0, roster: 0, attachments: 0 });
  expect(tableCounts(a.ctx)).toEqual(before);
  return r;
}

/** The good workbook with one part replaced, re-zipped by JSZip (valid CRCs). */
async function withPart(name: string, part: string, content: string | Buffer | ((old: string) => string)): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(good));
  const old = await zip.file(part)!.async('string');
  zip.file(part, typeof content === 'function' ? content(old) : content);
  const out = join(dir, name);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

describe('damaged parts with valid CRCs', () => {
  it.each([0.3, 0.5, 0.99])('refuses a worksheet cut off at %s (re-zipped, valid CRC)', async (at) => {
    const file = await withPart(`cut-${at}.xlsx`, 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, Math.floor(xml.length * at)));
    const r = await refusedWhole(file);
    expect(r.errors).toEqual([
      { file: `cut-${at}.xlsx`, sheet: '档案登记', row: null, column: null, message: `无法读取“cut-${at}.xlsx”：文件已损坏或不完整（“xl/worksheets/sheet1.xml”的内容不完整或格式错误）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入` },
    ]);
  });

  it('refuses a worksheet cut right after a complete row', async () => {
    const file = await withPart('cut-row.xlsx', 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.indexOf('</row>', xml.length / 2) + 6));
    expect((await refusedWhole(file)).errors[0]!.message).toContain('内容不完整或格式错误');
  });

  it('refuses invalid UTF-8 inside a part instead of storing U+FFFD', async () => {
    const zip = await JSZip.loadAsync(readFileSync(good));
    const xml = Buffer.from(await zip.file('xl/sharedStrings.xml')!.async('nodebuffer'));
    const at = xml.indexOf(Buffer.from('会议记录'));
    xml[at + 1] = 0xff;
    zip.file('xl/sharedStrings.xml', xml);
    const file = join(dir, 'bad-utf8.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await refusedWhole(file)).errors[0]!.message).toBe(
      '无法读取“bad-utf8.xlsx”：文件已损坏或不完整（“xl/sharedStrings.xml”含有无效的文字编码）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入',
    );
  });

  it('refuses a reference to a shared string that does not exist', async () => {
    const file = await withPart('bad-ref.xlsx', 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<c r="D5"([^>]*)t="s"([^>]*)><v>\d+<\/v>/, '<c r="D5"$1t="s"$2><v>99999999</v>'));
    expect((await refusedWhole(file)).errors[0]!.message).toContain('引用了不存在的共享文字');
  });

  it('refuses a declared entity (no expansion, no billion laughs)', async () => {
    const file = await withPart('entity.xlsx', 'xl/sharedStrings.xml', (xml) => xml.replace('<sst', '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst').replace('会议记录', '&a;&a;'));
    expect((await refusedWhole(file)).errors[0]!.message).toContain('内容不完整或格式错误');
  });
});

describe('hidden sheets', () => {
  async function book(sheets: { name: string; state: 'visible' | 'hidden' | 'veryHidden'; title: string }[]): Promise<string> {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.state });
      ws.addRow(RECORD_HEADERS);
      ws.addRow(recordRow({ 题名: s.title }));
    }
    const file = join(dir, `hidden-${sheets.map((s) => s.state).join('-')}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('reads only the visible 档案登记; hidden and veryHidden copies (even " 档案登记 ") are ignored with a notice', async () => {
    const file = await book([
      { name: '档案登记', state: 'visible', title: '看得见的一件' },
      { name: ' 档案登记 ', state: 'hidden', title: '隐藏的一件' },
      { name: '档案登记 ', state: 'veryHidden', title: '深度隐藏的一件' },
    ]);
    const r = await importWorkbooks(a.ctx, { files: [file], dryRun: true });
    expect(r).toMatchObject({ ok: true, imported: { records: 1 } });
    expect(r.notices.map((n) => n.message)).toEqual([
      '工作表“ 档案登记 ”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入',
      '工作表“档案登记 ”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入',
    ]);
  });

  it('refuses a workbook whose only 档案登记 is hidden, saying so', async () => {
    const file = await book([{ name: '档案登记', state: 'veryHidden', title: '隐藏的一件' }]);
    expect((await refusedWhole(file)).errors[0]!.message).toBe('工作表“档案登记”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入');
  });
});

describe('formats that cannot be read', () => {
  it.each([
    ['WPS .et', '台账.et', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '“台账.et”是 WPS 表格专用格式（.et），无法直接导入。请在 WPS 中打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，保存后导入新文件'],
  ])('refuses %s with what to do', async (_what, name, bytes, message) => {
    writeFileSync(join(dir, name), bytes);
    expect((await refusedWhole(join(dir, name))).errors[0]!.message).toBe(message);
  });
});

// ---- bombs, each imported in a child process whose peak memory is measured ----

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = `
  const { openArchive, closeArchive } = await import(process.env.ROOT + '/src/main/core/archive.ts');
  const { importWorkbooks } = await import(process.env.ROOT + '/src/main/core/import/import.ts');
  const fs = await import('node:fs');
  const ctx = await openArchive(process.env.DB, { create: true });
  const r = await importWorkbooks(ctx, { files: [process.env.FILE] });
  const records = Number((await ctx.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  await closeArchive(ctx);
  const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
  console.log(JSON.stringify({ ok: r.ok, errors: r.errors.slice(0, 10).map((e) => e.message), records, peakMb: hwm / 1024 }));
`;

function importInChild(file: string): { ok: boolean; errors: string[]; records: number; peakMb: number } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ROOT, DB: join(dir, `child-${Math.random().toString(36).slice(2)}`), FILE: file },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (res.status !== 0) throw new Error(`child failed (${res.status} ${res.signal ?? ''} ${res.error?.message ?? ''}): ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

/**
 * An .xlsx whose sharedStrings part is `count` copies of `si`, built fast: one raw-deflated piece of
 * 10,000 copies ending on a sync flush is repeated (deflate pieces concatenate), so a 900 MB part costs
 * a second. `declaredSize` makes the zip directory lie about the inflated size.
 */
async function sharedStringsBomb(name: string, si: string, count: number, declaredSize?: number): Promise<string> {
  const base = await JSZip.loadAsync(readFileSync(good));
  const parts: { name: string; data: Buffer[]; size: number; crc: number }[] = [];
  for (const [path, entry] of Object.entries(base.files)) {
    if (entry.dir || path === 'xl/sharedStrings.xml') continue;
    const raw = await entry.async('nodebuffer');
    parts.push({ name: path, data: [deflateRawSync(raw)], size: raw.length, crc: crc32(raw) });
  }
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
  const unit = Buffer.from(si.repeat(10_000));
  const tail = Buffer.from('</sst>');
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const pieces = [flushed(head), ...Array.from({ length: count / 10_000 }, () => null), deflateRawSync(tail)];
  const piece = flushed(unit);
  let crc = crc32(head);
  for (let n = 0; n < count / 10_000; n++) crc = crc32(unit, crc);
  crc = crc32(tail, crc);
  parts.push({ name: 'xl/sharedStrings.xml', data: pieces.map((p) => p ?? piece), size: head.length + unit.length * (count / 10_000) + tail.length, crc });
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const p of parts) {
    const nameBytes = Buffer.from(p.name);
    const compressed = p.data.reduce((n, b) => n + b.length, 0);
    const size = p.name === 'xl/sharedStrings.xml' && declaredSize !== undefined ? declaredSize : p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(compressed, 20);
    dir.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(at, 42);
    out.push(local, nameBytes, ...p.data);
    central.push(dir, nameBytes);
    at += 30 + nameBytes.length + compressed;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(at, 16);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([...out, dirBytes, end]));
  return file;
}

describe('bombs stay within 500 MB and are refused early', () => {
  it('a shared-strings part inflating to 900 MB', async () => {
    const file = await sharedStringsBomb('bomb-900.xlsx', `<si><t>${'会议记录'.repeat(50)}</t></si>`, 1_500_000);
    const r = importInChild(file);
    expect(r).toMatchObject({ ok: false, records: 0 });
    expect(statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    expect(r.errors).toEqual(['“bomb-900.xlsx”中的“xl/sharedStrings.xml”解压后超过 512 MB，请拆分为多个工作簿后分别导入']);
    expect(r.peakMb).toBeLessThan(500);
  }, 240_000);

  it('the same bomb declaring a small size', async () => {
    const file = await sharedStringsBomb('bomb-lying.xlsx', `<si><t>${'会议记录'.repeat(50)}</t></si>`, 1_500_000, 1_000_000);
    const r = importInChild(file);
    expect(r.errors).toEqual(['无法读取“bomb-lying.xlsx”：文件已损坏或不完整（条目“xl/sharedStrings.xml”解压后比声明的大）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入']);
    expect(r.peakMb).toBeLessThan(500);
  }, 240_000);

  it('55 million tiny shared strings', async () => {
    const file = await sharedStringsBomb('bomb-tiny.xlsx', '<si><t>a</t></si>', 55_000_000);
    const r = importInChild(file);
    expect(r).toMatchObject({ ok: false, records: 0 });
    expect(r.errors).toEqual(['“bomb-tiny.xlsx”中的“xl/sharedStrings.xml”解压后超过 512 MB，请拆分为多个工作簿后分别导入']);
    expect(r.peakMb).toBeLessThan(500);
  }, 240_000);

  it('5 million tiny shared strings (within the part limit): refused by count', async () => {
    const file = await sharedStringsBomb('bomb-count.xlsx', '<si><t>a</t></si>', 5_000_000);
    const r = importInChild(file);
    expect(r.errors).toEqual(['“bomb-count.xlsx”含有超过 4,000,000 个不同的文字，请拆分为多个工作簿后分别导入']);
    expect(r.peakMb).toBeLessThan(500);
  }, 240_000);

  it('a 99 MB CSV with an unclosed quote', async () => {
    const file = join(dir, 'unclosed.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, `${RECORD_HEADERS.join(',')}\n桃源社区,居务,居务监督委员会例会,"题名没有结尾的引号,2025-03-05\n`);
    const line = Buffer.from(`${'桃源社区,居务,居务监督委员会例会,一件会议记录,2025-03-05,'.repeat(20)}\n`);
    for (let n = 0; n < (99 * 1024 * 1024) / line.length; n++) writeSync(fd, line);
    closeSync(fd);
    const r = importInChild(file);
    expect(r.errors).toEqual(['“unclosed.csv”第2行的引号没有配对（从这里起的内容都被当作一个单元格），请在该行检查多出或缺少的英文双引号后再导入']);
    expect(r.peakMb).toBeLessThan(500);
  }, 240_000);

  it('a 50,000-row .xls (read whole by SheetJS): refused, asking for an .xlsx', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => recordRow({ 题名: `第${i}件会议记录` }) as Value[]);
    const file = sheetjsBook(join(dir, 'large.xls'), [{ name: '档案登记', rows: [RECORD_HEADERS, ...rows] }], 'biff8');
    const r = importInChild(file);
    expect(r).toMatchObject({ ok: false, records: 0 });
    expect(r.errors).toEqual([
      '“large.xls”内容过多：旧版 .xls 和 .ods 文件须整个读入内存，一个文件约 2 万行（16 列）为限，请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入，或拆分为每个 2 万行以内的文件',
    ]);
    expect(r.peakMb).toBeLessThan(500);
  }, 480_000);

  it('.ods rows and columns repeated a million times', async () => {
    const ods = sheetjsBook(join(dir, 'base.ods'), [{ name: '档案登记', rows: [RECORD_HEADERS, recordRow() as Value[]] }], 'ods');
    const zip = await JSZip.loadAsync(readFileSync(ods));
    const content = await zip.file('content.xml')!.async('string');
    const cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>';
    for (const [name, repeated] of [
      ['rows.ods', `<table:table-row table:number-rows-repeated="1000000">${cell}</table:table-row>`],
      ['cols.ods', `<table:table-row table:number-rows-repeated="1000">${cell.replace('<table:table-cell', '<table:table-cell table:number-columns-repeated="16384"')}</table:table-row>`],
    ] as const) {
      zip.file('content.xml', content.replace('</table:table>', `${repeated}</table:table>`));
      writeFileSync(join(dir, name), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      const r = importInChild(join(dir, name));
      expect(r, name).toMatchObject({ ok: false, records: 0 });
      expect(r.errors.length, name).toBe(1);
      expect(r.peakMb, name).toBeLessThan(500);
    }
  }, 480_000);
});
