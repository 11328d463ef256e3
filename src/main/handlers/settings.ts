// The vocabulary, the retention schedule and the 档号 template.
import type { RetentionRule } from '../../shared/api';
import type { ArchivalCodeParts } from '../../shared/domain';
import { SanwuError } from '../../shared/errors';
import { DEFAULT_VOCABULARY, RECORD_STATUSES, RETENTIONS, type Retention } from '../../shared/vocabulary';
import { codeTemplate } from '../core/archival-codes/filing';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE, renderArchivalCode, templateProblems } from '../core/archival-codes/template';
import { appendAudit } from '../core/audit-log/append';
import { nowIso, type ArchiveContext } from '../core/context';
import { loadKinds } from '../core/records/vocabulary';
import { RETENTION_DEFAULTS, retentionFor, loadSchedule } from '../core/retention/schedule';
import { setSetting } from '../core/settings/store';
import type { Handlers } from './types';

/** The example the settings page shows under the template. */
const EXAMPLE_PARTS: ArchivalCodeParts = { fondsCode: 'S101', categoryCode: 'WS', year: 2025, retentionCode: 'Y', problemCode: 'JW', itemNo: 1 };

const defaults = RETENTION_DEFAULTS.schedule as Record<string, Retention>;

async function retentionRules(ctx: ArchiveContext): Promise<RetentionRule[]> {
  const [kinds, schedule] = await Promise.all([loadKinds(ctx.db), loadSchedule(ctx.db)]);
  return [...kinds.affairOf].map(([kind, affair]) => {
    const retention = retentionFor(schedule, kind);
    return { kind, affair, retention, isDefault: defaults[kind] === retention };
  });
}

export const settingsHandlers: Handlers<'vocabulary.get' | 'retention.list' | 'retention.set' | 'codeTemplate.get' | 'codeTemplate.set'> = {
  'vocabulary.get': async (ctx) => {
    const kinds = await loadKinds(ctx.db);
    return {
      affairs: [...DEFAULT_VOCABULARY.affairs] as RetentionRule['affair'][],
      kinds: kinds.kindsOf,
      accountingKinds: [...kinds.accounting],
      fundCategories: DEFAULT_VOCABULARY.fundCategories,
      disclosureChannels: DEFAULT_VOCABULARY.channels,
      rosterKinds: DEFAULT_VOCABULARY.rosterKinds,
      retentions: [...RETENTIONS],
      statuses: [...RECORD_STATUSES],
    };
  },
  'retention.list': (ctx) => retentionRules(ctx),
  'retention.set': async (ctx, { kind, retention }) => {
    const kinds = await loadKinds(ctx.db);
    if (!kinds.affairOf.has(kind)) {
      throw new SanwuError('NOT_FOUND', `事项“${kind}”不在词表中，保管期限未修改。请从列表中选择事项。`);
    }
    await ctx.db.transaction().execute(async (trx) => {
      const before = retentionFor(await loadSchedule(trx), kind);
      const at = nowIso(ctx);
      await trx
        .insertInto('retention_overrides')
        .values({ kind, retention, updated_at: at })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ retention, updated_at: at }))
        .execute();
      await appendAudit(ctx, trx, [{ action: 'update', entity: 'retention', before: { kind, retention: before }, after: { kind, retention } }]);
    });
    const rule = (await retentionRules(ctx)).find((r) => r.kind === kind);
    return rule!;
  },
  'codeTemplate.get': async (ctx) => {
    const template = await codeTemplate(ctx.db);
    return { template, isDefault: template === DEFAULT_CODE_TEMPLATE, example: renderArchivalCode(EXAMPLE_PARTS, template) };
  },
  'codeTemplate.set': async (ctx, { template }) => {
    const problems = templateProblems(template);
    if (problems.length > 0) {
      throw new SanwuError('INVALID_INPUT', `档号模板“${template}”不可用，未保存：${problems.join('；')}。`, problems.map((message) => ({ column: '档号模板', message })));
    }
    await setSetting(ctx, CODE_TEMPLATE_SETTING, template);
    return { template, example: renderArchivalCode(EXAMPLE_PARTS, template) };
  },
};
