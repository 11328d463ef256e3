// coverage(kinds): every listed kind has ≥1 record in Y. A shortfall is pending while Y is open.
import type { Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { outcome, periodStatus, type Outcome } from '../outcome';
import { yearEnded } from '../periods';
import { missingKinds } from '../wording';

export function evalCoverage(rule: Extract<Rule, { type: 'coverage' }>, f: CommunityFacts): Outcome {
  const absent = rule.kinds.filter((k) => !f.byKind.get(k)?.length);
  let status = periodStatus(rule.kinds.length - absent.length, rule.kinds.length);
  if (status !== 'met' && !yearEnded(f.year, f.asOf)) status = 'pending';
  const evidence = rule.kinds.flatMap((k) => (f.byKind.get(k) ?? []).map((r) => r.id)).sort((a, b) => a - b);
  const missing = absent.length > 0 ? [`${missingKinds(absent)}${status === 'pending' ? '；本年度尚未结束' : ''}`] : [];
  return outcome(status, missing, evidence);
}
