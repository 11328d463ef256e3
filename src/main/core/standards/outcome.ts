// The result of one rule (or one composed indicator) before it is reported.
import type { IndicatorStatus } from '../../../shared/audit';

export interface Outcome {
  status: IndicatorStatus;
  missing: string[];
  evidence: number[];
  /** the figures a met rule rests on (roster, staffing, profile, fund) */
  basis?: string[];
}

export const outcome = (status: IndicatorStatus, missing: string[] = [], evidence: number[] = [], basis?: string[]): Outcome => ({
  status,
  missing,
  evidence,
  ...(basis?.length ? { basis } : {}),
});

/** Counting rules: none → unmet; below the minimum → partial; at or above → met; above a max → partial. */
export function countStatus(n: number, min: number, max?: number): IndicatorStatus {
  if (n <= 0) return 'unmet';
  if (n < min) return 'partial';
  if (max !== undefined && n > max) return 'partial';
  return 'met';
}

/** Period rules: every period present → met, some → partial, none → unmet. */
export function periodStatus(present: number, due: number): IndicatorStatus {
  if (present >= due) return 'met';
  return present === 0 ? 'unmet' : 'partial';
}
