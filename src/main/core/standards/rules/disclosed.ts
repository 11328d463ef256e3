// disclosed: for each of 党务/居务/财务, every quarter of Y due by A holds ≥1 disclosure record of that
// 类别 (a kind whose name contains 公开), and every disclosure record has ≥1 attachment.
import { AFFAIRS, isDisclosureKind } from '../../../../shared/vocabulary';
import type { CommunityFacts, FactRecord } from '../facts';
import { outcome, type Outcome, type PeriodCheck } from '../outcome';
import { dueMonth, duePeriods } from '../periods';
import { disclosureWithoutAttachment, missingPeriods } from '../wording';

export function evalDisclosed(f: CommunityFacts): Outcome {
  const quarters = duePeriods('quarterly', f.year, f.asOf);
  const byAffair = new Map<string, FactRecord[]>();
  for (const [kind, list] of f.byKind) {
    if (!isDisclosureKind(kind)) continue;
    for (const r of list) {
      const records = byAffair.get(r.affair);
      if (records) records.push(r);
      else byAffair.set(r.affair, [r]);
    }
  }
  const missing: string[] = [];
  let slots = 0;
  let present = 0;
  let unattached = 0;
  const evidence: number[] = [];
  const checks: PeriodCheck[] = [];
  for (const affair of AFFAIRS) {
    const records = byAffair.get(affair) ?? [];
    evidence.push(...records.map((r) => r.id));
    const what = `${affair}公开`;
    const absent = quarters.filter((q) => {
      const met = records.some((r) => r.date >= q.start && r.date <= q.end);
      checks.push({ key: `${what}|${q.start}|${q.end}`, affair, month: dueMonth(q, f.asOf), met, missing: met ? null : missingPeriods([q.label], what) });
      return !met;
    });
    slots += quarters.length;
    present += quarters.length - absent.length;
    if (absent.length > 0) missing.push(missingPeriods(absent.map((q) => q.label), what));
    const bare = records.filter((r) => r.attachments === 0);
    unattached += bare.length;
    if (bare.length > 0) missing.push(disclosureWithoutAttachment(affair, bare));
    // a disclosure without its attachment leaves its own month short
    for (const month of new Set(bare.map((r) => Number(r.date.slice(5, 7))))) {
      const items = bare.filter((r) => Number(r.date.slice(5, 7)) === month);
      checks.push({ key: `${what}附件|${month}`, affair, month, met: false, missing: disclosureWithoutAttachment(affair, items) });
    }
  }
  const status = present === 0 ? 'unmet' : present === slots && unattached === 0 ? 'met' : 'partial';
  return outcome(status, missing, evidence.sort((a, b) => a - b), checks);
}
