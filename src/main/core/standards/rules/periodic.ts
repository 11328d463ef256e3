// monthly / quarterly / halfyearly (kind): ≥1 record of the kind in each period of Y due by A.
import type { Cadence, PeriodRule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { outcome, periodStatus, type Outcome, type PeriodCheck } from '../outcome';
import { dueMonth, duePeriods } from '../periods';
import { missingPeriods } from '../wording';

export function evalPeriodic(rule: PeriodRule, cadence: Cadence, f: CommunityFacts): Outcome {
  const due = duePeriods(cadence, f.year, f.asOf);
  const records = f.byKind.get(rule.kind) ?? [];
  const checks: PeriodCheck[] = due.map((p) => {
    const met = records.some((r) => r.date >= p.start && r.date <= p.end);
    return { key: `${rule.kind}|${p.start}|${p.end}`, kind: rule.kind, month: dueMonth(p, f.asOf), met, missing: met ? null : missingPeriods([p.label], rule.kind) };
  });
  const absent = due.filter((_, i) => !checks[i]!.met);
  const status = periodStatus(due.length - absent.length, due.length);
  const missing = absent.length > 0 ? [missingPeriods(absent.map((p) => p.label), rule.kind)] : [];
  return outcome(status, missing, records.map((r) => r.id), checks);
}
