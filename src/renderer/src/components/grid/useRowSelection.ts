// Which rows of a list are chosen for a batch action: rows picked one by one (kept across pages, with
// the row itself, so actions can look at their status), or every row matching the list's query. A new
// query (`scope`) starts afresh.
import { useCallback, useMemo, useState } from 'react';
import type { RowKey } from './types';

export interface RowSelection<T> {
  /** the rows picked, by key */
  picked: ReadonlyMap<RowKey, T>;
  /** every row matching the query, loaded or not */
  allMatching: boolean;
  isSelected(key: RowKey): boolean;
  /** how many rows are chosen, `total` being the query's match count */
  count(total: number): number;
  /** `page`: the rows shown, which stay picked when one is unpicked from "all matching" */
  toggle(key: RowKey, row: T, page?: [RowKey, T][]): void;
  /** adds rows (a shift-click range, a page) */
  add(rows: [RowKey, T][]): void;
  selectAllMatching(): void;
  clear(): void;
}

interface State<T> {
  scope: string;
  picked: Map<RowKey, T>;
  allMatching: boolean;
}

export function useRowSelection<T>(scope: string): RowSelection<T> {
  const [state, setState] = useState<State<T>>(() => ({ scope, picked: new Map(), allMatching: false }));
  const current = state.scope === scope ? state : { scope, picked: new Map<RowKey, T>(), allMatching: false };
  const update = useCallback(
    (fn: (s: State<T>) => State<T>) => setState((s) => fn(s.scope === scope ? s : { scope, picked: new Map(), allMatching: false })),
    [scope],
  );
  const { picked, allMatching } = current;
  return useMemo<RowSelection<T>>(
    () => ({
      picked,
      allMatching,
      isSelected: (key) => allMatching || picked.has(key),
      count: (total) => (allMatching ? total : picked.size),
      toggle: (key, row, page = []) =>
        update((s) => {
          // unpicking one of "all matching": the rows on the page stay picked but that one
          if (s.allMatching) {
            const next = new Map(page);
            next.delete(key);
            return { ...s, picked: next, allMatching: false };
          }
          const next = new Map(s.picked);
          if (next.has(key)) next.delete(key);
          else next.set(key, row);
          return { ...s, picked: next };
        }),
      add: (rows) =>
        update((s) => {
          const next = new Map(s.picked);
          for (const [k, r] of rows) next.set(k, r);
          return { ...s, picked: next };
        }),
      selectAllMatching: () => update((s) => ({ ...s, allMatching: true })),
      clear: () => update((s) => ({ ...s, picked: new Map(), allMatching: false })),
    }),
    [picked, allMatching, update],
  );
}
