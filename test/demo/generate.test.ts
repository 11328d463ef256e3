import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { storedPath } from '../../src/main/core/attachments/store';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext } from '../../src/main/core/context';
import { generateDemo } from '../../src/main/core/demo/generate';
import { planDemo } from '../../src/main/core/demo/plan';
import { fixedClock, raw, tableCounts, tempDir } from '../helpers/archive';

const OPTIONS = { year: 2025, communities: 2, records: 150, seed: 1 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshArchive(): Promise<ArchiveContext> {
  const { dir, cleanup } = tempDir('sanwu-demo-');
  const ctx = await openArchive(join(dir, 'archive'), { create: true, clock: fixedClock(), actor: 'test' });
  cleanups.push(cleanup, () => closeArchive(ctx));
  return ctx;
}

const rows = (ctx: ArchiveContext, sql: string, ...params: unknown[]) => raw(ctx).prepare(sql).all(...params) as Record<string, unknown>[];
/** Everything a demo writes, without row ids. */
const content = (ctx: ArchiveContext) => ({
  records: rows(ctx, `SELECT c.code, r.fingerprint, r.kind, r.title, r.date, r.doc_number, r.income_fen, r.disclosure_date, r.retention FROM records r JOIN communities c ON c.id = r.community_id ORDER BY r.fingerprint`),
  attachments: rows(ctx, `SELECT r.fingerprint, a.sha256, a.size, a.media_type, a.original_name FROM attachments a JOIN records r ON r.id = a.record_id ORDER BY r.fingerprint, a.id`),
  roster: rows(ctx, `SELECT kind, name, start_date, end_date, note FROM roster ORDER BY fingerprint`),
  communities: rows(ctx, `SELECT code, name, type, households, station_area, weekly_hours FROM communities ORDER BY code`),
});

describe('sanwu demo (core)', () => {
  it('writes the plan: --records per community in the year, office, rosters, stored attachments, a sound audit chain; a re-run adds nothing', async () => {
    const ctx = await freshArchive();
    const summary = await generateDemo(ctx, planDemo(OPTIONS, fixedClock()));
    const perCommunity = rows(ctx, `SELECT community_id, count(*) AS n FROM records WHERE year = 2025 GROUP BY community_id`);
    expect(perCommunity.map((r) => r.n)).toEqual([150, 150]);
    expect(summary.records.total).toBe(300);
    expect(summary.records.党务 + summary.records.居务 + summary.records.财务).toBe(300);
    expect(summary.office).toEqual({ name: '幸福路街道办事处', code: '659002' });
    expect(summary.added).toEqual({ communities: 2, records: 300 + summary.earlierRecords.total, roster: summary.roster, attachments: summary.attachments });
    const counts = tableCounts(ctx);
    expect(counts).toMatchObject({ communities: 2, roster: summary.roster, attachments: summary.attachments });
    expect(rows(ctx, `SELECT count(*) AS n FROM records WHERE item_no IS NOT NULL OR status <> '未归档'`)[0]!.n).toBe(0);
    for (const a of rows(ctx, `SELECT sha256 FROM attachments`)) {
      const file = storedPath(ctx.paths.files, a.sha256 as string);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(a.sha256);
    }
    expect((await verifyAuditChain(ctx.db)).breaks).toEqual([]);

    const again = await generateDemo(ctx, planDemo(OPTIONS, fixedClock()));
    expect(again.added).toEqual({ communities: 0, records: 0, roster: 0, attachments: 0 });
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('is deterministic by seed, down to the attachment hashes; another seed differs', async () => {
    const [a, b, c] = [await freshArchive(), await freshArchive(), await freshArchive()];
    await generateDemo(a, planDemo(OPTIONS, fixedClock()));
    await generateDemo(b, planDemo(OPTIONS, fixedClock()));
    await generateDemo(c, planDemo({ ...OPTIONS, seed: 2 }, fixedClock()));
    expect(content(b)).toEqual(content(a));
    expect(content(a).attachments.length).toBeGreaterThan(50);
    const hashes = (ctx: ArchiveContext) => content(ctx).attachments.map((x) => x.sha256);
    expect(hashes(c)).not.toEqual(hashes(a));
    expect(content(c).records.map((r) => r.title)).not.toEqual(content(a).records.map((r) => r.title));
  });

  it('leaves the audits true gaps to find in the database', async () => {
    const ctx = await freshArchive();
    const plan = planDemo({ ...OPTIONS, communities: 12 }, fixedClock());
    const summary = await generateDemo(ctx, plan);
    // a community without one month of 居务监督委员会例会
    const short = rows(
      ctx,
      `SELECT c.name, count(DISTINCT substr(date, 6, 2)) AS months FROM records r JOIN communities c ON c.id = r.community_id
       WHERE kind = '居务监督委员会例会' AND year = 2025 GROUP BY c.name HAVING months < 12`,
    );
    const planted = summary.gaps.filter((g) => g.gap === 'supervisionMonth').map((g) => g.community);
    expect(short.map((r) => r.name)).toEqual(planted);
    expect(planted).toHaveLength(1);
    // one disclosure record without an attachment, every other disclosure has one
    const bare = rows(
      ctx,
      `SELECT c.name FROM records r JOIN communities c ON c.id = r.community_id
       WHERE r.kind LIKE '%公开%' AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.record_id = r.id)`,
    );
    expect(bare.map((r) => r.name)).toEqual(summary.gaps.filter((g) => g.gap === 'disclosureAttachment').map((g) => g.community));
    // 民主法治建设经费 under 20,000 yuan in the underfunded community only
    const funds = rows(
      ctx,
      `SELECT c.name, sum(income_fen) AS fen FROM records r JOIN communities c ON c.id = r.community_id
       WHERE fund_category = '民主法治建设经费' AND year = 2025 GROUP BY c.name HAVING fen < 2000000`,
    );
    expect(funds.map((r) => r.name)).toEqual(summary.gaps.filter((g) => g.gap === 'underfunded').map((g) => g.community));
    // a village whose service station is under 50 m²
    expect(rows(ctx, `SELECT name FROM communities WHERE station_area < 50`).map((r) => r.name)).toEqual(
      summary.gaps.filter((g) => g.gap === 'smallStation').map((g) => g.community),
    );
  });

  it('writes nothing when cancelled, before or during the work', async () => {
    const ctx = await freshArchive();
    const before = tableCounts(ctx);
    const early = new AbortController();
    early.abort();
    await expect(generateDemo(ctx, planDemo(OPTIONS, fixedClock()), { signal: early.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    const midway = new AbortController();
    const progress: number[] = [];
    const run = generateDemo(ctx, planDemo(OPTIONS, fixedClock()), {
      signal: midway.signal,
      onProgress: (p) => {
        progress.push(p.done);
        midway.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progress.length).toBeGreaterThan(0);
    expect(tableCounts(ctx)).toEqual(before);
    expect(rows(ctx, `SELECT count(*) AS n FROM street_office`)[0]!.n).toBe(0);
  });

  it('refuses to mix with a real community that holds a demo code, writing nothing', async () => {
    const ctx = await freshArchive();
    await saveCommunity(ctx, { code: 'S102', name: '光华社区' });
    const before = tableCounts(ctx);
    await expect(generateDemo(ctx, planDemo(OPTIONS, fixedClock()))).rejects.toThrow(/S102 光华社区（演示数据要用 S102 幸福里社区）/);
    expect(tableCounts(ctx)).toEqual(before);
  });
});
