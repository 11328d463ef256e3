// profile(field ≥ n): a figure of the community profile (社区概况).
import type { Community } from '../../../../shared/domain';
import type { Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { countStatus, metOutcome, outcome, type Outcome } from '../outcome';
import { profileBasis, profileShortfall } from '../wording';

type ProfileRule = Extract<Rule, { type: 'profile' }>;

const FIELDS: Record<ProfileRule['field'], (c: Community) => number | null> = {
  户数: (c) => c.households,
  人口: (c) => c.population,
  辖区面积: (c) => c.areaKm2,
  驻区单位数: (c) => c.residentUnits,
  服务站面积: (c) => c.stationArea,
  每周服务时长: (c) => c.weeklyHours,
};

export function evalProfile(rule: ProfileRule, f: CommunityFacts): Outcome {
  const value = FIELDS[rule.field](f.community);
  const status = countStatus(value ?? 0, rule.min);
  if (status === 'met') return metOutcome([profileBasis(rule.field, value ?? 0, rule.unit)]);
  return outcome(status, [profileShortfall(rule.field, value, rule.min, rule.unit)]);
}
