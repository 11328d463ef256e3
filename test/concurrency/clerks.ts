// Several clerks at once on one archive, each its own process (clerk-process.ts), and what must hold
// when they are done: no 件号 given twice or skipped, an intact audit chain with no missing entry, no
// edit lost. Used by test/concurrency/clerks.test.ts (small) and bench/clerks.bench.ts (ten clerks).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import type { DB } from '../../src/main/core/db/schema';
import { createRecord } from '../../src/main/core/records/repository';
import { saveCommunity } from '../../src/main/core/communities/repository';
import { RECORD_HEADERS, recordRow } from '../import/fixtures';

export interface ClerkReport {
  clerk: number;
  imported: number;
  filed: number;
  edits: string[];
  refused: number;
  searches: number;
}

export interface ClerksRun {
  reports: ClerkReport[];
  ms: number;
  /** what must be empty or true */
  duplicateItemNumbers: string[];
  skippedItemNumbers: string[];
  unfiled: number;
  chainBreaks: number;
  missingAuditIds: number;
  lostEdits: string[];
  records: number;
}

const YEAR = 2025;

/** One clerk's workbook: `rows` records of its own (distinct titles) across the year. */
export async function writeWorkbook(path: string, clerk: number, rows: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('档案登记');
  sheet.addRow(RECORD_HEADERS);
  for (let i = 0; i < rows; i++) {
    const month = 1 + (i % 12);
    const day = 1 + ((i * 7) % 28);
    const date = `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const affair = i % 3 === 0 ? { 类别: '党务', 事项: '三会一课', 题名: `党员大会记录 第${clerk}组第${i}号` } : { 题名: `居务监督委员会例会记录 第${clerk}组第${i}号` };
    sheet.addRow(recordRow({ ...affair, 成文日期: date, 社区: i % 2 === 0 ? '桃源社区' : '幸福村' }));
  }
  await book.xlsx.writeFile(path);
}

/** Prepares the archive: two communities and the record everyone edits. Returns that record's id. */
export async function prepareArchive(location: string, workDir?: string): Promise<number> {
  const ctx = await openArchive(location, { create: true, actor: 'setup', workDir });
  try {
    await saveCommunity(ctx, { code: 'S101', name: '桃源社区' });
    await saveCommunity(ctx, { code: 'S102', name: '幸福村', type: '农村' });
    return (await createRecord(ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '大家都要改的例会记录', date: `${YEAR}-01-02` })).id;
  } finally {
    await closeArchive(ctx);
  }
}

function runClerk(args: string[]): Promise<ClerkReport[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'clerk-process.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`clerk ${args[1]} exited ${code}: ${stderr.slice(-2000)}`));
      resolve(stdout.trim().split('\n').map((line) => JSON.parse(line) as ClerkReport));
    });
  });
}

/** Runs the clerks at once (`together`: a process each) or all in one process, one after another, then judges the archive. */
export async function runClerks(options: {
  location: string;
  workDir?: string;
  dir: string;
  clerks: number;
  rows: number;
  rounds: number;
  together?: boolean;
}): Promise<ClerksRun> {
  const shared = await prepareArchive(options.location, options.workDir);
  const books: string[] = [];
  for (let c = 1; c <= options.clerks; c++) {
    const path = join(options.dir, `clerk${c}.xlsx`);
    await writeWorkbook(path, c, options.rows);
    books.push(path);
  }
  const args = (clerks: number[]) => [
    options.location,
    clerks.join(','),
    clerks.map((c) => books[c - 1]!).join(','),
    String(YEAR),
    String(shared),
    String(options.rounds),
    options.workDir ?? '',
  ];
  const all = Array.from({ length: options.clerks }, (_, i) => i + 1);
  const started = performance.now();
  const reports: ClerkReport[] =
    options.together === false ? await runClerk(args(all)) : (await Promise.all(all.map((c) => runClerk(args([c]))))).flat();
  const ms = performance.now() - started;
  const { notes, ...judged } = await judge(options.location, options.workDir, shared);
  // an edit that went in but is missing from the text now was overwritten by someone who never saw it
  const present = new Set(notes);
  const lostEdits = reports.flatMap((r) => r.edits).filter((tag) => !present.has(tag));
  return { reports, ms, ...judged, lostEdits };
}

async function judge(location: string, workDir: string | undefined, shared: number): Promise<Omit<ClerksRun, 'reports' | 'ms' | 'lostEdits'> & { notes: string[] }> {
  const ctx = await openArchive(location, { workDir });
  try {
    const db = ctx.db as unknown as Kysely<DB>;
    const filed = (await sql<{ cell: string; item_no: number }>`
      SELECT fonds_code || '-' || category_code || '-' || filing_year || '-' || retention_code || '-' || problem_code AS cell, item_no
        FROM records WHERE item_no IS NOT NULL ORDER BY 1, 2`.execute(db)).rows;
    const byCell = new Map<string, number[]>();
    for (const r of filed) byCell.set(r.cell, [...(byCell.get(r.cell) ?? []), r.item_no]);
    const duplicateItemNumbers: string[] = [];
    const skippedItemNumbers: string[] = [];
    for (const [cell, numbers] of byCell) {
      numbers.forEach((n, i) => {
        if (i > 0 && numbers[i - 1] === n) duplicateItemNumbers.push(`${cell}-${n}`);
      });
      const unique = [...new Set(numbers)];
      unique.forEach((n, i) => {
        if (n !== i + 1) skippedItemNumbers.push(`${cell}-${i + 1}`);
      });
    }
    const count = async (where: string) => Number((await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM records ${where}`).execute(db)).rows[0]!.n);
    const chain = await verifyAuditChain(ctx.db);
    const ids = (await sql<{ n: number; top: number }>`SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM audit_log`.execute(db)).rows[0]!;
    const notes = (await db.selectFrom('records').select('notes').where('id', '=', shared).executeTakeFirstOrThrow()).notes.split(' ');
    return {
      duplicateItemNumbers,
      skippedItemNumbers,
      unfiled: await count(`WHERE year = ${YEAR} AND item_no IS NULL AND voided_at IS NULL`),
      chainBreaks: chain.breaks.length,
      missingAuditIds: Number(ids.top) - Number(ids.n),
      records: await count(''),
      notes,
    };
  } finally {
    await closeArchive(ctx);
  }
}
