// `npm run bench -- import`: 100,000-row workbooks written by other software — openpyxl (Debian's
// python3-openpyxl, write-only mode, as pandas writes) and exceljs — imported, against the PHYSICAL floor
// measured in the same run: a streaming read of the same file (exceljs's stock streaming reader) plus a
// bare insert of the same rows into a plain table without indexes or triggers. Also 100,000 rows of
// .xls as five files of 20,000 (a BIFF8 sheet holds at most 65,536 rows, and SheetJS holds a whole
// .xls at ~6 KB a row, so its worker's heap limit admits about 25,000 rows a file: read/sheetjs.ts),
// written by SheetJS, against SheetJS's own read of them plus the plain insert. Each import runs in a
// child process so that its peak RSS is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { round, timed } from './measure';

const ROWS = Number(process.env.SANWU_BENCH_IMPORT_ROWS ?? 100_000);
const HEADERS = ['社区', '类别', '事项', '题名', '责任者', '文号', '成文日期', '公开日期', '公开形式', '页数', '保管期限', '收入金额', '支出金额', '资金类别', '备注', '附件'];
const COMMUNITIES = [
  { code: 'S101', name: '桃源社区' },
  { code: 'S102', name: '梅园社区' },
];
const KINDS = [
  ['居务', '居务监督委员会例会'],
  ['党务', '主题党日'],
  ['财务', '惠民资金公开'],
] as const;

/** Row i of every benchmark workbook (dates as real dates). */
function row(i: number): unknown[] {
  const [affair, kind] = KINDS[i % 3]!;
  const community = COMMUNITIES[i % 2]!.name;
  const money = affair === '财务';
  return [
    community, affair, kind, `${kind}第${i}次会议记录与公开事项`, `${community}居民委员会`, `居〔2025〕${i}号`,
    new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), i % 4 === 0 ? '2025-12-20' : null, '公开栏', 1 + (i % 9), null,
    money ? '20,000.00' : null, money ? 1234.5 : null, money ? '惠民资金' : null, `第${i}行`, null,
  ];
}

async function exceljsWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = book.addWorksheet('档案登记');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) {
    const r = ws.addRow(row(i));
    r.getCell(7).numFmt = 'yyyy-mm-dd';
    r.commit();
  }
  ws.commit();
  await book.commit();
}

const OPENPYXL = `
import sys, datetime
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
rows = int(sys.argv[2])
kinds = [('居务', '居务监督委员会例会'), ('党务', '主题党日'), ('财务', '惠民资金公开')]
communities = ['桃源社区', '梅园社区']
wb = Workbook(write_only=True)
ws = wb.create_sheet('档案登记')
ws.append(${JSON.stringify(HEADERS)})
for i in range(rows):
    affair, kind = kinds[i % 3]
    c = communities[i % 2]
    money = affair == '财务'
    d = WriteOnlyCell(ws, value=datetime.date(2025, i % 12 + 1, 1 + i % 28))
    d.number_format = 'yyyy-mm-dd'
    ws.append([c, affair, kind, f'{kind}第{i}次会议记录与公开事项', f'{c}居民委员会', f'居〔2025〕{i}号', d,
               '2025-12-20' if i % 4 == 0 else None, '公开栏', 1 + i % 9, None,
               '20,000.00' if money else None, 1234.5 if money else None, '惠民资金' if money else None, f'第{i}行', None])
wb.save(sys.argv[1])
`;

function openpyxlWorkbook(path: string): void {
  execFileSync('/usr/bin/python3', ['-c', OPENPYXL, path, String(ROWS)], { stdio: 'pipe' });
}

const XLS_ROWS = 20_000;

/** .xls files of 20,000 rows each, written by SheetJS (BIFF8). */
function xlsWorkbooks(dir: string): string[] {
  return Array.from({ length: Math.ceil(ROWS / XLS_ROWS) }, (_, part) => {
    const rows = Array.from({ length: Math.min(XLS_ROWS, ROWS - part * XLS_ROWS) }, (_, i) => row(part * XLS_ROWS + i));
    const ws = XLSX.utils.aoa_to_sheet([HEADERS, ...rows], { cellDates: true, dateNF: 'yyyy-mm-dd' });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '档案登记');
    const path = join(dir, `导入-${part + 1}.xls`);
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    return path;
  });
}

type FloorRow = [number, string, string, string, string, string, string];

const asFloorRow = (v: readonly unknown[]): FloorRow => [
  v[1] === '桃源社区' ? 1 : 2, String(v[2]), String(v[3]), String(v[4]), String(v[5]), String(v[6]),
  v[7] instanceof Date ? v[7].toISOString().slice(0, 10) : String(v[7]),
];

/** The library floor: exceljs's stock streaming reader, every row kept for the insert. */
async function exceljsRead(path: string): Promise<FloorRow[]> {
  const rows: FloorRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const ws of reader) {
    for await (const r of ws) if (r.number > 1) rows.push(asFloorRow(r.values as unknown[]));
  }
  return rows;
}

