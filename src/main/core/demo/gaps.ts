// The shortfalls planted in the demo so that the audits have something true to find.
// Most communities are good; every gap lands on a few "imperfect" ones.
import type { Affair } from '../../../shared/vocabulary';
import type { CommunitySlot } from './communities';
import { demoRandom, type Random } from './random';

export type GapKind =
  // records of the year
  | 'supervisionMonth' // a month without 居务监督委员会例会
  | 'partyDayMonth' // a month without 主题党日
  | 'posterMonth' // a month without 普法挂图张贴
  | 'disclosureQuarter' // a quarter without any disclosure of one 类别
  | 'disclosureAttachment' // a disclosure record without its attachment
  | 'fewLegalActivities' // 3 法治宣传活动 instead of ≥ 4
  | 'underfunded' // 民主法治建设经费 under 20,000 yuan
  | 'orgLifeHalf' // no 组织生活会 in the first half-year
  | 'partyDisclosureClass' // one of the eight 党务公开 classes never disclosed
  | 'noLegalPlan' // no 法治宣传年度计划
  | 'staleElection' // last 居民委员会换届选举 more than 5 years ago
  | 'noConsultation' // no 居民协商议事
  | 'noCompact' // no 居民公约 in the last 5 years
  // roster
  | 'lawyerLapsed' // the 法律顾问 contract ended mid-year, not renewed
  | 'committeeOver' // 6 大党委兼职委员
  | 'committeeUnder' // 2 大党委兼职委员
  // villages
  | 'fewVolunteerTeams' // a single 志愿者队伍
  | 'fewSocialOrgs' // 2 社会组织
  | 'understaffed' // 专职工作人员 below one per 300 households
  | 'repMeetingQuarter' // a quarter without 居民代表会议
  | 'smallStation' // 服务站 under 50 m²
  | 'shortHours' // open under 40 hours a week
  | 'oneCollegeOfficial'; // a single 大学生村官

export interface Gap {
  kind: GapKind;
  month?: number;
  quarter?: number;
  affair?: Affair;
  partyClass?: string;
}

export interface GapSet {
  has(kind: GapKind): boolean;
  get(kind: GapKind): Gap | undefined;
  list: Gap[];
}

const RECORD_GAPS: GapKind[] = [
  'supervisionMonth', 'partyDayMonth', 'posterMonth', 'disclosureQuarter', 'disclosureAttachment', 'fewLegalActivities',
  'underfunded', 'orgLifeHalf', 'partyDisclosureClass', 'noLegalPlan', 'staleElection', 'noConsultation', 'noCompact',
];
const ROSTER_GAPS: GapKind[] = ['lawyerLapsed', 'committeeOver', 'committeeUnder'];
// What only the rural standard (BJ-NCSQ) checks goes to the villages, where an audit will see it.
const VILLAGE_GAPS: GapKind[] = ['repMeetingQuarter', 'smallStation', 'shortHours', 'oneCollegeOfficial', 'fewVolunteerTeams', 'fewSocialOrgs', 'understaffed'];
const EXCLUSIVE: GapKind[][] = [['committeeOver', 'committeeUnder']];

/** The eight 党务公开 classes that WH-DJ-10A requires (·其他 is optional). */
export const PARTY_CLASSES = ['学习贯彻', '工作部署', '组织生活', '组织建设', '议事决策', '党风廉政', '服务群众', '社区治理'] as const;

/** Two communities in five (the 2nd and 4th of each five) carry the record and roster gaps; villages carry the rural ones. */
const isImperfect = (index: number) => index % 5 === 1 || index % 5 === 3;

function gapSet(list: Gap[]): GapSet {
  return { list, has: (k) => list.some((g) => g.kind === k), get: (k) => list.find((g) => g.kind === k) };
}

/**
 * Record gaps vary with the year; roster, profile and village gaps belong to the community (its
 * roster and profile are written once, when it is created).
 */
