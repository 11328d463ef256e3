// The retention schedule as the clerk edits it: defaults from resources/, overrides per kind.
import type { RetentionRule } from '../../../shared/api';
import { SanwuError } from '../../../shared/errors';
import type { Retention } from '../../../shared/vocabulary';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { loadKinds } from '../records/vocabulary';
import { loadSchedule, RETENTION_DEFAULTS, retentionFor } from './schedule';

const defaults = RETENTION_DEFAULTS.schedule as Record<string, Retention>;

export async function retentionRules(ctx: ArchiveContext): Promise<RetentionRule[]> {
  const [kinds, schedule] = await Promise.all([loadKinds(ctx.db), loadSchedule(ctx.db)]);
  return [...kinds.affairOf].map(([kind, affair]) => {
    const retention = retentionFor(schedule, kind);
    return { kind, affair, retention, isDefault: defaults[kind] === retention };
  });
}

export async function setRetention(ctx: ArchiveContext, kind: string, retention: Retention): Promise<RetentionRule> {
  const kinds = await loadKinds(ctx.db);
  if (!kinds.affairOf.has(kind)) {
    throw new SanwuError('NOT_FOUND', `事项“${kind}”不在词表中，保管期限未修改。请从列表中选择事项。`);
  }
  await ctx.write.transaction(async (trx) => {
    const before = retentionFor(await loadSchedule(trx), kind);
    const at = nowIso(ctx);
    await trx
      .insertInto('retention_overrides')
      .values({ kind, retention, updated_at: at })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ retention, updated_at: at }))
      .execute();
    await appendAudit(ctx, trx, [{ action: 'update', entity: 'retention', before: { kind, retention: before }, after: { kind, retention } }]);
  });
  return (await retentionRules(ctx)).find((r) => r.kind === kind)!;
}