function sheetjsRead(paths: string[]): FloorRow[] {
  return paths.flatMap((p) => {
    const wb = XLSX.read(readFileSync(p), { type: 'buffer', dense: true, cellDates: true });
    const data = (wb.Sheets[wb.SheetNames[0]!] as unknown as { '!data': { v: unknown }[][] })['!data'];
    return data.slice(1).map((cells) => asFloorRow([undefined, ...cells.map((c) => c?.v)]));
  });
}

function plainInsert(file: string, rows: FloorRow[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE records (community_id INTEGER, affair TEXT, kind TEXT, title TEXT, responsible TEXT, doc_number TEXT, date TEXT)');
  const st = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) st.run(...r);
  })();
  db.close();
}

const CHILD = `
  const { openArchive, closeArchive } = await import(process.env.ROOT + '/src/main/core/archive.ts');
  const { saveCommunity } = await import(process.env.ROOT + '/src/main/core/communities/repository.ts');
  const { importWorkbooks } = await import(process.env.ROOT + '/src/main/core/import/import.ts');
  const ctx = await openArchive(process.env.DB, { create: true });
  for (const c of JSON.parse(process.env.COMMUNITIES)) await saveCommunity(ctx, c);
  const t0 = performance.now();
  const r = await importWorkbooks(ctx, { files: JSON.parse(process.env.FILES) });
  const ms = performance.now() - t0;
  await closeArchive(ctx);
  // VmHWM, not maxRSS: Linux carries maxRSS over from the parent across fork and exec
  const hwm = Number(/VmHWM:\\s+(\\d+)/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'))[1]);
  console.log(JSON.stringify({ ms, ok: r.ok, records: r.imported.records, errors: r.errors.length, peakRssMb: hwm / 1024 }));
`;

interface ImportRun {
  ms: number;
  ok: boolean;
  records: number;
  errors: number;
  peakRssMb: number;
}

function ourImport(files: string[], db: string): ImportRun {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: root,
    env: { ...process.env, ROOT: root, DB: db, FILES: JSON.stringify(files), COMMUNITIES: JSON.stringify(COMMUNITIES) },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`import child failed: ${res.stderr}`);
  const run = JSON.parse(res.stdout.trim().split('\n').pop()!) as ImportRun;
  if (!run.ok || run.records !== ROWS) throw new Error(`import refused the benchmark workbook: ${JSON.stringify(run)}`);
  return run;
}

/** One workbook against its floor: read + plain insert, then our import (alternating, median of `rounds`). */
async function measure(name: string, dir: string, files: string[], read: () => Promise<FloorRow[]> | FloorRow[], rounds: number) {
  const floors: number[] = [];
  const ours: ImportRun[] = [];
  for (let i = 0; i < rounds; i++) {
    globalThis.gc?.();
    const r = await timed(read);
    if (r.value.length !== ROWS) throw new Error(`${name}: the floor read ${r.value.length} rows`);
    const p = await timed(() => plainInsert(join(dir, `${name}-plain-${i}.sqlite`), r.value));
    floors.push(r.ms + p.ms);
    ours.push(ourImport(files, join(dir, `${name}-ours-${i}`)));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratios = ours.map((o, i) => o.ms / floors[i]!);
  return {
    [`${name}FloorMs`]: Math.round(median(floors)),
    [`${name}ImportMs`]: Math.round(median(ours.map((o) => o.ms))),
    [`${name}Ratio`]: round(median(ratios)),
    [`${name}Ratios`]: ratios.map((r) => round(r)).join(' '),
    [`${name}PeakRssMb`]: Math.round(Math.max(...ours.map((o) => o.peakRssMb))),
  };
}

/** SANWU_BENCH_IMPORT_ONLY=xls (or openpyxl, exceljs; comma-separated): measure only those. */
const only = (name: string) => !process.env.SANWU_BENCH_IMPORT_ONLY || process.env.SANWU_BENCH_IMPORT_ONLY.split(',').includes(name);

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-bench-import-'));
  const rounds = Number(process.env.SANWU_BENCH_ROUNDS ?? 3);
  try {
    const openpyxl = join(dir, `openpyxl-${ROWS}.xlsx`);
    openpyxlWorkbook(openpyxl);
    const exceljs = join(dir, `exceljs-${ROWS}.xlsx`);
    await exceljsWorkbook(exceljs);
    const xls = xlsWorkbooks(dir);
    return {
      rows: ROWS,
      openpyxlMb: round(statSync(openpyxl).size / 1048576),
      exceljsMb: round(statSync(exceljs).size / 1048576),
      ...(only('openpyxl') && (await measure('openpyxl', dir, [openpyxl], () => exceljsRead(openpyxl), rounds))),
      ...(only('exceljs') && (await measure('exceljs', dir, [exceljs], () => exceljsRead(exceljs), rounds))),
      ...(only('xls') && (await measure('xls', dir, xls, () => sheetjsRead(xls), rounds))),
      ratioTarget: 3,
      peakRssTargetMb: 500,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
