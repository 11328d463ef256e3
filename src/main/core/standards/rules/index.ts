// One rule of an indicator, evaluated for one community (STANDARDS.md §2).
import type { Indicator, Rule } from '../catalogue';
import type { CommunityFacts } from '../facts';
import { outcome, type Outcome } from '../outcome';
import { yearStarted } from '../periods';
import type { StandardsSettings } from '../settings';
import { notStarted } from '../wording';
import { evalCoverage } from './coverage';
import { evalFund, evalWithin, evalYearly } from './counting';
import { evalDisclosed } from './disclosed';
import { evalManual } from './manual';
import { evalPeriodic } from './periodic';
import { evalProfile } from './profile';
import { evalRoster, evalStaffing } from './roster';

export function evalRule(rule: Rule, indicator: Indicator, f: CommunityFacts, settings: StandardsSettings): Outcome {
  if (rule.type === 'manual') return evalManual(rule, indicator, f);
  if (!yearStarted(f.year, f.asOf)) return outcome('pending', [notStarted(f.year)]);
  switch (rule.type) {
    case 'monthly':
    case 'quarterly':
    case 'halfyearly':
      return evalPeriodic(rule, settings.cadences[indicator.id] ?? rule.type, f);
    case 'yearly':
      return evalYearly(rule, f);
    case 'within':
      return evalWithin(rule, f);
    case 'fund':
      return evalFund(rule, f);
    case 'roster':
      return evalRoster(rule, f);
    case 'staffing':
      return evalStaffing(rule, f);
    case 'profile':
      return evalProfile(rule, f);
    case 'coverage':
      return evalCoverage(rule, f);
    case 'disclosed':
      return evalDisclosed(f);
  }
}
