// Display helpers: dates as 2025-03-05, money in yuan, status colours.
import type { IndicatorStatus } from '../../shared/audit';
import { STATUS_TEXT } from '../../shared/audit-verdict';
import type { RecordStatus } from '../../shared/vocabulary';

/** Dates and timestamps shown as 2025-03-05 (timestamps keep their time: 2025-03-05 14:02). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${yuan.format(value)} 元`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const RECORD_STATUS_COLORS: Record<RecordStatus, string> = {
  未归档: 'orange',
  在保: 'green',
  待鉴定: 'gold',
  已销毁: 'default',
  已移交: 'blue',
};

const STATUS_COLORS: Record<IndicatorStatus, string> = { met: 'success', partial: 'warning', unmet: 'error', pending: 'default', manual: 'processing', na: 'default' };
export const INDICATOR_STATUS = Object.fromEntries(
  Object.entries(STATUS_COLORS).map(([status, color]) => [status, { label: STATUS_TEXT[status as IndicatorStatus], color }]),
) as Record<IndicatorStatus, { label: string; color: string }>;

/** Select options from a list of labels. */
export const toOptions = (list: readonly string[]): { value: string; label: string }[] => list.map((v) => ({ value: v, label: v }));

export const AFFAIR_COLORS: Record<string, string> = { 党务: 'red', 居务: 'blue', 财务: 'gold' };
