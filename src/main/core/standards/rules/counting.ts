// yearly(kind, n), within(kind, years), fund(category, yuan): counts over the year. While the year
// is still open a shortfall is not yet due, so it is pending (its missing text says so).
import type { Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { countStatus, metOutcome, outcome, type Outcome } from '../outcome';
import { yearEnded } from '../periods';
import { fundBasis, fundShortfall, withinShortfall, yearlyShortfall } from '../wording';

type Of<T extends Rule['type']> = Extract<Rule, { type: T }>;

function settle(status: Outcome['status'], f: CommunityFacts): Outcome['status'] {
  return status !== 'met' && !yearEnded(f.year, f.asOf) ? 'pending' : status;
}

export function evalYearly(rule: Of<'yearly'>, f: CommunityFacts): Outcome {
  const records = f.byKind.get(rule.kind) ?? [];
  const status = settle(countStatus(records.length, rule.min), f);
  const missing = status === 'met' ? [] : [yearlyShortfall(rule.kind, records.length, rule.min, status === 'pending')];
  return outcome(status, missing, records.map((r) => r.id));
}

export function evalWithin(rule: Of<'within'>, f: CommunityFacts): Outcome {
  const fromYear = f.year - rule.years + 1;
  const records = [...(f.earlier.get(rule.kind) ?? []).filter((r) => Number(r.date.slice(0, 4)) >= fromYear), ...(f.byKind.get(rule.kind) ?? [])];
  const status = settle(countStatus(records.length, 1), f);
  const missing = status === 'met' ? [] : [withinShortfall(rule.kind, rule.years, f.year, status === 'pending')];
  return outcome(status, missing, records.map((r) => r.id));
}

export function evalFund(rule: Of<'fund'>, f: CommunityFacts): Outcome {
  const records: number[] = [];
  let fen = 0;
  for (const list of f.byKind.values()) {
    for (const r of list) {
      if (r.fundCategory !== rule.category || !r.incomeFen) continue;
      fen += r.incomeFen;
      records.push(r.id);
    }
  }
  const minFen = Math.round(rule.yuan * 100);
  const status = settle(countStatus(fen, minFen), f);
  const ids = records.sort((a, b) => a - b);
  if (status === 'met') return metOutcome([fundBasis(rule.category, fen)], ids);
  return outcome(status, [fundShortfall(rule.category, fen, minFen, status === 'pending')], ids);
}
