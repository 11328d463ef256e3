// A column header: its title, and for a sortable column a button that cycles 升序 → 降序 → 默认顺序,
// with aria-sort saying the order in force.
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { GridColumn, GridSort } from './types';

const NEXT: Record<string, 'asc' | 'desc' | null> = { none: 'asc', asc: 'desc', desc: null };
const SAID = { asc: '升序', desc: '降序' } as const;

export function SortHeader<T>({ column, sort, onSort }: { column: GridColumn<T>; sort: GridSort | null; onSort?: (s: GridSort | null) => void }): React.JSX.Element {
  const order = column.sort && sort?.key === column.sort ? sort.order : null;
  const align = column.align ? { justifyContent: column.align === 'right' ? 'flex-end' : column.align === 'center' ? 'center' : 'flex-start' } : undefined;
  if (!column.sort || !onSort) {
    return (
      <div role="columnheader" className="sanwu-grid-th" style={align} aria-label={column.label}>
        {column.title}
      </div>
    );
  }
  const next = NEXT[order ?? 'none'];
  const name = column.label ?? (typeof column.title === 'string' ? column.title : '');
  return (
    <div role="columnheader" className="sanwu-grid-th" style={align} aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none'}>
      <button
        type="button"
        className="sanwu-grid-sort"
        title={next ? `按${name}${SAID[next]}排列` : '恢复默认顺序（最新的在前）'}
        onClick={() => onSort(next ? { key: column.sort!, order: next } : null)}
      >
        {column.title}
        <span className="sanwu-grid-sort-icons" aria-hidden>
          <CaretUpOutlined className={order === 'asc' ? 'on' : undefined} />
          <CaretDownOutlined className={order === 'desc' ? 'on' : undefined} />
        </span>
      </button>
    </div>
  );
}
