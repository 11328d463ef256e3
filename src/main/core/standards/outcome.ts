// The result of one rule (or one composed indicator) before it is reported.
import type { IndicatorStatus } from '../../../shared/audit';

export interface Outcome {
  status: IndicatorStatus;
  missing: string[];
  evidence: number[];
  /** what the rule asked of each period due (periodic and disclosure rules): the completeness grid's cells */
  periods?: PeriodCheck[];
  /** the figures a met rule rests on (roster, staffing, profile, fund) */
  basis?: string[];
}

/** One requirement of one period, as the evaluation judged it. */
export interface PeriodCheck {
  /** the same requirement in two standards counts once: kind (or 类别公开) and period */
  key: string;
  /** the kind whose 类别 the requirement belongs to, or the 类别 itself */
  kind?: string;
  affair?: string;
  /** 1–12: the month it falls due in (the period's last month, or the as-of month while it runs) */
  month: number;
  met: boolean;
  /** in an inspector's words when not met, e.g. 缺11月居务监督委员会例会记录 */
  missing: string | null;
}

export const outcome = (status: IndicatorStatus, missing: string[] = [], evidence: number[] = [], periods?: PeriodCheck[]): Outcome =>
  periods ? { status, missing, evidence, periods } : { status, missing, evidence };

/** A counting rule met, with the figures it rests on (e.g. 截至2025年12月31日在任法律顾问1名). */
export const metOutcome = (basis: string[], evidence: number[] = []): Outcome => ({ status: 'met', missing: [], evidence, basis });

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
