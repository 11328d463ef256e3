// Engine speed (issue 2): bulk insert vs a bare better-sqlite3 loop, search p95 at 200,000 records,
// opening an archive with its migration check.
import { join } from 'node:path';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { saveCommunity } from '../src/main/core/communities/repository';
import type { ArchiveContext } from '../src/main/core/context';
import { insertRecords, loadRecordRules, recordRow, voidRecord } from '../src/main/core/records/repository';
import { searchRecords } from '../src/main/core/records/search';
import { fileYear } from '../src/main/core/archival-codes/filing';
import { raw, tempDir } from '../test/helpers/archive';
import { COMMUNITIES, records } from './corpus';
import { percentile, peakRssMb, round, timed } from './measure';

const INSERT_ROWS = 100_000;
const SEARCH_ROWS = 200_000;
const QUERIES = 60;

async function freshArchive(dir: string): Promise<ArchiveContext> {
  const ctx = await openArchive(dir, { create: true, actor: 'bench' });
  for (let i = 1; i <= COMMUNITIES; i++) await saveCommunity(ctx, { code: `S${100 + i}`, name: `第${i}社区` });
  return ctx;
}

/** Wall time and this process's CPU time (the build machine is shared: CPU time leaves out the wait for a core). */
async function withCpu<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const { ms, value } = await timed(fn);
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

async function insertBench(root: string) {
  const rows = records(INSERT_ROWS, 1);
  // The floor: the same rows, already mapped, through one prepared INSERT in one transaction.
  const bare = await freshArchive(join(root, 'bare'));
  const rules = await loadRecordRules(bare.db);
  const mapped = rows.map((r) => recordRow(rules, r, '2025-01-01T00:00:00.000Z', '2025-12-31'));
  const columns = Object.keys(mapped[0]!);
  const stmt = raw(bare).prepare(`INSERT INTO records (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const floor = await withCpu(() => raw(bare).transaction(() => { for (const m of mapped) stmt.run(...Object.values(m)); })());
  raw(bare).close();
  await closeArchive(bare);

  const ours = await freshArchive(join(root, 'ours'));
  const core = await withCpu(() => ours.write.transaction((trx) => insertRecords(ours, trx, rows)));
  return {
    ctx: ours,
    figures: {
      insertRows: INSERT_ROWS,
      insertBareMs: round(floor.ms, 0),
      insertCoreMs: round(core.ms, 0),
      insertRatio: round(core.ms / floor.ms),
      insertCpuRatio: round(core.cpuMs / floor.cpuMs),
    },
  };
}

async function searchBench(ctx: ArchiveContext) {
  const have = (raw(ctx).prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  await ctx.write.transaction((trx) => insertRecords(ctx, trx, records(SEARCH_ROWS - have, 2)));
  // a real archive has a few voided records, which every count must leave out
  for (let id = 1000; id <= SEARCH_ROWS; id += 2000) await voidRecord(ctx, id, '重复录入');
  raw(ctx).pragma('optimize');
  const measure = async (terms: string[]) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      const { ms, cpuMs, value } = await withCpu(() => searchRecords(ctx, { q: terms[i % terms.length], limit: 50 }));
      wall.push(ms);
      cpu.push(cpuMs);
      hits += value.total;
    }
    return { p95: round(percentile(wall, 95)), median: round(percentile(wall, 50)), cpuP95: round(percentile(cpu, 95)), meanHits: Math.round(hits / QUERIES) };
  };
  const figures: Record<string, number> = { searchRows: SEARCH_ROWS };
  const sets: [string, string[]][] = [
    ['search3Char', ['例会记', '监督委', '签到表', '调解委', '王建国', '公开栏']],
    ['search2Char', ['例会', '纪要', '通报', '调解', '张敏', '照片']],
    ['searchRare', ['原件存社区', '社发〔2019〕17号', '无此内容的词']],
    ['searchEmpty', ['']],
  ];
  const record = async (name: string, terms: string[]) => {
    const m = await measure(terms);
    Object.assign(figures, { [`${name}P95Ms`]: m.p95, [`${name}MedianMs`]: m.median, [`${name}CpuP95Ms`]: m.cpuP95, [`${name}MeanHits`]: m.meanHits });
  };
  for (const [name, terms] of sets) await record(name, terms);
  // 档号 search: file every year (the search index follows each new 档号), then codes and parts of codes
  const filing = await withCpu(async () => {
    for (let year = 2016; year <= 2025; year++) await fileYear(ctx, { year });
  });
  Object.assign(figures, { fileAllMs: round(filing.ms, 0) });
  const codes = raw(ctx).prepare('SELECT archival_code FROM records WHERE archival_code IS NOT NULL AND id % 9973 = 0 LIMIT 6').pluck().all() as string[];
  await record('searchFullCode', codes);
  await record('searchCodePart', ['S101', 'S107-WS', '0001', 'D30-JW-0012', 'S113-WS·2019', '2021-D10']);
  return figures;
}

async function openBench(dir: string) {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const { ms, value } = await timed(() => openArchive(dir));
    samples.push(ms);
    await closeArchive(value);
  }
  return { openP95Ms: round(percentile(samples, 95)), openMedianMs: round(percentile(samples, 50)) };
}

export default async function engineBench() {
  const { dir, cleanup } = tempDir('sanwu-bench-');
  try {
    const { ctx, figures: insert } = await insertBench(dir);
    const search = await searchBench(ctx);
    await closeArchive(ctx);
    const open = await openBench(join(dir, 'ours'));
    return { ...insert, ...search, ...open, peakRssMb: peakRssMb() };
  } finally {
    cleanup();
  }
}
