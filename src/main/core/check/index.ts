// The archive inspection (四性检测, DA/T 70-2018): authenticity, integrity, usability, security.
// Reads everything, writes only its own entry in the audit log (the process is logged).
import { z } from 'zod';
import type { CheckProblem, CheckResult } from '../../../shared/check';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE } from '../archival-codes/template';
import { appendAudit } from '../audit-log/append';
import { isoDay, type ArchiveContext } from '../context';
import { loadKinds } from '../records/vocabulary';
import { RETENTION_DEFAULTS } from '../retention/schedule';
import { getSetting } from '../settings/store';
import { codeProblems, dateProblems, duplicateDocProblems, enumerationProblems, fixityProblems } from './authenticity';
import {
  auditChainProblems,
  databaseProblems,
  gapProblems,
  missingFileProblems,
  requiredMetadataProblems,
  unfiledProblems,
  type FilingDeadlines,
} from './integrity';
import { startAuditChainCheck } from './audit-chain-check';
import type { Background } from './background';
import { startIntegrityCheck } from './database-check';
import { loadInventory, type Inventory } from './inventory';
import { ASPECTS, type Aspect } from './problems';
import { scanFiles, type FileScan } from './scan-files';
import { executableProblems } from './security';
import { formatProblems } from './usability';

export const FILING_DEADLINES_SETTING = 'filing.deadlines';

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const deadlinesSchema = z.object({ 文书: monthDay, 会计: monthDay });

/** The filing deadlines in force (MM-DD of the next year); a malformed setting falls back to the defaults. */
export async function filingDeadlines(ctx: ArchiveContext): Promise<FilingDeadlines> {
  const parsed = deadlinesSchema.safeParse(await getSetting<unknown>(ctx.db, FILING_DEADLINES_SETTING, null));
  if (parsed.success) return parsed.data;
  return RETENTION_DEFAULTS.filingDeadline;
}

export async function runCheck(ctx: ArchiveContext, opts: LongTaskOptions = {}): Promise<CheckResult> {
  const step = (phase: string, done: number, total: number) => {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase, done, total });
  };
  step('读取目录', 0, 1);
  // Work handed to worker threads, stopped when the inspection fails or is cancelled.
  const background: Background<unknown>[] = [];
  try {
    const track = <T>(b: Background<T>) => {
      background.push(b);
      return b;
    };
    return await inspect(ctx, opts, step, track);
  } catch (e) {
    for (const b of background) b.stop();
    throw e;
  }
}

async function inspect(
  ctx: ArchiveContext,
  opts: LongTaskOptions,
  step: (phase: string, done: number, total: number) => void,
  track: <T>(b: Background<T>) => Background<T>,
): Promise<CheckResult> {
  // The database checks run on the second core while this thread reads the catalogue and hashes the files.
  // The longest, PRAGMA integrity_check, starts first; the audit chain only once the catalogue is read
  // (three threads reading the database at once on two cores made the catalogue read up to three times slower).
  const integrity = track(startIntegrityCheck(ctx.paths.database));
  const inv = loadInventory(ctx);
  const chain = track(startAuditChainCheck(ctx));
  const template = await getSetting(ctx.db, CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE);
  const deadlines = await filingDeadlines(ctx);
  const kinds = await loadKinds(ctx.db);
  const lastNumbers = new Map(
    (await ctx.db.selectFrom('filing_cells').selectAll().execute()).map((c) => [
      [c.fonds_code, c.category_code, c.year, c.retention_code, c.problem_code].join('|'),
      c.last_item_no,
    ]),
  );
  const today = isoDay(ctx.clock.now());

  const hashes = [...new Set(inv.attachments.map((a) => a.sha256))];
  const scans = await scanFiles(ctx.paths.files, hashes, opts);
  step('检查档号与元数据', 0, 3);
  const problems: CheckProblem[] = [
    ...fixityProblems(inv, scans),
    ...codeProblems(inv, template),
    ...duplicateDocProblems(inv),
    ...enumerationProblems(inv, kinds),
    ...dateProblems(inv, today),
    ...gapProblems(inv, lastNumbers),
    ...requiredMetadataProblems(inv),
    ...missingFileProblems(inv, scans),
    ...unfiledProblems(inv, today, deadlines),
    ...formatProblems(inv, scans),
    ...executableProblems(inv, scans),
  ];
  step('检查操作日志', 1, 3);
  const { entries, breaks } = await chain.result;
  problems.push(...auditChainProblems(ctx, inv, breaks));
  step('检查数据库', 2, 3);
  problems.push(...databaseProblems(await integrity.result));
  step('检查数据库', 3, 3);
  return await finish(ctx, inv, scans, entries, problems);
}

async function finish(ctx: ArchiveContext, inv: Inventory, scans: Map<string, FileScan>, auditEntries: number, problems: CheckProblem[]): Promise<CheckResult> {
  let bytes = 0;
  for (const s of scans.values()) if (s.state === 'read') bytes += s.size;
  const counts: Record<string, number> = {
    records: inv.records.length,
    attachments: inv.attachments.length,
    files: scans.size,
    bytes,
    auditEntries,
    problems: problems.length,
  };
  for (const [key, name] of Object.entries(ASPECTS) as [Aspect, string][]) counts[key] = problems.filter((p) => p.aspect === name).length;
  const result: CheckResult = { ok: problems.length === 0, counts, problems };
  try {
    await ctx.db.transaction().execute((trx) => appendAudit(ctx, trx, [{ action: 'check', entity: 'archive', after: { ok: result.ok, counts } }]));
  } catch (e) {
    // A damaged database must still get its report.
    ctx.log.warn(`检查结果未能记入操作日志：${(e as Error).message}`);
  }
  return result;
}
