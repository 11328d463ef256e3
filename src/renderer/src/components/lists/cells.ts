// A list's cells as printed: dates as 2025-03-05, moments as 2025年12月4日 14:05, money with separators.
import { chineseDateTime } from '../../../../shared/fields/dates';
import type { ListCell, ListCellKind } from '../../../../shared/lists';
import { yuanText } from '../../format';

export function cellText(value: ListCell, kind: ListCellKind = 'text'): string {
  if (value === null || value === '') return '';
  if (kind === 'datetime' && typeof value === 'string') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : chineseDateTime(d);
  }
  if (kind === 'money' && typeof value === 'number') return yuanText(value);
  return String(value);
}
