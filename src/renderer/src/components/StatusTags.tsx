// Coloured tags for record and indicator statuses.
import { Tag } from 'antd';
import type { IndicatorStatus } from '../../../shared/audit';
import type { RecordStatus } from '../../../shared/vocabulary';
import { AFFAIR_COLORS, INDICATOR_STATUS, RECORD_STATUS_COLORS } from '../format';

/** A voided record shows 已作废 whatever status it was voided in. */
export function RecordStatusTag({ status, voided = false }: { status: RecordStatus; voided?: boolean }): React.JSX.Element {
  return voided ? <Tag color="red">已作废</Tag> : <Tag color={RECORD_STATUS_COLORS[status]}>{status}</Tag>;
}

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }): React.JSX.Element {
  const s = INDICATOR_STATUS[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}

export function AffairTag({ affair }: { affair: string }): React.JSX.Element {
  return <Tag color={AFFAIR_COLORS[affair] ?? 'default'}>{affair}</Tag>;
}
