// The workbook-wide parts of an .xlsx: the sheet list (names, visibility, parts), which cell styles
// show dates, and the shared strings — held compactly and within LIMITS, since a hostile file can
// declare millions of them.
import { damaged, tooLarge } from './faults';
import { LIMITS } from './limits';
import type { OoxmlPackage } from './ooxml';
import { parseXml } from './xml';

export interface BookSheet {
  name: string;
  hidden: boolean;
  /** the worksheet part, or null for chart sheets and the like (no cells) */
  part: string | null;
}

export interface Book {
  sheets: BookSheet[];
  date1904: boolean;
  /** cell style index -> shows a date */
  dateStyles: Set<number>;
  strings: StringTable | null;
}

/** Built-in number formats that show dates in Chinese (and other CJK) Excel. */
const CJK_DATE_FORMATS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** SheetJS's number-format library (untyped in its declarations); loaded when a workbook has styles. */
type Ssf = { get_table(): Record<number, string>; is_date(format: string): boolean };
const loadSsf = async (): Promise<Ssf> => (await import('@e965/xlsx')).SSF as Ssf;

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export const unescapeText = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

export async function readWorkbook(pkg: OoxmlPackage, part: string): Promise<Book> {
  const rels = new Map((await pkg.relationships(part)).map((r) => [r.id, r]));
  const listed: { name: string; hidden: boolean; rel: string }[] = [];
  let date1904 = false;
  await pkg.parse(part, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = isTrue(a.date1904);
      if (name !== 'sheet') return;
      const rel = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? a.id ?? '';
      listed.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rel });
    },
  });
  const sheets = listed.map((s) => {
    const r = rels.get(s.rel);
    const part = r?.kind === 'worksheet' && r.part && pkg.has(r.part) ? r.part : null;
    if (r?.kind === 'worksheet' && !part) throw damaged(`工作表“${s.name}”的内容缺失`);
    return { name: s.name, hidden: s.hidden, part };
  });
  const relOf = (kind: string) => [...rels.values()].find((r) => r.kind === kind && r.part && pkg.has(r.part))?.part;
  const stylesPart = relOf('styles');
  const stringsPart = relOf('sharedStrings');
  return {
    sheets,
    date1904,
    dateStyles: stylesPart ? await readDateStyles(pkg, stylesPart) : new Set(),
    strings: stringsPart ? await readSharedStrings(pkg, stringsPart) : null,
  };
}

async function readDateStyles(pkg: OoxmlPackage, part: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await pkg.parse(part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const ssf = await loadSsf();
  const table = ssf.get_table();
  const isDate = (id: number) => {
    const code = custom.get(id);
    if (code !== undefined) return ssf.is_date(code);
    return CJK_DATE_FORMATS.has(id) || (table[id] !== undefined && ssf.is_date(table[id]));
  };
  const dates = new Set<number>();
  formats.forEach((id, index) => {
    if (isDate(id)) dates.add(index);
  });
  return dates;
}

const CHUNK = 4096;

/** Strings joined into chunks of 4,096 with their offsets: far less memory than one string object each. */
export class StringTable {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private starts = new Uint32Array(CHUNK);
  count = 0;
  chars = 0;

  add(s: string): void {
    if (this.count >= LIMITS.sharedStrings) throw tooLarge(`含有超过 ${LIMITS.sharedStrings.toLocaleString('en-US')} 个不同的文字`);
    this.chars += s.length;
    if (this.chars > LIMITS.sharedStringChars) throw tooLarge(`中的文字超过 ${LIMITS.sharedStringChars.toLocaleString('en-US')} 字`);
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.pendingLength;
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pending.length === CHUNK) this.seal();
  }

  seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const chunk = this.chunks[Math.floor(i / CHUNK)]!;
    const last = (i + 1) % CHUNK === 0 || i + 1 === this.count;
    return chunk.slice(this.starts[i], last ? chunk.length : this.starts[i + 1]);
  }
}

async function readSharedStrings(pkg: OoxmlPackage, part: string): Promise<StringTable> {
  const table = new StringTable();
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  const handlers = {
    open(name: string) {
      if (name === 'si') text = '';
      else if (name === 't' && text !== null && phonetic === 0) inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t: string) {
      if (!inT) return;
      text += t;
      if (text!.length > LIMITS.cellChars) throw tooLarge(`有单元格超过 ${LIMITS.cellChars.toLocaleString('en-US')} 字（Excel 的上限）`, '请核对后再导入');
    },
    close(name: string) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text !== null) {
        table.add(unescapeText(text));
        text = null;
      }
    },
  };
  for await (const _ of parseXml(pkg.bytes(part), part, handlers));
  table.seal();
  return table;
}
