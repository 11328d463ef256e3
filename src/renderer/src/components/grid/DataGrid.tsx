// A list as a keyboard-driven grid (WAI-ARIA grid): a virtual window of fixed-height rows (only the
// rows in view are in the page, each memoised, so a new result re-renders those rows and nothing
// else), sortable headers, rows that take focus (↑ ↓ PageUp PageDown Home End move, Enter opens,
// Space picks, Shift extends, Ctrl+A picks the page, Esc lets go), and ctrl/shift-click picking.
// It keeps the class names of antd's table rows and cells (ant-table-tbody, ant-table-row,
// ant-table-cell; antd styles them only inside its own table) so tests and tools that read lists
// by them keep working.
import { Spin } from 'antd';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './grid.css';
import { SortHeader } from './SortHeader';
import type { GridColumn, GridSort, RowKey } from './types';
import type { RowSelection } from './useRowSelection';

export interface DataGridProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => RowKey;
  /** keep the array stable (useMemo or a module constant): a new one re-renders every row */
  columns: GridColumn<T>[];
  /** what the list is, for screen readers */
  label: string;
  height: number;
  rowHeight?: number;
  loading?: boolean;
  /** shown when there are no rows (and nothing is loading) */
  empty?: ReactNode;
  sort?: GridSort | null;
  onSort?: (sort: GridSort | null) => void;
  selection?: RowSelection<T>;
  onOpen?: (row: T) => void;
  /** the position of the first row in the whole list (rows of page 2 start at 101) */
  firstRowNumber?: number;
  /** the whole list's length, when more rows match than are loaded */
  totalRows?: number;
  testId?: string;
  /** a change of this (the query, the page) scrolls back to the top; left out: every new `rows` */
  scrollKey?: string;
}

export interface DataGridHandle {
  /** focuses the focused row (e.g. after a drawer it opened closes) */
  focus(): void;
}

const OVERSCAN = 6;
const VEIL_AFTER_MS = 250;

interface RowHandlers<T> {
  click(e: React.MouseEvent, index: number, row: T): void;
  focus(index: number): void;
}

