// Columns, sorting and selection of a DataGrid (components/grid), for any list page.
import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';

export interface GridSort {
  /** a column's `sort` key */
  key: string;
  order: SortOrder;
}

export interface GridColumn<T> {
  key: string;
  title: ReactNode;
  /** the header said in words (an icon header's name for screen readers) */
  label?: string;
  /** px; left out: the column takes the remaining width (at least `minWidth`) */
  width?: number;
  minWidth?: number;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** the column can be sorted, by this key */
  sort?: string;
  /** long text is cut with … (the full text as the cell's title) */
  ellipsis?: (row: T) => string;
}

export type RowKey = string | number;
