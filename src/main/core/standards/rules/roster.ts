// roster(kind, min[, max]) and staffing: entries active on A (start ≤ A, no end or end ≥ A).
import type { Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { countStatus, metOutcome, outcome, type Outcome } from '../outcome';
import { rosterBasis, rosterShortfall, staffingBasis, staffingShortfall } from '../wording';

type Of<T extends Rule['type']> = Extract<Rule, { type: T }>;

export function activeOn(f: CommunityFacts, kind: string): number {
  return f.roster.filter((e) => e.kind === kind && (e.startDate === null || e.startDate <= f.asOf) && (e.endDate === null || e.endDate >= f.asOf)).length;
}

export function evalRoster(rule: Of<'roster'>, f: CommunityFacts): Outcome {
  const n = activeOn(f, rule.kind);
  const status = countStatus(n, rule.min, rule.max);
  if (status === 'met') return metOutcome([rosterBasis(rule.kind, n, rule.unit ?? '名', f.asOf)]);
  return outcome(status, [rosterShortfall(rule.kind, n, rule.min, rule.max, rule.unit ?? '名', f.asOf)]);
}

/** 专职工作人员 on A ≥ max(2, ceil(户数 / 300)) (seed 004 item 45). */
export function evalStaffing(rule: Of<'staffing'>, f: CommunityFacts): Outcome {
  const households = f.community.households;
  const required = Math.max(rule.min, Math.ceil((households ?? 0) / rule.householdsPerStaff));
  const n = activeOn(f, rule.kind);
  const status = countStatus(n, required);
  if (status === 'met') return metOutcome([staffingBasis(rule.kind, n, required, households, f.asOf)]);
  return outcome(status, [staffingShortfall(rule.kind, n, required, households, f.asOf)]);
}
