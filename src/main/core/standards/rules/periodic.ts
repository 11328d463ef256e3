// monthly / quarterly / halfyearly (kind): ≥1 record of the kind in each period of Y due by A.
import type { Cadence, PeriodRule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { outcome, periodStatus, type Outcome } from '../outcome';
import { duePeriods } from '../periods';
import { missingPeriods } from '../wording';

export function evalPeriodic(rule: PeriodRule, cadence: Cadence, f: CommunityFacts): Outcome {
  const due = duePeriods(cadence, f.year, f.asOf);
  const records = f.byKind.get(rule.kind) ?? [];
  const absent = due.filter((p) => !records.some((r) => r.date >= p.start && r.date <= p.end));
  const status = periodStatus(due.length - absent.length, due.length);
  const missing = absent.length > 0 ? [missingPeriods(absent.map((p) => p.label), rule.kind)] : [];
  return outcome(status, missing, records.map((r) => r.id));
}
