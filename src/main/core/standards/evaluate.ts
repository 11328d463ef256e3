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
import type { PeriodCheck } from './outcome';
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

/** A standard evaluated for one community, with the per-period checks behind its indicators. */
export interface EvaluatedStandard {
  result: StandardResult;
  /** every period requirement of its indicators (none from an indicator found not applicable) */
  periods: PeriodCheck[];
}

export interface Evaluation {
  asOf: string;
  communities: { community: Community; standards: EvaluatedStandard[] }[];
}

/** The one evaluation behind 考评, the completeness grid and the dashboard's reminders. */
export async function evaluate(ctx: ArchiveContext, year: number, standards: readonly Standard[], communities: Community[]): Promise<Evaluation> {
  const settings = await loadStandardsSettings(ctx.db);
  const asOf = asOfDate(year, ctx.clock);
  const facts = await loadFacts(ctx, year, asOf, communities, earlierNeeds(standards, year));
  return {
    asOf,
    communities: communities.map((c) => ({
      community: c,
      standards: standards.filter((s) => s.appliesTo.includes(c.type)).map((s) => evaluateStandard(s, facts.get(c.id)!, settings)),
    })),
  };
}

export async function runAudit(ctx: ArchiveContext, req: AuditRequest): Promise<AuditResult> {
  const r = parseRequest(auditRequestSchema, req, '考评参数不正确');
  if (r.standard) requireKnownStandards([r.standard]);
  // An explicitly named standard is evaluated even when the street office does not use it.
  const standards = r.standard ? STANDARDS.filter((s) => s.id === r.standard) : await standardsInUse(ctx);
  const communities: Community[] = r.community ? [await requireCommunityByName(ctx.db, r.community)] : await listCommunities(ctx.db);
  const evaluation = await evaluate(ctx, r.year, standards, communities);
  return {
    year: r.year,
    asOf: evaluation.asOf,
    communities: evaluation.communities.map((c) => ({ community: c.community.name, standards: c.standards.map((s) => s.result) })),
  };
}

export async function standardsInUse(ctx: ArchiveContext): Promise<Standard[]> {
  const { inUse } = await loadStandardsSettings(ctx.db);
  return STANDARDS.filter((s) => inUse.includes(s.id));
}

function earlierNeeds(standards: readonly Standard[], year: number): { kinds: string[]; fromYear: number } {
  const within = standards.flatMap((s) => s.indicators.flatMap((i) => i.rules)).flatMap((rule) => (rule.type === 'within' ? [rule] : []));
  return { kinds: [...new Set(within.map((w) => w.kind))], fromYear: year - Math.max(1, ...within.map((w) => w.years)) + 1 };
}

export function evaluateStandard(standard: Standard, f: CommunityFacts, settings: StandardsSettings): EvaluatedStandard {
  const periods: PeriodCheck[] = [];
  const indicators = standard.indicators.map((indicator) => {
    const composed = composeOutcomes(indicator.rules.map((rule) => evalRule(rule, indicator, f, settings)));
    if (composed.status !== 'na') periods.push(...(composed.periods ?? []));
    return indicatorResult(indicator, composed, f.attestations.get(indicator.id) ?? null);
  });
  const score = scoreOf(indicators);
  const vetoed = isVetoed(indicators);
  const awaiting = indicators.filter((i) => i.status === 'manual').length;
  const result = {
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
  return { result, periods };
}
