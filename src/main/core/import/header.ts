// Finding a sheet's header row: it must be row 1 (blank rows above are tolerated), every required
// column present and none twice. Title rows above the header are refused, not skipped.
import { cellText, clean, halfWidth, isBlank, plainValue, type Plain } from './cells';
import type { SheetDef } from './columns';
import { FileProblem } from './file-problem';

/** Rows looked at before giving up on finding the header. */
const HEADER_SEARCH_ROWS = 10;

export type HeaderMap = Map<string, number>;

function headerName(p: Plain): string {
  return clean(halfWidth(cellText(p))).replace(/^\*|\*$/g, '').trim();
}

function knownHeaders(def: SheetDef): Set<string> {
  return new Set(Object.values(def.columns).map((c) => c.header));
}

/** 1 -> A, 27 -> AA */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function headerMap(def: SheetDef, cells: Plain[]): HeaderMap {
  const known = knownHeaders(def);
  const map: HeaderMap = new Map();
  cells.forEach((c, i) => {
    const name = headerName(c);
    if (!known.has(name)) return;
    const first = map.get(name);
    if (first !== undefined) {
      throw new FileProblem(def.name, `列“${name}”出现了两次（第${columnLetter(first)}列和第${columnLetter(i)}列），请只保留一列`);
    }
    map.set(name, i);
  });
  const missing = Object.values(def.columns).filter((c) => c.required && !map.has(c.header)).map((c) => `“${c.header}”`);
  if (missing.length > 0) {
    const required = Object.values(def.columns).filter((c) => c.required).map((c) => c.header);
    throw new FileProblem(def.name, `缺少必填列${missing.join('')}。第1行表头须包含：${required.join('、')}（列名见 sanwu template 生成的模板）`);
  }
  return map;
}

function looksLikeHeader(def: SheetDef, cells: Plain[]): boolean {
  const known = knownHeaders(def);
  return cells.filter((c) => known.has(headerName(c))).length >= 2;
}

/** Feeds a sheet's rows through header detection; after the header, data rows go to `onRow`. */
export class SheetScanner {
  private header: HeaderMap | null = null;
  /** the header row as written, once found */
  headerCells: Plain[] | null = null;
  private readonly before: { row: number; cells: Plain[] }[] = [];

  constructor(
    private readonly def: SheetDef,
    private readonly onRow: (row: number, cells: Plain[], header: HeaderMap) => void,
  ) {}

  push(row: number, raw: readonly unknown[]): void {
    const cells = Array.from(raw, plainValue);
    if (cells.every(isBlank)) return;
    if (this.header) {
      this.onRow(row, cells, this.header);
      return;
    }
    if (looksLikeHeader(this.def, cells)) {
      const title = this.before[0];
      if (title) {
        const text = title.cells.filter((c) => !isBlank(c)).map(cellText).join(' ').slice(0, 40);
        throw new FileProblem(
          this.def.name,
          `表头须在第1行，但第${row}行才是表头，其上方第${title.row}行“${text}”是标题行（不支持表头上方的合并标题行），请删除表头上方的行后重新导入`,
        );
      }
      this.header = headerMap(this.def, cells);
      this.headerCells = cells;
      return;
    }
    this.before.push({ row, cells });
    if (this.before.length >= HEADER_SEARCH_ROWS) this.noHeader();
  }

  /** Called when the sheet has no more rows. */
  end(): void {
    if (this.header) return;
    if (this.before.length === 0) {
      throw new FileProblem(this.def.name, `工作表是空的：第1行应为表头（${this.headerList()}）`);
    }
    this.noHeader();
  }

  private headerList(): string {
    return Object.values(this.def.columns).map((c) => c.header).join('、');
  }

  private noHeader(): never {
    throw new FileProblem(this.def.name, `没有找到表头：第1行应为列名 ${this.headerList()}（可用 sanwu template 生成模板）`);
  }
}
