// How a standard's result reads wherever it is shown (CLI, UI, documents): never a conclusion the
// archive cannot back — 暂评 while items await attestation or are not yet due, 待认定 while a veto
// item does, 暂无可评分项 when nothing can be scored (STANDARDS.md §2).
import type { IndicatorResult, IndicatorStatus, StandardResult } from './audit';

/** An indicator's result in words short enough for a table cell (CLI, UI, documents). */
export const STATUS_TEXT: Record<IndicatorStatus, string> = {
  met: '达标',
  partial: '部分达标',
  unmet: '未达标',
  pending: '未到期',
  manual: '待认定',
  na: '不适用',
};

type Verdict = Pick<StandardResult, 'score' | 'result' | 'vetoed' | 'provisional' | 'vetoPending'>;

export const NOTHING_SCORABLE = '暂无可评分项';

/** 达标 · 暂评基本达标 · 不达标（一票否决） · 暂无可评分项 */
export function verdictText(s: Verdict): string {
  if (s.vetoed) return '不达标（一票否决）';
  if (s.score === null || s.result === null) return NOTHING_SCORABLE;
  return s.provisional ? `暂评${s.result}` : s.result;
}

/** the score as printed: 85.5 · 暂无 */
export function scoreText(s: Pick<StandardResult, 'score'>): string {
  return s.score === null ? '暂无' : String(Math.round(s.score * 10) / 10);
}

/** 一票否决: 是 · 否 · 待认定 (a veto item awaits attestation) · — (the standard has none) */
export function vetoText(s: Pick<StandardResult, 'vetoed' | 'vetoPending'> & { indicators: Pick<IndicatorResult, 'veto'>[] }): string {
  if (s.vetoed) return '是';
  if (s.vetoPending) return '待认定';
  return s.indicators.some((i) => i.veto) ? '否' : '—';
}
