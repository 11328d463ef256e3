// An indicator made of several rules: met when all are met, unmet when all are unmet, else partial;
// its missing lists every shortfall. An attested "not applicable" makes the whole indicator na.
import type { IndicatorResult } from '../../../shared/audit';
import type { Indicator } from './catalogue';
import type { Outcome } from './outcome';

export function composeOutcomes(outcomes: Outcome[]): Outcome {
  const missing = outcomes.flatMap((o) => o.missing);
  const evidence = [...new Set(outcomes.flatMap((o) => o.evidence))].sort((a, b) => a - b);
  const basis = outcomes.flatMap((o) => o.basis ?? []);
  const statuses = outcomes.map((o) => o.status);
  const checks = outcomes.flatMap((o) => o.periods ?? []);
  const periods = checks.length > 0 ? { periods: checks } : {};
  const result = (status: Outcome['status']): Outcome => ({ status, missing, evidence, ...periods, ...(basis.length ? { basis } : {}) });
  if (statuses.includes('na')) return { status: 'na', missing: [], evidence };
  if (statuses.includes('manual')) return result('manual');
  // Rules not yet due neither pass nor fail the indicator; it is met only once they are.
  const decided = statuses.filter((s) => s !== 'pending');
  if (decided.length === 0) return result('pending');
  if (decided.every((s) => s === 'met')) return result(decided.length === statuses.length ? 'met' : 'pending');
  if (decided.every((s) => s === 'unmet')) return result('unmet');
  return result('partial');
}

export function indicatorResult(indicator: Indicator, o: Outcome, attestation: IndicatorResult['attestation']): IndicatorResult {
  return {
    id: indicator.id,
    item: indicator.item,
    status: o.status,
    missing: o.missing,
    evidence: o.evidence,
    ...(o.basis ? { basis: o.basis } : {}),
    veto: indicator.veto ?? false,
    attestation,
  };
}
