// Each check's whole result, kept (check_runs, append-only): the page shows the last one until the next
// check, with who ran it and when.
import type { Kysely } from 'kysely';
import type { CheckResult, CheckRun } from '../../../shared/check';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import type { DB } from '../db/schema';
import type { Reader } from '../db/handles';

/** Keeps the result inside the check's audit transaction; returns the run's number. */
async function saveCheckRun(trx: Kysely<DB>, run: { at: string; actor: string; full: boolean; result: CheckResult }): Promise<number> {
  const { id } = await trx
    .insertInto('check_runs')
    .values({ at: run.at, actor: run.actor, full_check: run.full ? 1 : 0, ok: run.result.ok ? 1 : 0, result: JSON.stringify(run.result) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Keeps a finished check: its run and its audit entry (naming the run) in one transaction; the result
 * then names its run. A damaged database still gets its report, unkept.
 */
export async function keepCheckRun(ctx: ArchiveContext, result: CheckResult, full: boolean, quarantined: { from: string; to: string }[]): Promise<CheckResult> {
  try {
    const at = nowIso(ctx);
    const id = await ctx.write.transaction(async (trx) => {
      const run = await saveCheckRun(trx, { at, actor: ctx.actor, full, result });
      await appendAudit(ctx, trx, [{ action: 'check', entity: 'archive', after: { ok: result.ok, full, counts: result.counts, run, ...(quarantined.length > 0 ? { quarantined } : {}) } }]);
      return run;
    });
    result.run = { id, at };
  } catch (e) {
    ctx.log.warn(`检查结果未能记入操作日志：${(e as Error).message}`);
  }
  return result;
}

/** The newest run, or null before the first check. */
export async function lastCheckRun(db: Reader): Promise<CheckRun | null> {
  const row = await db
    .selectFrom('check_runs')
    .leftJoin('users', 'users.username', 'check_runs.actor')
    .select(['check_runs.id', 'check_runs.at', 'check_runs.actor', 'check_runs.full_check', 'check_runs.result', 'users.display_name'])
    .orderBy('check_runs.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, at: row.at, actor: row.actor, ...(row.display_name ? { actorDisplay: row.display_name } : {}), full: row.full_check === 1, result: JSON.parse(row.result) as CheckResult };
}