export function dealGaps(seed: number, year: number, slots: CommunitySlot[]): Map<string, GapSet> {
  const lists = new Map<string, Gap[]>(slots.map((s) => [s.code, []]));
  const deal = (kinds: GapKind[], holders: CommunitySlot[], rng: Random) => {
    if (holders.length === 0) return;
    rng.shuffle(kinds).forEach((kind, i) => {
      // The first holder without a conflicting gap, starting with the round-robin one.
      for (let k = 0; k < holders.length; k++) {
        const list = lists.get(holders[(i + k) % holders.length]!.code)!;
        const clash = EXCLUSIVE.some((group) => group.includes(kind) && list.some((g) => group.includes(g.kind)));
        if (clash) continue;
        list.push(gapDetail(kind, rng));
        return;
      }
    });
  };
  const imperfect = slots.filter((s) => isImperfect(s.index));
  deal(RECORD_GAPS, imperfect, demoRandom(seed, year, 'gaps'));
  deal(ROSTER_GAPS, [...imperfect].reverse(), demoRandom(seed, 'roster-gaps'));
  deal(VILLAGE_GAPS, slots.filter((s) => s.type === '农村'), demoRandom(seed, 'village-gaps'));
  return new Map([...lists].map(([code, list]) => [code, gapSet(list)]));
}

function gapDetail(kind: GapKind, rng: Random): Gap {
  switch (kind) {
    case 'supervisionMonth':
    case 'partyDayMonth':
    case 'posterMonth':
      return { kind, month: rng.int(2, 11) };
    case 'disclosureQuarter':
      return { kind, quarter: rng.int(2, 3), affair: rng.pick(['党务', '居务', '财务'] as const) };
    case 'repMeetingQuarter':
      return { kind, quarter: rng.int(1, 3) };
    case 'partyDisclosureClass':
      return { kind, partyClass: `党务公开·${rng.pick(PARTY_CLASSES)}` };
    default:
      return { kind };
  }
}

/** What an inspector would be told, in Chinese. */
export function describeGap(g: Gap): string {
  switch (g.kind) {
    case 'supervisionMonth':
      return `缺 ${g.month}月 居务监督委员会例会记录`;
    case 'partyDayMonth':
      return `缺 ${g.month}月 主题党日记录`;
    case 'posterMonth':
      return `缺 ${g.month}月 普法挂图张贴记录`;
    case 'disclosureQuarter':
      return `第${g.quarter}季度没有${g.affair}公开记录`;
    case 'disclosureAttachment':
      return '有一件公开记录没有附件（公开栏照片未归档）';
    case 'fewLegalActivities':
      return '全年法治宣传活动只有 3 次（要求不少于 4 次）';
    case 'underfunded':
      return '民主法治建设经费不足 2 万元';
    case 'orgLifeHalf':
      return '上半年未召开组织生活会';
    case 'partyDisclosureClass':
      return `全年没有“${g.partyClass}”公开`;
    case 'noLegalPlan':
      return '没有法治宣传年度计划';
    case 'staleElection':
      return '居民委员会换届选举已超过 5 年';
    case 'noConsultation':
      return '全年没有居民协商议事记录';
    case 'noCompact':
      return '近 5 年没有制定或修订居民公约';
    case 'lawyerLapsed':
      return '法律顾问合同年中到期未续聘';
    case 'fewVolunteerTeams':
      return '只有 1 支志愿者队伍';
    case 'fewSocialOrgs':
      return '社会组织只有 2 个';
    case 'understaffed':
      return '专职工作人员少于每 300 户 1 名';
    case 'committeeOver':
      return '大党委兼职委员 6 名（一般为 3 至 5 名）';
    case 'committeeUnder':
      return '大党委兼职委员只有 2 名（年内另有 1 名已离任）';
    case 'repMeetingQuarter':
      return `第${g.quarter}季度未召开村民代表会议`;
    case 'smallStation':
      return '社区服务站面积不足 50 平方米';
    case 'shortHours':
      return '每周服务时长不足 40 小时';
    case 'oneCollegeOfficial':
      return '只有 1 名大学生村官';
  }
}

/**
 * The gaps an audit on `until` can see: those of months and quarters begun by then, and a lapsed
 * contract only once it has lapsed. A finished year keeps them all.
 */
export function gapsDueBy(set: GapSet, year: number, until: string): GapSet {
  const month = Number(until.slice(5, 7));
  const due = (g: Gap) => {
    if (g.month !== undefined) return g.month <= month;
    if (g.quarter !== undefined) return g.quarter * 3 - 2 <= month;
    if (g.kind === 'lawyerLapsed') return until > `${year}-06-30`;
    return true;
  };
  return gapSet(set.list.filter(due));
}
