// How the district shows a street office's reporting state and a community's completeness.
import type { ReportState } from '../../../../shared/district';

export const STATE: Record<ReportState, { label: string; color: string }> = {
  reported: { label: '已报送', color: 'success' },
  late: { label: '逾期报送', color: 'warning' },
  missing: { label: '未报送', color: 'error' },
};

/** green when (nearly) every month's requirements are met, yellow when most, red below */
export function completenessColour(share: number | null): string {
  if (share === null) return '#fafafa';
  if (share >= 0.95) return '#95de64';
  return share >= 0.7 ? '#ffd666' : '#ff7875';
}

export const percentText = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
