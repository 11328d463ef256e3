import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/archive';
import { planDemo, type CommunityPlan } from '../../src/main/core/demo/plan';
import { requiredStaff } from '../../src/main/core/demo/roster';
import { DEFAULT_VOCABULARY, AFFAIRS } from '../../src/shared/vocabulary';

const YEAR = 2025;
const plan12 = planDemo({ year: YEAR, communities: 12, records: 150, seed: 7 }, fixedClock());
const AS_OF = `${YEAR}-12-31`;

const byName = (name: string) => plan12.communities.find((c) => c.community.name === name)!;
const withGap = (kind: string) => plan12.communities.filter((c) => c.gaps.has(kind as never));
const kindsIn = (c: CommunityPlan, kind: string) => c.records.filter((r) => r.kind === kind);
const months = (c: CommunityPlan, kind: string) => new Set(kindsIn(c, kind).map((r) => Number(r.date.slice(5, 7))));
const activeOn = (c: CommunityPlan, kind: string, day = AS_OF) =>
  c.roster.filter((e) => e.kind === kind && (e.startDate ?? '') <= day && (!e.endDate || e.endDate >= day)).length;
const quartersOfDisclosures = (c: CommunityPlan, affair: string) =>
  new Set(c.records.filter((r) => r.affair === affair && r.kind.includes('公开')).map((r) => Math.ceil(Number(r.date.slice(5, 7)) / 3)));

