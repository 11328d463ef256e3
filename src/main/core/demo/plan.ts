// The whole demo as data, before anything is written: communities, rosters and every record of the
// year (plus the election files of earlier years). Pure and deterministic by seed.
import { z } from 'zod';
import { SanwuError } from '../../../shared/errors';
import { isoDay, type Clock } from '../context';
import { halfYearlyRecords, monthlyRecords, quarterlyRecords } from './cadence-records';
import { communityProfile, communitySlots, MAX_COMMUNITIES, type DemoCommunity } from './communities';
import { financialDisclosures, partyDisclosures, residentDisclosures } from './disclosure-records';
import { dealGaps, gapsDueBy, type GapSet } from './gaps';
import { ORDINARY_KIND_COUNT, ordinaryRecords } from './ordinary-records';
import { demoRandom } from './random';
import { bodiesOf, numberDocuments, type PlanContext, type PlannedRecord } from './record-plan';
import { demoRoster, type DemoRosterEntry } from './roster';
import { electionRecords, yearlyRecords } from './yearly-records';

export const demoOptionsSchema = z.object({
  year: z.number().int().min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间').default(2025),
  communities: z.number().int().min(1, '社区数至少为 1').max(MAX_COMMUNITIES, `社区数最多为 ${MAX_COMMUNITIES}`).default(12),
  records: z.number().int().min(1, '每个社区的件数至少为 1').max(5000, '每个社区每年最多 5000 件').default(300),
  seed: z.number().int().min(0, '种子应为非负整数').max(2 ** 31, '种子过大').default(1),
});
export type DemoOptions = z.input<typeof demoOptionsSchema>;

export interface FingerprintedRecord extends PlannedRecord {
  fingerprint: string;
}

export interface CommunityPlan {
  community: DemoCommunity;
  gaps: GapSet;
  roster: DemoRosterEntry[];
  /** exactly `records` items dated in the year, in date order */
  records: FingerprintedRecord[];
  /** election and 居民公约 files of earlier years */
  earlier: FingerprintedRecord[];
}

export interface DemoPlan {
  seed: number;
  year: number;
  /** the last day planned: 31 Dec, or today while the year runs */
  until: string;
  communities: CommunityPlan[];
}

/**
 * The demo obeys the rules every way in applies: nothing is dated after the clock's today, so the
 * running year is planned up to today (the gaps of periods not begun yet are left out), and a year
 * that has not begun is refused.
 */
export function planDemo(options: DemoOptions, clock: Clock): DemoPlan {
  const parsed = demoOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new SanwuError('INVALID_INPUT', `演示数据的参数有误：${parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('；')}。`);
  }
  const o = parsed.data;
  const today = isoDay(clock.now());
  if (`${o.year}-01-01` > today) {
    throw new SanwuError('INVALID_INPUT', `--year ${o.year} 尚未开始（今天是 ${today}），演示数据不写入未来的日期；请给 ${today.slice(0, 4)} 年或更早的年度。`);
  }
  const until = today < `${o.year}-12-31` ? today : `${o.year}-12-31`;
  const slots = communitySlots(o.communities);
  const gapsOf = dealGaps(o.seed, o.year, slots);
  const drafts = slots.map((slot) => {
    const gaps = gapsDueBy(gapsOf.get(slot.code)!, o.year, until);
    return draftCommunity(o.seed, o.year, until, communityProfile(o.seed, slot, gaps), gaps);
  });
  const largest = drafts.reduce((a, b) => (b.core.length > a.core.length ? b : a));
  const minimum = largest.core.length + ORDINARY_KIND_COUNT;
  if (o.records < minimum) {
    throw new SanwuError(
      'INVALID_INPUT',
      `--records ${o.records} 太少：${largest.p.community.name}一年按规定必有的事项就有 ${largest.core.length} 件，另需 ${ORDINARY_KIND_COUNT} 件日常事项。请给 --records ${minimum} 或更多（建议 300）。`,
    );
  }
  return { seed: o.seed, year: o.year, until, communities: drafts.map((d) => completeCommunity(o.seed, o.records, d)) };
}

interface Draft {
  p: PlanContext;
  /** the records the rules ask for, gaps applied */
  core: PlannedRecord[];
  earlier: PlannedRecord[];
}

function draftCommunity(seed: number, year: number, until: string, community: DemoCommunity, gaps: GapSet): Draft {
  const p: PlanContext = { year, until, community, rural: community.type === '农村', gaps, bodies: bodiesOf(community), rng: demoRandom(seed, year, community.code, 'records') };
  const elections = electionRecords(p);
  const core = [
    ...monthlyRecords(p),
    ...quarterlyRecords(p),
    ...halfYearlyRecords(p),
    ...partyDisclosures(p, community.index === 0 || p.rng.chance(0.6)),
    ...residentDisclosures(p),
    ...financialDisclosures(p),
    ...yearlyRecords(p),
    ...elections.inYear,
  ];
  const due = upTo(core, until);
  if (gaps.has('disclosureAttachment')) {
    const quarterly = due.filter((r) => r.kind === '居务公开' || r.kind === '财务收支公开');
    p.rng.pick(quarterly).attach = [];
  }
  return { p, core: due, earlier: elections.earlier };
}

/**
 * What has happened by `until`: a record due later this month happens today, later ones are left out,
 * and a disclosure still to come is not recorded yet.
 */
function upTo(records: PlannedRecord[], until: string): PlannedRecord[] {
  const month = until.slice(0, 7);
  return records.flatMap((r) => {
    const date = r.date > until && r.date.startsWith(month) ? until : r.date;
    if (date > until) return [];
    const pending = r.disclosureDate !== undefined && r.disclosureDate !== null && r.disclosureDate > until;
    return [{ ...r, date, ...(pending ? { disclosureDate: null, disclosureChannel: null } : {}) }];
  });
}

function completeCommunity(seed: number, count: number, { p, core, earlier }: Draft): CommunityPlan {
  const { community, year, gaps } = p;
  // The filler has its own stream, so a larger --records only adds items.
  const filler = ordinaryRecords({ ...p, rng: demoRandom(seed, year, community.code, 'ordinary') }, count - core.length);
  const records = [...core, ...filler];
  numberDocuments([...records, ...earlier]);
  const prefix = `demo:${seed}:${year}:${community.code}`;
  return {
    community,
    gaps,
    roster: demoRoster(seed, year, community, gaps, p.until),
    records: records.map((r, i) => ({ ...r, fingerprint: `${prefix}:${i + 1}` })).sort(byDate),
    earlier: earlier.map((r, i) => ({ ...r, fingerprint: `${prefix}:h${i + 1}` })).sort(byDate),
  };
}

const byDate = (a: FingerprintedRecord, b: FingerprintedRecord) => a.date.localeCompare(b.date);
