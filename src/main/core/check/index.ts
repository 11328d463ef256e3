// The archive inspection (四性检测, DA/T 70-2018): authenticity, integrity, usability, security.
// Reads everything, writes only its own entry in the audit log (the process is logged).
import { sep } from 'node:path';
import { z } from 'zod';
import type { CheckProblem, CheckResult } from '../../../shared/check';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE } from '../archival-codes/template';
import { keepCheckRun } from './runs';
import { isoDay, type ArchiveContext } from '../context';
import { headIn, judgeAnchor, type AnchorJudgement } from '../audit-log/anchoring';
import { engineOf, withSnapshot, type Statements } from '../db';
import { contentProblems, receivedPackProblems, receivedPacks } from '../district/check';
import { loadKinds } from '../records/vocabulary';
import { RETENTION_DEFAULTS } from '../retention/schedule';
import { getSetting } from '../settings/store';
import { attachmentChecker, loadAttachments, type CheckAttachment } from './attachment-checks';
import { destroyedFileFindings, expectedPresent, loadLifecycleFiles, officeFileProblems, REMOVED_DIGESTS_SQL } from './lifecycle-checks';
import { startCheckWorker, type CheckWorker } from './check-worker';
import { auditChainProblems, databaseProblems, type FilingDeadlines } from './integrity';
import { ASPECTS, problem, recordRefs, type Aspect } from './problems';
import { reconcileProblems, sequenceProblems } from './reconcile';
import { quarantine, walkStore, type StoreFinding } from './store-walk';
import { countRecords, recordProblems } from './record-checks';
import { runServerCheck } from './server';
import { collectScans, presentByPrefix, scanAt, scanDeps, scanShare, sharedScan, type FileScan, type FileScans } from './scan-files';

export const FILING_DEADLINES_SETTING = 'filing.deadlines';

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const deadlinesSchema = z.object({ 文书: monthDay, 会计: monthDay });

/** The filing deadlines in force (MM-DD of the next year); a malformed setting falls back to the defaults. */
export async function filingDeadlines(ctx: ArchiveContext): Promise<FilingDeadlines> {
  const parsed = deadlinesSchema.safeParse(await getSetting<unknown>(ctx.db, FILING_DEADLINES_SETTING, null));
  if (parsed.success) return parsed.data;
  return RETENTION_DEFAULTS.filingDeadline;
}

export interface CheckOptions extends LongTaskOptions {
  /** the full `PRAGMA integrity_check` (every index against its table) instead of `quick_check` */
  full?: boolean;
  /** move what does not belong in the store (and nothing references) into a quarantine folder */
  fix?: boolean;
  /**
   * A server archive's copy (check/server.ts): its check is not audited here (the server's log gets
   * it), and its log is judged against the server archive's anchor.
   */
  copyOf?: Pick<ArchiveContext, 'anchors' | 'paths'>;
}

export async function runCheck(ctx: ArchiveContext, opts: CheckOptions = {}): Promise<CheckResult> {
  if (engineOf(ctx.db).kind === 'postgres') return runServerCheck(ctx, opts, runCheck);
  const step = (phase: string, done: number, total: number) => {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase, done, total });
  };
  step('读取目录', 0, 1);
  const worker = startCheckWorker(ctx, opts.full === true);
  try {
    // The catalogue is read from a snapshot of its own: one committed state throughout, and the
    // reader stays free for other calls while files are hashed.
    const [checked, scans, problems, anchored, store] = await withSnapshot(ctx.db, (q) => inspect(ctx, q, opts, step, worker));
    const fixed = opts.fix ? quarantine(ctx.paths.dir, store, ctx.clock.now().toISOString().replace(/[:.]/g, '-')) : [];
    const moved = new Set(fixed.map((f) => f.from));
    const left = problems.filter((p) => !store.some((f) => moved.has(f.path) && f.problem === p));
    return await finish(ctx, checked, scans, left, anchored, opts.full === true, fixed, opts.copyOf === undefined);
  } catch (e) {
    worker.stop();
    throw e;
  }
}

/**
 * The worker starts on the database self-test and the audit chain while this thread reads the catalogue
 * and checks it in SQL; then both threads hash the files until none is left.
 */
