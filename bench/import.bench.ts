// `npm run bench -- import`: a 100,000-row workbook imported, against the floor measured in the
// same run — exceljs's stock streaming reader reading the same file plus a bare better-sqlite3
// prepared insert of the same rows into a fresh archive's records table (same schema, indexes and
// FTS trigger, one transaction). For reference also the insert into a plain table without indexes
// or FTS. Our import runs in a child process so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { saveCommunity } from '../src/main/core/communities/repository';
import { round, timed } from './measure';
import { raw } from '../test/helpers/archive';

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

async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = book.addWorksheet('档案登记');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) {
    const [affair, kind] = KINDS[i % 3]!;
    const date = new Date(Date.UTC(2025, i % 12, 1 + (i % 28)));
    const row = ws.addRow([
      COMMUNITIES[i % 2]!.name, affair, kind, `${kind}第${i}次会议记录与公开事项`, `${COMMUNITIES[i % 2]!.name}居民委员会`, `居〔2025〕${i}号`,
      date, i % 4 === 0 ? '2025-12-20' : null, '公开栏', 1 + (i % 9), null,
      affair === '财务' ? '20,000.00' : null, affair === '财务' ? 1234.5 : null, affair === '财务' ? '惠民资金' : null, `第${i}行`, null,
    ]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await book.commit();
}

type FloorRow = [number, string, string, string, string, string, string];

async function floorRead(path: string): Promise<FloorRow[]> {
  const rows: FloorRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const ws of reader) {
    for await (const row of ws) {
      if (row.number === 1) continue;
      const v = row.values as unknown[];
      rows.push([v[1] === '桃源社区' ? 1 : 2, String(v[2]), String(v[3]), String(v[4]), String(v[5]), String(v[6]), (v[7] as Date).toISOString().slice(0, 10)]);
    }
  }
  return rows;
}

async function floorInsert(dir: string, rows: FloorRow[]): Promise<void> {
  const ctx = await openArchive(dir, { create: true });
  for (const c of COMMUNITIES) await saveCommunity(ctx, c);
  const st = raw(ctx).prepare(
    `INSERT INTO records (community_id, affair, kind, title, responsible, doc_number, date, retention, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '定期30年', 'x', 'x')`,
  );
  raw(ctx).transaction(() => {
    for (const r of rows) st.run(...r);
  })();
  await closeArchive(ctx);
}

function plainInsert(file: string, rows: FloorRow[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
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
  const r = await importWorkbooks(ctx, { files: [process.env.FILE] });
  const ms = performance.now() - t0;
  await closeArchive(ctx);
  console.log(JSON.stringify({ ms, ok: r.ok, records: r.imported.records, errors: r.errors.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

function ourImport(file: string, db: string): { ms: number; ok: boolean; records: number; errors: number; peakRssMb: number } {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: root,
    env: { ...process.env, ROOT: root, DB: db, FILE: file, COMMUNITIES: JSON.stringify(COMMUNITIES) },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`import child failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-bench-import-'));
  try {
    const file = join(dir, `导入${ROWS}.xlsx`);
    await writeWorkbook(file);
    const read = await timed(() => floorRead(file));
    const insert = await timed(() => floorInsert(join(dir, 'floor'), read.value));
    const plain = await timed(() => plainInsert(join(dir, 'plain.sqlite'), read.value));
    const ours = ourImport(file, join(dir, 'ours'));
    if (!ours.ok || ours.records !== ROWS) throw new Error(`import refused the benchmark workbook: ${JSON.stringify(ours)}`);
    const floorMs = read.ms + insert.ms;
    return {
      rows: ROWS,
      workbookMb: round(statSync(file).size / 1024 / 1024),
      floorReadMs: Math.round(read.ms),
      floorInsertMs: Math.round(insert.ms),
      floorMs: Math.round(floorMs),
      importMs: Math.round(ours.ms),
      ratio: round(ours.ms / floorMs),
      ratioTarget: 3,
      plainTableInsertMs: Math.round(plain.ms),
      ratioToReadPlusPlainInsert: round(ours.ms / (read.ms + plain.ms)),
      importPeakRssMb: Math.round(ours.peakRssMb),
      peakRssTargetMb: 500,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
