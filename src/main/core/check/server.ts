// The inspection of a server archive. The catalogue, 档号, metadata and audit-chain checks are the very
// ones a folder gets: they run on a copy of one snapshot of the server's rows (archive.sqlite, as a
// backup writes it) beside the stored files re-hashed from the database's own bytes as they stream out
// (a file whose bytes no longer match its digest is written as it is, and found as on disk). To that the
// server's own consistency is added (db/postgres/consistency.ts), and the check is audited on the server.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CheckProblem, CheckResult } from '../../../shared/check';
import { cancelled } from '../../../shared/errors';
import { closeArchive, openArchive } from '../archive';
import { exportDatabase } from '../backup/server';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db';
import { removeStoredFile, serverConsistency } from '../db/postgres/consistency';
import { ASPECTS, problem, type Aspect } from './problems';
import type { CheckOptions } from './index';
import { keepCheckRun } from './runs';

/**
 * `check --fix` on a server: stored files no attachment names are copied into the archive's local
 * quarantine folder and only then taken out of the database (they are not the archive's).
 */
async function quarantineServerStrays(ctx: ArchiveContext, strays: string[]): Promise<{ from: string; to: string }[]> {
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const folder = join(ctx.paths.dir, 'quarantine', stamp);
  const moved: { from: string; to: string }[] = [];
  for (const sha256 of strays) {
    mkdirSync(folder, { recursive: true });
    const to = join(folder, sha256);
    await pipeline(await engineOf(ctx.db).files.open(sha256), createWriteStream(to));
    await removeStoredFile(ctx, sha256);
    moved.push({ from: `database:${sha256}`, to: `quarantine/${stamp}/${sha256}` });
  }
  return moved;
}

export async function runServerCheck(ctx: ArchiveContext, opts: CheckOptions, check: (ctx: ArchiveContext, opts: CheckOptions) => Promise<CheckResult>): Promise<CheckResult> {
  const step = (phase: string, done: number, total: number) => {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase, done, total });
  };
  const work = join(ctx.paths.dir, `.check-${randomBytes(6).toString('hex')}`);
  mkdirSync(work, { recursive: true });
  try {
    step('读取目录', 0, 1);
    const { stored: files } = await exportDatabase(ctx, join(work, 'archive.sqlite'), () => null, { signal: opts.signal });
    const store = engineOf(ctx.db).files;
    for (const [i, f] of files.entries()) {
      if (i % 20 === 0) step('读取附件', i, files.length);
      mkdirSync(join(work, 'files', f.sha256.slice(0, 2)), { recursive: true });
      // a file the database does not hold (or cannot give) stays absent: the check says so
      await pipeline(await store.open(f.sha256), createWriteStream(join(work, 'files', f.sha256.slice(0, 2), f.sha256))).catch(() =>
        rmSync(join(work, 'files', f.sha256.slice(0, 2), f.sha256), { force: true }),
      );
    }
    const copy = await openArchive(work, { clock: ctx.clock, actor: ctx.actor });
    let result: CheckResult;
    try {
      result = await check(copy, { ...opts, fix: false, copyOf: ctx });
    } finally {
      await closeArchive(copy);
    }
    step('检查数据库', 0, 1);
    const { findings, amcheck, strays } = await serverConsistency(ctx.db, opts.full === true);
    const fixed = opts.fix ? await quarantineServerStrays(ctx, strays) : [];
    const left = opts.fix ? findings.filter((f) => !f.stray) : findings;
    const refs = new Map((await ctx.db.selectFrom('records').select(['id', 'archival_code']).where('id', 'in', [0, ...left.flatMap((f) => (f.record ? [f.record] : []))]).execute()).map((r) => [r.id, r]));
    const problems: CheckProblem[] = [
      ...result.problems,
      ...left.map((f) => problem(f.kind === 'store' ? 'server-store' : 'server-database', f.kind === 'store' ? 'integrity' : 'security', f.record ? (refs.get(f.record) ?? null) : null, f.message)),
    ];
    step('检查数据库', 1, 1);
    const counts: Record<string, number> = { ...result.counts, problems: problems.length, ...(amcheck === null ? {} : { amcheck: amcheck ? 1 : 0 }) };
    for (const [key, name] of Object.entries(ASPECTS) as [Aspect, string][]) counts[key] = problems.filter((p) => p.aspect === name).length;
    const notices = [...(result.notices ?? [])];
    if (fixed.length > 0) notices.push(`已把数据库中 ${fixed.length} 个不属于档案的文件移入本机的隔离文件夹 ${fixed[0]!.to.split('/').slice(0, -1).join('/')}（未删除，可核实后处理）。`);
    const checked: CheckResult = { ok: problems.length === 0, counts, problems, anchor: result.anchor ?? null, notices, ...(fixed.length > 0 ? { fixed } : {}) };
    return await keepCheckRun(ctx, checked, opts.full === true, fixed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
