// Finding a sheet's header row: the first row, among the first 10 rows with content, that holds every
// required column name. Title rows above it (merged or not) are skipped and said so; columns are known
// by their names in any order; columns the template does not have are ignored and said so.
import { cellText, clean, halfWidth, isBlank, plainValue, type Plain } from './cells';
import type { SheetDef } from './columns';
import { FileProblem } from './file-problem';

/** Rows with content looked at before giving up on finding the header. */
const HEADER_SEARCH_ROWS = 10;

export type HeaderMap = Map<string, number>;

/** What the scan found worth telling the clerk (nothing refused). */
export interface SheetNotice {
  row: number | null;
  message: string;
}

const TEMPLATE_HINT = '可在“数据导入”页点“下载模板”获取导入模板';

/** A header as meant: no spaces (题 名, also ideographic), no required-marks (*题名), half-width. */
function headerName(p: Plain): string {
  return clean(halfWidth(cellText(p))).replace(/\s+/g, '').replace(/^\*|\*$/g, '');
}

/** 1 -> A, 27 -> AA */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const shown = (cells: Plain[]) => cells.filter((c) => !isBlank(c)).map(cellText).join(' ').slice(0, 40);

/** Feeds a sheet's rows through header detection; after the header, data rows go to `onRow`. */
export class SheetScanner {
  private header: HeaderMap | null = null;
  /** the header row as written, once found */
  headerCells: Plain[] | null = null;
  readonly notices: SheetNotice[] = [];
  private readonly before: { row: number; cells: Plain[] }[] = [];
  private readonly known: Set<string>;
  private readonly required: string[];

  constructor(
    private readonly def: SheetDef,
    private readonly onRow: (row: number, cells: Plain[], header: HeaderMap) => void,
  ) {
    this.known = new Set(Object.values(def.columns).map((c) => c.header));
    this.required = Object.values(def.columns).filter((c) => c.required).map((c) => c.header);
  }

  push(row: number, raw: readonly unknown[]): void {
    // Only the cells present: a lone cell in column XFD costs one step, not 16,384.
    const cells: Plain[] = [];
    raw.forEach((v, i) => {
      cells[i] = plainValue(v);
    });
    if (cells.every(isBlank)) return;
    if (this.header) {
      this.onRow(row, cells, this.header);
      return;
    }
    const names = new Set(cells.map(headerName));
    if (this.required.every((h) => names.has(h))) {
      this.useHeader(row, cells);
      return;
    }
    this.before.push({ row, cells });
    if (this.before.length >= HEADER_SEARCH_ROWS) this.noHeader();
  }

  /** Called when the sheet has no more rows. */
  end(): void {
    if (this.header) return;
    if (this.before.length === 0) {
      throw new FileProblem(this.def.name, `工作表是空的：应有一行表头（${this.headerList()}），其下逐行填写。${TEMPLATE_HINT}`);
    }
    this.noHeader();
  }

  private useHeader(row: number, cells: Plain[]): void {
    const map: HeaderMap = new Map();
    const ignored: string[] = [];
    cells.forEach((c, i) => {
      const name = headerName(c);
      if (name === '') return;
      if (!this.known.has(name)) {
        ignored.push(`“${cellText(c)}”`);
        return;
      }
      const first = map.get(name);
      if (first !== undefined) {
        throw new FileProblem(this.def.name, `第${row}行表头中，列“${name}”出现了两次（第${columnLetter(first)}列和第${columnLetter(i)}列），请只保留一列`);
      }
      map.set(name, i);
    });
    if (this.before.length > 0) {
      const rows = this.before.slice(0, 3).map((b) => `第${b.row}行“${shown(b.cells)}”`);
      const more = this.before.length > 3 ? `等 ${this.before.length} 行` : '';
      this.notices.push({ row, message: `表头在第${row}行，其上方的${rows.join('、')}${more}是标题或说明，已跳过` });
    }
    if (ignored.length > 0) {
      this.notices.push({ row, message: `第${row}行表头中的${ignored.slice(0, 10).join('')}${ignored.length > 10 ? `等 ${ignored.length} 列` : ''}不是导入模板中的列，这些列已忽略` });
    }
    this.header = map;
    this.headerCells = cells;
  }

  private headerList(): string {
    return Object.values(this.def.columns).map((c) => c.header).join('、');
  }

  private noHeader(): never {
    // The row that looks most like a header says which required columns it lacks.
    const best = this.before
      .map((b) => ({ ...b, hits: b.cells.filter((c) => this.known.has(headerName(c))).length }))
      .sort((a, b) => b.hits - a.hits || a.row - b.row)[0];
    if (best && best.hits >= 2) {
      const names = new Set(best.cells.map(headerName));
      const missing = this.required.filter((h) => !names.has(h)).map((h) => `“${h}”`);
      throw new FileProblem(this.def.name, `第${best.row}行表头缺少必填列${missing.join('')}。表头须包含：${this.required.join('、')}（${TEMPLATE_HINT}）`);
    }
    throw new FileProblem(this.def.name, `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头：应有一行列名，至少包含 ${this.required.join('、')}（全部列名：${this.headerList()}）。${TEMPLATE_HINT}`);
  }
}
