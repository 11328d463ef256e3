// The filing cells (全宗号·门类·年度·保管期限·问题) the filed records occupy, surveyed in one pass over the
// UNIQUE index on the 档号 parts: a few dozen rows instead of every record.
import type { Statements } from '../db';

/** A cell's parts as records hold them (any may be null on a damaged record). */
export interface CellParts {
  fonds_code: string | null;
  category_code: string;
  filing_year: number | null;
  retention_code: string | null;
  problem_code: string | null;
}

export interface CellSurvey extends CellParts {
  items: number;
  min_item: number;
  max_item: number;
}

export function surveyCells(q: Statements): CellSurvey[] {
  return q.all<CellSurvey>(
    `SELECT fonds_code, category_code, filing_year, retention_code, problem_code,
              count(*) AS items, min(item_no) AS min_item, max(item_no) AS max_item
         FROM records
        WHERE fonds_code IS NOT NULL AND item_no IS NOT NULL
        GROUP BY fonds_code, category_code, filing_year, retention_code, problem_code`,
  );
}

export const cellParts = (c: CellParts) => [c.fonds_code, c.category_code, c.filing_year, c.retention_code, c.problem_code];

/** A cell as the checks key it (null parts as ''). */
export const cellKey = (c: CellParts) => cellParts(c).join('|');
