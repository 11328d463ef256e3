// A data row read through its sheet's column definitions: typed values, and every cell refused.
import type { Plain } from './cells';
import type { SheetDef } from './columns';
import type { HeaderMap } from './header';
import { parseCell, type CellEnv } from './parse-cell';
import type { RowIssue } from './row-issue';

export interface RowValues<K extends string> {
  values: Record<K, unknown>;
  issues: RowIssue[];
}

export function readRow<K extends string>(def: SheetDef<K>, header: HeaderMap, cells: readonly Plain[], env: CellEnv): RowValues<K> {
  const values = {} as Record<K, unknown>;
  const issues: RowIssue[] = [];
  for (const [field, col] of Object.entries(def.columns) as [K, SheetDef<K>['columns'][K]][]) {
    const at = header.get(col.header);
    const parsed = parseCell(col, at === undefined ? null : (cells[at] ?? null), env);
    if ('error' in parsed) {
      issues.push({ column: col.header, message: parsed.error });
      values[field] = null;
    } else values[field] = parsed.value;
  }
  return { values, issues };
}

/** field name -> column header, for mapping schema issues back to columns */
export function headersOf<K extends string>(def: SheetDef<K>, extra: Record<string, K> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of Object.entries(def.columns) as [K, { header: string }][]) out[field] = col.header;
  for (const [inputKey, field] of Object.entries(extra)) out[inputKey] = def.columns[field].header;
  return out;
}