function DataGridInner<T>(props: DataGridProps<T>, ref: React.ForwardedRef<DataGridHandle>): React.JSX.Element {
  const { rows, rowKey, columns, height, rowHeight = 38, selection, loading } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // where the window is and which row has the focus, for one list: another list (scrollKey) starts
  // at its top, a reload of the same one stays where it was
  const scrollKey = props.scrollKey ?? rows;
  const [view, setView] = useState({ of: scrollKey as unknown, scrollTop: 0, focus: 0 });
  const current = view.of === scrollKey ? view : { of: scrollKey as unknown, scrollTop: 0, focus: 0 };
  const { scrollTop } = current;
  const setFocusIndex = useCallback((focus: number) => setView((v) => ({ ...(v.of === scrollKey ? v : { of: scrollKey, scrollTop: 0 }), focus })), [scrollKey]);
  const anchor = useRef(0);
  const wantFocus = useRef(false);
  const focus = Math.min(current.focus, Math.max(0, rows.length - 1));

  // the scroll position as last scrolled (reading the element's would force a layout)
  const scrolled = useRef(0);
  useLayoutEffect(() => {
    if (scroller.current && scrolled.current !== 0) scroller.current.scrollTop = 0;
    scrolled.current = 0;
    anchor.current = 0;
  }, [scrollKey]);
  // a loading veil only when an answer is slow: a quick one is never covered up and repainted
  const [veiled, setVeiled] = useState(false);
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setVeiled(true), VEIL_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setVeiled(false);
    };
  }, [loading]);

  const bodyHeight = Math.max(rowHeight, height - rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / rowHeight) + OVERSCAN);
  const template = useMemo(() => columns.map((c) => (c.width ? `${c.width}px` : `minmax(${c.minWidth ?? 160}px, 1fr)`)).join(' '), [columns]);
  const minWidth = useMemo(() => columns.reduce((w, c) => w + (c.width ?? c.minWidth ?? 160), 0), [columns]);

  const latest = useRef({ props, focus, bodyHeight });
  useLayoutEffect(() => {
    latest.current = { props, focus, bodyHeight };
  });

  /** Moves the focus to row `i`, scrolled into view; `extend` picks the rows from the anchor to it. */
  const moveTo = useCallback(
    (i: number, extend = false) => {
      const { props: p, bodyHeight: visible } = latest.current;
      const to = Math.max(0, Math.min(p.rows.length - 1, i));
      const el = scroller.current;
      if (el) {
        scrolled.current = el.scrollTop;
        if (to * rowHeight < el.scrollTop) el.scrollTop = to * rowHeight;
        else if ((to + 1) * rowHeight > el.scrollTop + visible) el.scrollTop = (to + 1) * rowHeight - visible;
      }
      if (extend && p.selection) {
        const [from, end] = anchor.current <= to ? [anchor.current, to] : [to, anchor.current];
        p.selection.add(p.rows.slice(from, end + 1).map((r) => [p.rowKey(r), r]));
      } else anchor.current = to;
      wantFocus.current = true;
      setFocusIndex(to);
    },
    [rowHeight, setFocusIndex],
  );

  useImperativeHandle(ref, () => ({ focus: () => moveTo(latest.current.focus) }), [moveTo]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`)?.focus({ preventScroll: true });
  });

  const page = useCallback((): [RowKey, T][] => latest.current.props.rows.map((r) => [latest.current.props.rowKey(r), r]), []);

  const handlers = useMemo<RowHandlers<T>>(
    () => ({
      click: (e, index, row) => {
        const p = latest.current.props;
        if (p.selection && (e.ctrlKey || e.metaKey)) {
          p.selection.toggle(p.rowKey(row), row, page());
          anchor.current = index;
        } else if (p.selection && e.shiftKey) {
          moveTo(index, true);
        } else {
          anchor.current = index;
          p.onOpen?.(row);
        }
        setFocusIndex(index);
      },
      focus: (index) => setFocusIndex(index),
    }),
    [moveTo, page, setFocusIndex],
  );

  const onKeyDown = (e: React.KeyboardEvent): void => {
    // the rows' keys; a header's sort button keeps its own (Enter, Space)
    if (rows.length === 0 || !(e.target instanceof HTMLElement) || !e.target.closest('.sanwu-grid-row')) return;
    const pageRows = Math.max(1, Math.floor(bodyHeight / rowHeight) - 1);
    const row = rows[focus];
    const moves: Record<string, number> = { ArrowDown: focus + 1, ArrowUp: focus - 1, PageDown: focus + pageRows, PageUp: focus - pageRows, Home: 0, End: rows.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!, e.shiftKey);
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      props.onOpen?.(row);
    } else if (e.key === ' ' && row && selection) {
      e.preventDefault();
      selection.toggle(rowKey(row), row, page());
      anchor.current = focus;
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && selection) {
      e.preventDefault();
      selection.add(page());
    } else if (e.key === 'Escape' && selection && selection.count(rows.length) > 0) {
      e.stopPropagation();
      selection.clear();
    }
  };

  const shown: number[] = [];
  for (let i = first; i < last; i++) shown.push(i);
  // the focused row stays in the page while scrolled away, so Tab always finds it
  if (rows.length > 0 && (focus < first || focus >= last)) shown.push(focus);

  const offset = props.firstRowNumber ?? 1;
  return (
    <div className="sanwu-grid-frame">
    <div
      ref={scroller}
      className="sanwu-grid"
      role="grid"
      aria-label={props.label}
      aria-rowcount={(props.totalRows ?? rows.length) + 1}
      aria-multiselectable={selection ? true : undefined}
      aria-busy={loading || undefined}
      data-testid={props.testId}
      style={{ height }}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        scrolled.current = top;
        setView((v) => ({ ...(v.of === scrollKey ? v : { of: scrollKey, focus: 0 }), scrollTop: top }));
      }}
      onKeyDown={onKeyDown}
    >
      <div style={{ minWidth }}>
        <div className="sanwu-grid-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: rowHeight }}>
          {columns.map((c) => (
            <SortHeader key={c.key} column={c} sort={props.sort ?? null} onSort={props.onSort} />
          ))}
        </div>
        <div className="ant-table-tbody sanwu-grid-body" role="rowgroup" style={{ height: rows.length * rowHeight }}>
          {shown.map((i) => {
            const row = rows[i]!;
            const key = rowKey(row);
            return (
              <GridRow
                key={key}
                row={row}
                rowKey={key}
                index={i}
                number={offset + i + 1}
                top={i * rowHeight}
                height={rowHeight}
                template={template}
                columns={columns as GridColumn<unknown>[]}
                selected={selection ? selection.isSelected(key) : undefined}
                focused={i === focus}
                handlers={handlers as RowHandlers<unknown>}
              />
            );
          })}
          {rows.length === 0 && !loading && props.empty && (
            <div className="sanwu-grid-empty" role="row" style={{ top: 0, minHeight: Math.min(bodyHeight, 260) }}>
              <div role="gridcell" aria-colspan={columns.length}>
                {props.empty}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
      {loading && veiled && (
        <div className="sanwu-grid-loading" style={{ top: rowHeight }}>
          <Spin />
        </div>
      )}
    </div>
  );
}

interface GridRowProps {
  row: unknown;
  rowKey: RowKey;
  index: number;
  /** aria-rowindex: the header is row 1 */
  number: number;
  top: number;
  height: number;
  template: string;
  columns: GridColumn<unknown>[];
  selected: boolean | undefined;
  focused: boolean;
  handlers: RowHandlers<unknown>;
}

const GridRow = memo(function GridRow(p: GridRowProps): React.JSX.Element {
  return (
    <div
      className={`ant-table-row sanwu-grid-row${p.selected ? ' sanwu-grid-row-selected' : ''}`}
      role="row"
      aria-rowindex={p.number}
      aria-selected={p.selected}
      data-row-key={p.rowKey}
      data-index={p.index}
      tabIndex={p.focused ? 0 : -1}
      style={{ top: p.top, height: p.height, gridTemplateColumns: p.template }}
      onMouseDown={(e) => {
        // shift-click picks a range, never selects the text between
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => p.handlers.click(e, p.index, p.row)}
      onFocus={() => p.handlers.focus(p.index)}
    >
      {p.columns.map((c) => {
        const full = c.ellipsis?.(p.row);
        return (
          <div key={c.key} role="gridcell" className={`ant-table-cell sanwu-grid-cell${c.ellipsis ? ' sanwu-grid-ellipsis' : ''}`} style={c.align ? { textAlign: c.align } : undefined} title={full}>
            {c.render(p.row)}
          </div>
        );
      })}
    </div>
  );
});

/** forwardRef loses the type parameter; this keeps it. */
export const DataGrid = forwardRef(DataGridInner) as <T>(props: DataGridProps<T> & { ref?: React.Ref<DataGridHandle> }) => React.JSX.Element;
