// `npm run bench -- district` (issue 17): a district receives 20 street offices' packages of 12
// communities × 300 records each, with their files, against the floor measured in the same run —
// verifying those bags alone (every payload file read and hashed against its manifest) plus a bare
// better-sqlite3 insert of their records (one prepared statement, one transaction, a plain table);
// target ≤ 2×. Then `summary` of those 20 (target ≤ 15 s). The packages are one real demo office's
// (init, demo 12 × 300, file, report) carrying its files, renamed for 20 offices.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { setupDistrict } from '../src/main/core/district/kind';
import { receive } from '../src/main/core/district/receive';
import { writeSummary } from '../src/main/core/district/summary';
import { saveOffice } from '../src/main/core/office/repository';
import { recordsJsonSchema } from '../src/shared/records-json';
import { fixedClock, tempDir } from '../test/helpers/archive';
import { bagWithFiles, streetOffice, writePackage } from '../test/district/helpers';
import { peakRssMb, round, timed } from './measure';

const OFFICES = Number(process.env.SANWU_BENCH_DISTRICT_OFFICES ?? 20);
const ROUNDS = 3;

/** Verifying a bag alone: its manifest's every file read and hashed. */
function verifyBag(bag: string): number {
  let files = 0;
  for (const line of readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').split('\n').filter(Boolean)) {
    const [digest, path] = [line.slice(0, 64), line.slice(66)];
    if (createHash('sha256').update(readFileSync(join(bag, path))).digest('hex') !== digest) throw new Error(`floor: ${path} differs`);
    files++;
  }
  return files;
}

const COLUMNS = 23;

/** A bare insert of the packages' records: one prepared statement, one transaction. */
function bareInsert(file: string, bags: string[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE r (${Array.from({ length: COLUMNS }, (_, i) => `c${i}`).join(', ')})`);
  const st = db.prepare(`INSERT INTO r VALUES (${Array(COLUMNS).fill('?').join(', ')})`);
  let n = 0;
  db.transaction(() => {
    for (const bag of bags) {
      const doc = recordsJsonSchema.parse(JSON.parse(readFileSync(join(bag, 'data', 'records.json'), 'utf8')));
      for (const r of doc.records) {
        st.run(r.communityCode, r.id, r.affair, r.kind, r.disclosure ? 1 : 0, r.title, r.responsible, r.docNumber, r.date, r.year, r.disclosureDate, r.disclosureChannel, r.pages, r.retention, r.income, r.expense, r.fundCategory, r.notes, r.secrecy, r.archivalCode, r.boxNo, r.status, r.attachments.length);
        n++;
      }
    }
  })();
  db.close();
  return n;
}

export default async function bench() {
  const { dir, cleanup } = tempDir('sanwu-bench-district-');
  try {
    const setup = await timed(async () => {
      const office = await streetOffice(dir, '样板街道办事处', 7, { communities: 12, records: 300 });
      const { bag } = await writePackage(dir, office, '2026-01-12T09:00:00+08:00', 'out');
      const bags: string[] = [];
      for (let i = 1; i <= OFFICES; i++) bags.push(await bagWithFiles(bag, office.db, join(dir, 'bags', `第${i}街道办事处_2025年度三务公开报送包`), `第${i}街道办事处`));
      return bags;
    });
    const bags = setup.value;
    const rounds: { floor: number; receive: number; ratio: number }[] = [];
    let records = 0;
    let files = 0;
    let summaryMs = 0;
    for (let k = 0; k < ROUNDS; k++) {
      global.gc?.();
      const floor = await timed(() => {
        const f = bags.reduce((n, b) => n + verifyBag(b), 0);
        return { files: f, records: bareInsert(join(dir, `floor-${k}.sqlite`), bags) };
      });
      global.gc?.();
      const ctx = await openArchive(join(dir, `district-${k}`), { create: true, actor: 'bench', clock: fixedClock('2026-01-20T10:00:00+08:00'), anchorDir: join(dir, 'anchors') });
      try {
        await saveOffice(ctx, { name: '样板区民政局' });
        await setupDistrict(ctx);
        const got = await timed(() => receive(ctx, { paths: bags, addOffice: true }));
        if (!got.value.ok) throw new Error(got.value.errors.map((e) => e.message).join('\n'));
        records = got.value.received.reduce((n, r) => n + r.records, 0);
        files = floor.value.files;
        if (records !== floor.value.records) throw new Error(`received ${records} records, the floor inserted ${floor.value.records}`);
        rounds.push({ floor: floor.ms, receive: got.ms, ratio: got.ms / floor.ms });
        if (k === ROUNDS - 1) summaryMs = (await timed(() => writeSummary(ctx, { year: 2025, out: join(dir, 'summary') }))).ms;
      } finally {
        await closeArchive(ctx);
      }
    }
    const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
    const median = rounds.find((r) => r.ratio === ratios[Math.floor(ratios.length / 2)])!;
    return {
      offices: OFFICES,
      records,
      files,
      setupMs: round(setup.ms, 0),
      floorMs: round(median.floor, 0),
      receiveMs: round(median.receive, 0),
      ratio: round(median.ratio),
      ratios: ratios.map((r) => round(r)).join(' '),
      target: '≤ 2',
      summaryMs: round(summaryMs, 0),
      summaryTarget: '≤ 15000',
      peakRssMb: peakRssMb(),
    };
  } finally {
    cleanup();
  }
}
