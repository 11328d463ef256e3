// 件号 run from 0001 without gaps in each cell, up to the cell's counter (filing_cells.last_item_no).
import type { CheckProblem } from '../../../shared/check';
import type { Statements } from '../db';
import { cellKey, cellParts, type CellParts, type CellSurvey } from './cells';
import { problem, recordName } from './problems';
import type { CheckRecord } from './record-suspects';

type GapRecord = Pick<CheckRecord, 'id' | 'archival_code' | 'item_no' | 'fonds_code' | 'category_code' | 'filing_year' | 'retention_code' | 'problem_code'>;

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * Only cells that may have a gap are read record by record. A cell whose parts are all set has distinct
 * 件号 (the UNIQUE index), so it runs 0001…n exactly when it holds n items and its highest is n. A part
 * that is null, empty or holds '|' could merge cells under one key, so such cells are always read.
 */
export function gapProblems(q: Statements, cells: CellSurvey[]): CheckProblem[] {
  const counters = q.all<CellParts & { last_item_no: number }>(
    'SELECT fonds_code, category_code, year AS filing_year, retention_code, problem_code, last_item_no FROM filing_cells',
  );
  const lastNumbers = new Map(counters.map((c) => [cellKey(c), c.last_item_no]));
  const unclear = (c: CellSurvey) => cellParts(c).some((p) => p === null || p === '' || String(p).includes('|'));
  const suspects = cells.filter((c) => c.items !== c.max_item || c.min_item < 1 || (lastNumbers.get(cellKey(c)) ?? 0) > c.max_item || unclear(c));
  if (suspects.length === 0) return [];
  const inCell = `SELECT id, archival_code, item_no, fonds_code, category_code, filing_year, retention_code, problem_code
       FROM records
      WHERE fonds_code IS ? AND category_code IS ? AND filing_year IS ? AND retention_code IS ? AND problem_code IS ? AND item_no IS NOT NULL`;
  const records = suspects.flatMap((c) => q.all<GapRecord>(inCell, cellParts(c))).sort((a, b) => a.id - b.id);
  return cellGaps(records, lastNumbers);
}

/** `records`: whole cells, by id. */
function cellGaps(records: GapRecord[], lastNumbers: Map<string, number>): CheckProblem[] {
  const cells = new Map<string, GapRecord[]>();
  for (const r of records) {
    const key = cellKey(r);
    const list = cells.get(key);
    if (list) list.push(r);
    else cells.set(key, [r]);
  }
  const out: CheckProblem[] = [];
  for (const [key, list] of cells) {
    list.sort((a, b) => a.item_no! - b.item_no!);
    const [fonds, category, year, retention, problemCode] = key.split('|');
    const cell = `${fonds}-${category}·${year}-${retention}-${problemCode}`;
    let expected = 1;
    for (const r of list) {
      if (r.item_no! > expected) {
        const gap = r.item_no! - 1 === expected ? pad(expected) : `${pad(expected)}—${pad(r.item_no! - 1)}`;
        out.push(problem('item-gap', 'integrity', r, `${cell} 中缺件号 ${gap}（在 ${recordName(r)} 之前）；件号应从0001起连续，缺号请在备考表中说明。`));
      }
      expected = r.item_no! + 1;
    }
    const last = lastNumbers.get(key) ?? 0;
    if (last >= expected) {
      const r = list.at(-1)!;
      out.push(problem('item-gap', 'integrity', r, `${cell} 已编到件号 ${pad(last)}，但件号 ${pad(expected)}${last > expected ? `—${pad(last)}` : ''} 的档案不在库中（在 ${recordName(r)} 之后）。`));
    }
  }
  return out;
}
