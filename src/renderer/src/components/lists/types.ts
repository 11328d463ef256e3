// A list as the page shows it, ready to export (lists.export) or print.
import type { ListCell, ListColumn } from '../../../../shared/lists';

export interface ShownList {
  /** e.g. 档案检查结果 */
  title: string;
  /** what the list holds: filters, when it was made, counts */
  note?: string;
  columns: ListColumn[];
  rows: ListCell[][];
}
