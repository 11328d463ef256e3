// The rows of one worksheet part, streamed: each <row> as 1-based cell values (strings, numbers,
// booleans, dates for date-styled numbers, {error} for error cells). Cell and row references are
// optional in the format: missing ones count on from the previous.
import type { SourceRow } from '../source';
import { damaged, tooLarge } from './faults';
import { LIMITS } from './limits';
import type { OoxmlPackage } from './ooxml';
import { unescapeText, type Book } from './xlsx-book';
import { parseXml } from './xml';

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 system); the 1904 system counts 1,462 days fewer. */
const UNIX_EPOCH = 25_569;

/** "BC12" -> 55 (letters only; the digits are the row) */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return n;
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - UNIX_EPOCH) * DAY_MS));
}

function isoDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

export async function* sheetRows(pkg: OoxmlPackage, part: string, book: Book, onBytes: (compressed: number) => void): AsyncGenerator<SourceRow> {
  const ready: SourceRow[] = [];
  let inData = false;
  let row: unknown[] | null = null;
  let rowNumber = 0;
  let column = 0;
  // the open cell
  let type = '';
  let style = 0;
  let value: string | null = null;
  let collecting = false;
  let phonetic = 0;

  const cellValue = (): unknown => {
    if (value === null) return null;
    switch (type) {
      case 's': {
        const s = book.strings?.get(Number(value));
        if (s === undefined) throw damaged(`“${part}”引用了不存在的共享文字 ${value.slice(0, 20)}`);
        return s;
      }
      case 'inlineStr':
      case 'str':
        return unescapeText(value);
      case 'b':
        return value === '1' || value === 'true';
      case 'e':
        return { error: value };
      case 'd':
        return isoDate(value);
      default: {
        if (value.trim() === '') return null;
        const n = Number(value);
        if (Number.isNaN(n)) return value;
        return book.dateStyles.has(style) && Number.isFinite(n) ? serialToDate(n, book.date1904) : n;
      }
    }
  };

  const handlers = {
    open(name: string, a: Record<string, string>) {
      if (name === 'sheetData') inData = true;
      if (!inData) return;
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw damaged(`“${part}”中有无效的行号`);
          rowNumber = r;
          row = [undefined];
          column = 0;
          break;
        }
        case 'c': {
          const c = a.r === undefined ? column + 1 : columnOf(a.r);
          if (c < 1 || c > MAX_COLUMN) throw damaged(`“${part}”中有无效的单元格位置`);
          column = c;
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          value = null;
          phonetic = 0;
          break;
        }
        case 'v':
          value = '';
          collecting = true;
          break;
        case 't':
          if (type === 'inlineStr' && phonetic === 0) {
            value ??= '';
            collecting = true;
          }
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text(t: string) {
      if (!collecting) return;
      value += t;
      if (value!.length > LIMITS.cellChars) throw tooLarge(`有单元格超过 ${LIMITS.cellChars.toLocaleString('en-US')} 字（Excel 的上限）`, '请核对后再导入');
    },
    close(name: string) {
      if (!inData) return;
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (row) row[column] = cellValue();
          break;
        case 'row':
          if (row) ready.push({ number: rowNumber, values: row });
          row = null;
          break;
        case 'sheetData':
          inData = false;
          break;
      }
    },
  };
  for await (const _ of parseXml(pkg.bytes(part, onBytes), part, handlers)) {
    for (const r of ready) yield r;
    ready.length = 0;
  }
}
