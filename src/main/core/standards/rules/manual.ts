// manual: a clerk's attestation decides; until then the indicator awaits it. Evidence is the
// attestation's records plus the year's records of the kinds the indicator names.
import type { Indicator, Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { outcome, type Outcome } from '../outcome';
import { AWAITING_ATTESTATION, attestedUnmet } from '../wording';

export function evalManual(rule: Extract<Rule, { type: 'manual' }>, indicator: Indicator, f: CommunityFacts): Outcome {
  const related = (rule.evidenceKinds ?? []).flatMap((k) => (f.byKind.get(k) ?? []).map((r) => r.id));
  const a = f.attestations.get(indicator.id);
  const evidence = [...new Set([...(a?.evidence ?? []), ...related])].sort((x, y) => x - y);
  if (!a) return outcome('manual', [AWAITING_ATTESTATION], evidence);
  return outcome(a.status, a.status === 'unmet' ? [attestedUnmet(a.note)] : [], evidence);
}
