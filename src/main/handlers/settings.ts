// The vocabulary, the retention schedule and the 档号 template.
import type { RetentionRule } from '../../shared/api';
import { DEFAULT_VOCABULARY, RECORD_STATUSES, RETENTIONS } from '../../shared/vocabulary';
import { currentCodeTemplate, previewCodeTemplate, saveCodeTemplate } from '../core/archival-codes/template-setting';
import { loadKinds } from '../core/records/vocabulary';
import { retentionRules, setRetention } from '../core/retention/overrides';
import type { Handlers } from './types';

export const settingsHandlers: Handlers<'vocabulary.get' | 'retention.list' | 'retention.set' | 'codeTemplate.get' | 'codeTemplate.set' | 'codeTemplate.preview'> = {
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
  'retention.set': (ctx, { kind, retention }) => setRetention(ctx, kind, retention),
  'codeTemplate.get': (ctx) => currentCodeTemplate(ctx),
  'codeTemplate.set': (ctx, { template }) => saveCodeTemplate(ctx, template),
  'codeTemplate.preview': async (_ctx, { template }) => previewCodeTemplate(template),
};
