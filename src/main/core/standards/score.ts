// Score = 100 × (met + 0.5·partial) / (indicators not na, pending or awaiting attestation); grade by
// the thresholds in settings; a veto indicator attested unmet fails the standard (一票否决).
import type { Grade, IndicatorResult } from '../../../shared/audit';
import type { Grades } from './settings';

export function scoreOf(indicators: IndicatorResult[]): number {
  const counted = indicators.filter((i) => i.status === 'met' || i.status === 'partial' || i.status === 'unmet');
  if (counted.length === 0) return 0;
  const points = counted.reduce((sum, i) => sum + (i.status === 'met' ? 1 : i.status === 'partial' ? 0.5 : 0), 0);
  return Math.round((1000 * points) / counted.length) / 10;
}

export const isVetoed = (indicators: IndicatorResult[]): boolean => indicators.some((i) => i.veto && i.status === 'unmet');

export function gradeOf(score: number, vetoed: boolean, grades: Grades): Grade {
  if (vetoed) return '不达标';
  if (score >= grades.达标) return '达标';
  return score >= grades.基本达标 ? '基本达标' : '不达标';
}
