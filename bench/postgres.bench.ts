// PostgreSQL beside SQLite (issue 16), both engines in the same run:
// - search at 1,000,000 records (SANWU_BENCH_SEARCH_ROWS to change): p95 of 3- and 2-character Chinese
//   queries, first page + exact total (targets: SQLite ≤ 50 ms, PostgreSQL ≤ 100 ms);
// - insert 100,000 records on PostgreSQL through insertRecords vs a bare batched INSERT of the same
//   rows into the same schema (target ≤ 2×).
import { join } from 'node:path';
import pg from 'pg';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { saveCommunity } from '../src/main/core/communities/repository';
import type { ArchiveContext } from '../src/main/core/context';
import { insertRecords, loadRecordRules, recordRow, voidRecord } from '../src/main/core/records/repository';
import { searchRecords } from '../src/main/core/records/search';
import { tempDir } from '../test/helpers/archive';
import { tempPgDatabase, type TempDatabase } from '../test/helpers/postgres';
import { COMMUNITIES, records } from './corpus';
import { percentile, peakRssMb, round, timed } from './measure';
import { withPgServer } from './pg-server';

const SEARCH_ROWS = Number(process.env.SANWU_BENCH_SEARCH_ROWS ?? 1_000_000);
const INSERT_ROWS = 100_000;
const BATCH = 50_000;
const QUERIES = 60;
const SETS: [string, string[]][] = [
  ['search3Char', ['例会记', '监督委', '签到表', '调解委', '王建国', '公开栏']],
  ['search2Char', ['例会', '纪要', '通报', '调解', '张敏', '照片']],
];

async function archive(location: string, workDir?: string): Promise<ArchiveContext> {
  const ctx = await openArchive(location, { create: true, actor: 'bench', workDir });
  for (let i = 1; i <= COMMUNITIES; i++) await saveCommunity(ctx, { code: `S${100 + i}`, name: `第${i}社区` });
  return ctx;
}

async function fill(ctx: ArchiveContext, rows: number): Promise<void> {
  for (let from = 0; from < rows; from += BATCH) {
    const batch = records(Math.min(BATCH, rows - from), 1000 + from);
    await ctx.write.transaction((trx) => insertRecords(ctx, trx, batch));
    process.stderr.write(`  ${from + batch.length}/${rows}\n`);
  }
  // a real archive has a few voided records, which every count must leave out
  for (let id = 1000; id <= rows; id += 20_000) await voidRecord(ctx, id, '重复录入');
}

async function searchFigures(ctx: ArchiveContext, prefix: string): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const [name, terms] of SETS) {
    for (const q of terms) await searchRecords(ctx, { q, limit: 50 });
    const wall: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      const { ms, value } = await timed(() => searchRecords(ctx, { q: terms[i % terms.length], limit: 50 }));
      wall.push(ms);
      hits += value.total;
    }
    figures[`${prefix}${name}P95Ms`] = round(percentile(wall, 95));
    figures[`${prefix}${name}MedianMs`] = round(percentile(wall, 50));
    figures[`${prefix}${name}MeanHits`] = Math.round(hits / QUERIES);
  }
  return figures;
}

/** VACUUM ANALYZE: what autovacuum does to a table that was just filled (statistics, visibility map). */
async function vacuum(db: TempDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const table of ['records', 'record_grams', 'search_term_counts', 'audit_log']) await client.query(`VACUUM ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

async function searchBench(dir: string): Promise<Record<string, number>> {
  const figures: Record<string, number> = { searchRows: SEARCH_ROWS };
  const lite = await archive(join(dir, 'search'));
  try {
    await fill(lite, SEARCH_ROWS);
    Object.assign(figures, await searchFigures(lite, 'sqlite'));
  } finally {
    await closeArchive(lite);
  }
  const db = await tempPgDatabase();
  try {
    const server = await archive(db.url, join(dir, 'work'));
    try {
      await fill(server, SEARCH_ROWS);
      await vacuum(db);
      Object.assign(figures, await searchFigures(server, 'postgres'));
    } finally {
      await closeArchive(server);
    }
  } finally {
    await db.drop();
  }
  return figures;
}

async function insertBench(dir: string): Promise<Record<string, number>> {
  const rows = records(INSERT_ROWS, 1);
  // the floor: the same rows, already mapped, in one transaction of multi-row INSERTs on a bare connection
  const bare = await tempPgDatabase();
  const ours = await tempPgDatabase();
  try {
    const floorCtx = await archive(bare.url, join(dir, 'bare'));
    const rules = await loadRecordRules(floorCtx.db);
    const mapped = rows.map((r) => recordRow(rules, r, '2025-01-01T00:00:00.000Z', '2025-12-31'));
    await closeArchive(floorCtx);
    const columns = Object.keys(mapped[0]!);
    const client = new pg.Client({ connectionString: bare.url });
    await client.connect();
    const floor = await timed(async () => {
      await client.query('BEGIN');
      for (let i = 0; i < mapped.length; i += 1000) {
        const slice = mapped.slice(i, i + 1000);
        const params: unknown[] = [];
        const values = slice.map((m) => `(${Object.values(m).map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
        await client.query(`INSERT INTO records (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
      }
      await client.query('COMMIT');
    });
    await client.end();
    const ctx = await archive(ours.url, join(dir, 'ours'));
    const core = await timed(() => ctx.write.transaction((trx) => insertRecords(ctx, trx, rows)));
    await closeArchive(ctx);
    return { insertRows: INSERT_ROWS, insertBareMs: round(floor.ms, 0), insertCoreMs: round(core.ms, 0), insertRatio: round(core.ms / floor.ms) };
  } finally {
    await bare.drop();
    await ours.drop();
  }
}

export default async function postgresBench() {
  const { dir, cleanup } = tempDir('sanwu-bench-pg-');
  try {
    return await withPgServer(async () => ({ ...(await insertBench(dir)), ...(await searchBench(dir)), peakRssMb: peakRssMb() }));
  } finally {
    cleanup();
  }
}