describe('demo plan', () => {
  it('is deterministic by seed, and another seed gives other data', () => {
    const again = planDemo({ year: YEAR, communities: 12, records: 150, seed: 7 }, fixedClock());
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan12));
    const other = planDemo({ year: YEAR, communities: 12, records: 150, seed: 8 }, fixedClock());
    expect(other.communities.map((c) => c.records.map((r) => r.title))).not.toEqual(plan12.communities.map((c) => c.records.map((r) => r.title)));
  });

  it('gives each community exactly --records items dated in the year, with unique fingerprints', () => {
    for (const c of plan12.communities) {
      expect(c.records).toHaveLength(150);
      expect(c.records.every((r) => r.date.startsWith(`${YEAR}-`))).toBe(true);
      expect(c.earlier.every((r) => Number(r.date.slice(0, 4)) < YEAR && Number(r.date.slice(0, 4)) >= YEAR - 6)).toBe(true);
    }
    const prints = plan12.communities.flatMap((c) => [...c.records, ...c.earlier].map((r) => r.fingerprint));
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints[0]).toMatch(/^demo:7:2025:S101:/);
  });

  it('covers every kind of the vocabulary within the year, even with one community', () => {
    for (const p of [plan12, planDemo({ year: YEAR, communities: 1, records: 150, seed: 3 }, fixedClock())]) {
      const present = new Set(p.communities.flatMap((c) => c.records.map((r) => r.kind)));
      const missing = AFFAIRS.flatMap((a) => DEFAULT_VOCABULARY.kinds[a]).filter((k) => !present.has(k));
      expect(missing).toEqual([]);
    }
  });

  it('models communities on 桃源社区, urban and rural, with codes S101…', () => {
    const taoyuan = plan12.communities[0]!.community;
    expect(taoyuan).toMatchObject({ code: 'S101', name: '桃源社区', type: '城市', households: 1274, population: 3719, areaKm2: 4.96, residentUnits: 47 });
    const rural = plan12.communities.filter((c) => c.community.type === '农村');
    expect(rural.map((c) => c.community.name)).toEqual(['沙河村', '金杨村', '双城村']);
    for (const { community: c } of plan12.communities) {
      expect(c.households).toBeGreaterThanOrEqual(600);
      expect(c.households).toBeLessThanOrEqual(3000);
    }
  });

  it('fills rosters of every kind, with ended entries and planted shortfalls', () => {
    const kinds = DEFAULT_VOCABULARY.rosterKinds.filter((k) => k !== '大学生村官');
    for (const c of plan12.communities) {
      expect(kinds.filter((k) => !c.roster.some((e) => e.kind === k))).toEqual([]);
      expect(c.roster.some((e) => e.endDate !== null && e.endDate! <= AS_OF)).toBe(true);
      if (c.community.type === '农村') expect(activeOn(c, '大学生村官')).toBe(c.gaps.has('oneCollegeOfficial') ? 1 : 2);
      const committee = activeOn(c, '大党委兼职委员');
      if (c.gaps.has('committeeOver')) expect(committee).toBe(6);
      else if (c.gaps.has('committeeUnder')) expect(committee).toBe(2);
      else expect(committee).toBeGreaterThanOrEqual(3);
      const staffed = activeOn(c, '专职工作人员') >= requiredStaff(c.community.households);
      expect(staffed).toBe(!c.gaps.has('understaffed'));
      expect(activeOn(c, '法律顾问')).toBe(c.gaps.has('lawyerLapsed') ? 0 : 1);
    }
    expect(byName('桃源社区').roster.filter((e) => e.kind === '专职工作人员' && !e.endDate)).toHaveLength(12);
  });

  it('plants every kind of gap somewhere, and most communities have none', () => {
    const planted = new Set(plan12.communities.flatMap((c) => c.gaps.list.map((g) => g.kind)));
    expect(planted.size).toBe(23);
    const perfect = plan12.communities.filter((c) => c.gaps.list.length === 0);
    expect(perfect.length).toBeGreaterThanOrEqual(6);
    expect(perfect[0]!.community.name).toBe('桃源社区');
  });

  it('misses a month of 居务监督委员会例会 where planted, and has all twelve elsewhere', () => {
    for (const c of plan12.communities) {
      const gap = c.gaps.get('supervisionMonth');
      expect(months(c, '居务监督委员会例会').size).toBe(gap ? 11 : 12);
      if (gap) expect(months(c, '居务监督委员会例会').has(gap.month!)).toBe(false);
    }
    expect(withGap('supervisionMonth')).toHaveLength(1);
  });

  it('plants the other period and count gaps', () => {
    for (const c of plan12.communities) {
      expect(months(c, '主题党日').size).toBe(c.gaps.has('partyDayMonth') ? 11 : 12);
      expect(months(c, '普法挂图张贴').size).toBe(c.gaps.has('posterMonth') ? 11 : 12);
      const activities = kindsIn(c, '法治宣传活动').length;
      if (c.gaps.has('fewLegalActivities')) expect(activities).toBe(3);
      else expect(activities).toBeGreaterThanOrEqual(4);
      const fund = kindsIn(c, '经费拨付').filter((r) => r.fundCategory === '民主法治建设经费').reduce((s, r) => s + (r.income ?? 0), 0);
      expect(fund >= 20000).toBe(!c.gaps.has('underfunded'));
      const firstHalfOrgLife = kindsIn(c, '组织生活会').some((r) => r.date < `${YEAR}-07-01`);
      expect(firstHalfOrgLife).toBe(!c.gaps.has('orgLifeHalf'));
      expect(kindsIn(c, '法治宣传年度计划').length > 0).toBe(!c.gaps.has('noLegalPlan'));
      expect(kindsIn(c, '居民协商议事').length > 0).toBe(!c.gaps.has('noConsultation'));
    }
  });

  it('plants disclosure gaps: a missing quarter, a missing class, a record without attachment', () => {
    for (const c of plan12.communities) {
      const gap = c.gaps.get('disclosureQuarter');
      for (const affair of AFFAIRS) {
        const quarters = quartersOfDisclosures(c, affair);
        if (gap?.affair === affair) expect([...quarters].sort()).toEqual([1, 2, 3, 4].filter((q) => q !== gap.quarter));
        else expect(quarters.size).toBe(4);
      }
      const classes = new Set(c.records.filter((r) => r.kind.startsWith('党务公开·') && r.kind !== '党务公开·其他').map((r) => r.kind));
      expect(classes.size).toBe(c.gaps.has('partyDisclosureClass') ? 7 : 8);
      const bare = c.records.filter((r) => r.kind.includes('公开') && r.attach.length === 0);
      expect(bare).toHaveLength(c.gaps.has('disclosureAttachment') ? 1 : 0);
    }
  });

  it('puts the election and 居民公约 files in earlier years, stale or missing where planted', () => {
    for (const c of plan12.communities) {
      const election = c.earlier.find((r) => r.kind === '居民委员会换届选举')!;
      expect(Number(election.date.slice(0, 4))).toBe(c.gaps.has('staleElection') ? YEAR - 6 : YEAR - 4);
      expect(c.earlier.some((r) => r.kind === '居民公约')).toBe(!c.gaps.has('noCompact'));
    }
  });

  it('numbers 文号 in date order per issuing body', () => {
    const docs = byName('桃源社区').records.filter((r) => r.docNumber?.startsWith('桃源居发'));
    expect(docs.map((r) => r.docNumber)).toEqual(docs.map((_, i) => `桃源居发〔2025〕${i + 1}号`));
    expect(docs.length).toBeGreaterThanOrEqual(2);
  });

  it('only adds items when --records grows', () => {
    const bigger = planDemo({ year: YEAR, communities: 2, records: 160, seed: 7 }, fixedClock());
    const smaller = planDemo({ year: YEAR, communities: 2, records: 150, seed: 7 }, fixedClock());
    const prints = (p: typeof bigger) => new Map(p.communities.flatMap((c) => c.records.map((r) => [r.fingerprint, r.title])));
    const big = prints(bigger);
    for (const [fp, title] of prints(smaller)) expect(big.get(fp)).toBe(title);
  });

  it('refuses too few records or bad options in Chinese', () => {
    expect(() => planDemo({ records: 20 }, fixedClock())).toThrow(/--records 20 太少.*请给 --records \d+ 或更多/);
    expect(() => planDemo({ communities: 31 }, fixedClock())).toThrow(/社区数最多为 30/);
    expect(() => planDemo({ year: 1990 }, fixedClock())).toThrow(/年度应在 2000 至 2100 之间/);
  });
});