async function inspect(
  ctx: ArchiveContext,
  q: Statements,
  opts: CheckOptions,
  step: (phase: string, done: number, total: number) => void,
  worker: CheckWorker,
): Promise<[Checked, FileScans, CheckProblem[], AnchorJudgement, StoreFinding[]]> {
  // a destroyed item's files are expected absent; the office's own documents are scanned like attachments,
  // and a district's store holds the packs of the packages it received too
  const lifecycle = loadLifecycleFiles(q);
  const attachments = expectedPresent(loadAttachments(q), lifecycle);
  const received = await receivedPacks(ctx.db);
  const scan = sharedScan(ctx.paths.files, [...attachments.map((a) => a.sha256), ...lifecycle.office.map((f) => f.sha256), ...received.map((p) => p.sha256)]);
  const workerErrors = worker.scan(scan);
  step('检查档号与元数据', 0, 1);
  const problems: CheckProblem[] = recordProblems(q, {
    template: await getSetting(ctx.db, CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE),
    kinds: await loadKinds(ctx.db),
    today: isoDay(ctx.clock.now()),
    deadlines: await filingDeadlines(ctx),
  });
  const deps = scanDeps(sep);
  const errors: Record<number, string> = {};
  // Attachments are judged in step with the scan, each as soon as its file is in.
  const checker = attachmentChecker(q);
  let judged = 0;
  const judge = (scanOf: (a: CheckAttachment) => FileScan | undefined) => {
    for (; judged < attachments.length; judged++) {
      const a = attachments[judged]!;
      const fileScan = scanOf(a);
      if (fileScan === undefined) return;
      checker.check(a, fileScan);
    }
  };
  await scanShare(scan, deps, errors, opts, () => judge((a) => scanAt(scan, scan.indexOf.get(a.sha256)!, errors)));
  Object.assign(errors, await workerErrors);
  const scans = collectScans(scan, deps, errors);
  // Every file is in now; only a worker that died after finding a file unreadable leaves its reason unknown.
  judge((a) => scans.get(a.sha256) ?? { state: 'unreadable', error: '原因不明' });
  problems.push(...receivedPackProblems(received, (h) => scans.get(h)));
  step('校验附件', scan.hashes.length, scan.hashes.length);
  problems.push(...officeFileProblems(lifecycle.office, (h) => scans.get(h)));
  // The whole store against every digest any attachment row holds (removed ones keep their bytes).
  const referenced = new Set(scan.hashes);
  for (const h of q.values<string>(REMOVED_DIGESTS_SQL)) referenced.add(h);
  const store = destroyedFileFindings(q, lifecycle, walkStore(ctx.paths.files, referenced, presentByPrefix(scan)));
  problems.push(...checker.problems(), ...store.map((f) => f.problem));
  step('检查操作日志', 0, 1);
  const chain = await worker.chain.catch((e: Error) => e);
  if (chain instanceof Error) {
    // The default self-test leaves the audit log to this walk: a page it cannot read is a finding.
    problems.push(problem('database', 'integrity', null, `操作日志无法读取（${chain.message}），数据库文件可能已损坏；请立即备份档案文件夹并从最近的备份恢复。`));
  } else problems.push(...auditChainProblems(q, chain.breaks));
  const head = headIn(q);
  if (!(chain instanceof Error)) problems.push(...sequenceProblems(q, head.seq, chain.entries));
  step('核对数据与操作日志', 0, 1);
  const found = await worker.reconcile.catch((e: Error) => e);
  if (found instanceof Error) {
    problems.push(problem('database', 'integrity', null, `无法核对数据与操作日志（${found.message}），数据库文件可能已损坏；请立即备份档案文件夹并从最近的备份恢复。`));
  } else problems.push(...reconcileProblems(found, recordRefs(q)));
  problems.push(...(await contentProblems(ctx.db)));
  const of = opts.copyOf ?? ctx;
  const anchored = judgeAnchor(of.anchors, of.paths.dir, q.value<string>('SELECT uuid FROM archive_identity WHERE id = 1') ?? null, head, (seq) => q.value<string>('SELECT hash FROM audit_log WHERE id = ?', [seq]), ctx.clock.now().toISOString(), of.paths.server !== undefined);
  problems.push(...anchored.problems.map((message) => problem('audit-anchor', 'authenticity', null, message)));
  step('检查数据库', 0, 1);
  problems.push(...databaseProblems(await worker.database));
  step('检查数据库', 1, 1);
  const checked = { records: countRecords(q), attachments: attachments.length, auditEntries: chain instanceof Error ? 0 : chain.entries };
  return [checked, scans, problems, anchored, store];
}

interface Checked {
  records: number;
  attachments: number;
  auditEntries: number;
}

async function finish(
  ctx: ArchiveContext,
  checked: Checked,
  scans: FileScans,
  problems: CheckProblem[],
  judged: AnchorJudgement,
  full: boolean,
  fixed: { from: string; to: string }[],
  audited: boolean,
): Promise<CheckResult> {
  const counts: Record<string, number> = { ...checked, files: scans.files, bytes: scans.bytes, problems: problems.length };
  for (const [key, name] of Object.entries(ASPECTS) as [Aspect, string][]) counts[key] = problems.filter((p) => p.aspect === name).length;
  const notices = judged.notice ? [judged.notice] : [];
  if (fixed.length > 0) notices.push(`已把附件库中 ${fixed.length} 个不属于档案的文件移入隔离文件夹 ${fixed[0]!.to.split('/').slice(0, 2).join('/')}（未删除，可核实后处理）。`);
  const result: CheckResult = { ok: problems.length === 0, counts, problems, anchor: judged.anchor, notices, ...(fixed.length > 0 ? { fixed } : {}) };
  if (!audited) return result;
  return keepCheckRun(ctx, result, full, fixed);
}
