// Score = 100 × (met + 0.5·partial) / (indicators not na, pending or awaiting attestation); grade by
// the thresholds in settings; a veto indicator attested unmet fails the standard (一票否决). With no
// indicator to score there is no score and no grade (STANDARDS.md §2: never 0 / 不达标).
import type { Grade, IndicatorResult } from '../../../shared/audit';
import type { Grades } from './settings';

const scored = (i: IndicatorResult) => i.status === 'met' || i.status === 'partial' || i.status === 'unmet';

export const assessedCount = (indicators: IndicatorResult[]): number => indicators.filter(scored).length;

export function scoreOf(indicators: IndicatorResult[]): number | null {
  const counted = indicators.filter(scored);
  if (counted.length === 0) return null;
  const points = counted.reduce((sum, i) => sum + (i.status === 'met' ? 1 : i.status === 'partial' ? 0.5 : 0), 0);
  return Math.round((1000 * points) / counted.length) / 10;
}

export const isVetoed = (indicators: IndicatorResult[]): boolean => indicators.some((i) => i.veto && i.status === 'unmet');

export const isVetoPending = (indicators: IndicatorResult[]): boolean => indicators.some((i) => i.veto && i.status === 'manual');

export function gradeOf(score: number | null, vetoed: boolean, grades: Grades): Grade | null {
  if (vetoed) return '不达标';
  if (score === null) return null;
  if (score >= grades.达标) return '达标';
  return score >= grades.基本达标 ? '基本达标' : '不达标';
}
