// Display helpers: dates as 2025-03-05, money in yuan, status colours.
import type { IndicatorStatus } from '../../shared/audit';
import { STATUS_TEXT } from '../../shared/audit-verdict';
import { chineseDateTime } from '../../shared/fields/dates';
import type { RecordStatus } from '../../shared/vocabulary';

/** Dates as 2025-03-05 (a list's column); moments as people write them, 2025年12月4日 14:05, never an ISO stamp. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : chineseDateTime(d);
}

// Intl's first zh-CN formatter loads its locale data (30–50 ms of a page's first paint): made on first
// use of money, and counts are grouped without it.
let yuanFormat: Intl.NumberFormat | undefined;

/** 1,234.50 */
export function yuanText(value: number): string {
  yuanFormat ??= new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return yuanFormat.format(value);
}

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${yuanText(value)} 元`;
}

/** A whole count as zh-CN writes it: 200,118. */
export const formatCount = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const RECORD_STATUS_COLORS: Record<RecordStatus, string> = {
  未归档: 'orange',
  在保: 'green',
  待鉴定: 'gold',
  拟销毁: 'volcano',
  已销毁: 'default',
  移交中: 'cyan',
  已移交: 'blue',
};

const STATUS_COLORS: Record<IndicatorStatus, string> = { met: 'success', partial: 'warning', unmet: 'error', pending: 'default', manual: 'processing', na: 'default' };
export const INDICATOR_STATUS = Object.fromEntries(
  Object.entries(STATUS_COLORS).map(([status, color]) => [status, { label: STATUS_TEXT[status as IndicatorStatus], color }]),
) as Record<IndicatorStatus, { label: string; color: string }>;

/** Select options from a list of labels. */
export const toOptions = (list: readonly string[]): { value: string; label: string }[] => list.map((v) => ({ value: v, label: v }));

export const AFFAIR_COLORS: Record<string, string> = { 党务: 'red', 居务: 'blue', 财务: 'gold' };
