// Evaluates the standards for the communities of a year (STANDARDS.md §2).
import { z } from 'zod';
import type { AuditRequest, AuditResult, StandardResult } from '../../../shared/audit';
import type { Community } from '../../../shared/domain';
import { yearSchema } from '../../../shared/schemas';
import { listCommunities, requireCommunityByName } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { STANDARDS, type Standard } from './catalogue';
import { composeOutcomes, indicatorResult } from './compose';
import { loadFacts, type CommunityFacts } from './facts';
import { asOfDate } from './periods';
import { parseRequest } from './request';
import { evalRule } from './rules';
import { assessedCount, gradeOf, isVetoed, isVetoPending, scoreOf } from './score';
import { loadStandardsSettings, requireKnownStandards, type StandardsSettings } from './settings';

export const auditRequestSchema = z.object({
  year: yearSchema,
  standard: z.string().trim().min(1).optional(),
  community: z.string().trim().min(1).optional(),
});

export async function runAudit(ctx: ArchiveContext, req: AuditRequest): Promise<AuditResult> {
  const r = parseRequest(auditRequestSchema, req, '考评参数不正确');
  const settings = await loadStandardsSettings(ctx.db);
  if (r.standard) requireKnownStandards([r.standard]);
  // An explicitly named standard is evaluated even when the street office does not use it.
  const standards = STANDARDS.filter((s) => (r.standard ? s.id === r.standard : settings.inUse.includes(s.id)));
  const communities: Community[] = r.community ? [await requireCommunityByName(ctx.db, r.community)] : await listCommunities(ctx.db);
  const asOf = asOfDate(r.year, ctx.clock);
  const facts = await loadFacts(ctx, r.year, asOf, communities, earlierNeeds(standards, r.year));
  return {
    year: r.year,
    asOf,
    communities: communities.map((c) => ({
      community: c.name,
      standards: standards.filter((s) => s.appliesTo.includes(c.type)).map((s) => evaluateStandard(s, facts.get(c.id)!, settings)),
    })),
  };
}

function earlierNeeds(standards: readonly Standard[], year: number): { kinds: string[]; fromYear: number } {
  const within = standards.flatMap((s) => s.indicators.flatMap((i) => i.rules)).flatMap((rule) => (rule.type === 'within' ? [rule] : []));
  return { kinds: [...new Set(within.map((w) => w.kind))], fromYear: year - Math.max(1, ...within.map((w) => w.years)) + 1 };
}

export function evaluateStandard(standard: Standard, f: CommunityFacts, settings: StandardsSettings): StandardResult {
  const indicators = standard.indicators.map((indicator) => {
    const composed = composeOutcomes(indicator.rules.map((rule) => evalRule(rule, indicator, f, settings)));
    return indicatorResult(indicator, composed, f.attestations.get(indicator.id) ?? null);
  });
  const score = scoreOf(indicators);
  const vetoed = isVetoed(indicators);
  const awaiting = indicators.filter((i) => i.status === 'manual').length;
  return {
    id: standard.id,
    name: standard.name,
    score,
    result: gradeOf(score, vetoed, settings.grades),
    vetoed,
    assessed: assessedCount(indicators),
    awaiting,
    vetoPending: !vetoed && isVetoPending(indicators),
    provisional: !vetoed && score !== null && (awaiting > 0 || indicators.some((i) => i.status === 'pending')),
    indicators,
  };
}
