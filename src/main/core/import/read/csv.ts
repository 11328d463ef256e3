// A CSV of the 档案登记 columns, as Excel and WPS save it: UTF-8 (with or without BOM) or GBK,
// comma- or tab-separated, RFC 4180 quoting. Decoded and split a slice at a time; a field longer than a
// cell may be (an unclosed quote swallowing the rest of the file) is refused at once.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import type { SourceRow } from '../source';
import { tooLarge, unreadable } from './faults';
import { LIMITS } from './limits';

const SLICE = 1024 * 1024;

function* decodedSlices(data: Buffer): Generator<string> {
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  // Not UTF-8: Chinese Windows saves CSV in the ANSI code page, GBK (GB18030 is its superset).
  const decoder = bom || isUtf8(data) ? new TextDecoder('utf-8') : iconv.getDecoder('gb18030');
  const decode = (b: Buffer) => (decoder instanceof TextDecoder ? decoder.decode(b, { stream: true }) : decoder.write(b));
  for (let at = bom ? 3 : 0; at < data.length; at += SLICE) yield decode(data.subarray(at, at + SLICE));
  const rest = decoder instanceof TextDecoder ? decoder.decode() : (decoder.end() ?? '');
  if (rest) yield rest;
}

function delimiterOf(first: string): string {
  const line = first.slice(0, first.search(/\r?\n|$/));
  return (line.match(/\t/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

const unclosed = (line: number) =>
  unreadable((file) => `“${file}”第${line}行的引号没有配对（从这里起的内容都被当作一个单元格），请在该行检查多出或缺少的英文双引号后再导入`);

/** Rows with 1-based values; `number` counts records (a quoted line break stays in its cell). */
export function* csvRows(data: Buffer): Generator<SourceRow> {
  let sep = '';
  let values: unknown[] = [undefined];
  let field = '';
  let quoted = false;
  /** the last character was the closing quote of a quoted field (or a quote inside one) */
  let quoteSeen = false;
  let number = 1;
  let pendingCr = false;
  const endField = () => {
    values.push(field);
    field = '';
    if (values.length > LIMITS.csvFields) throw tooLarge(`第${number}行超过 ${LIMITS.csvFields} 列`, '请核对分隔符后再导入');
  };
  const add = (ch: string) => {
    field += ch;
    if (field.length > LIMITS.cellChars) {
      if (quoted) throw unclosed(number);
      throw tooLarge(`第${number}行有单元格超过 ${LIMITS.cellChars.toLocaleString('en-US')} 字（Excel 的上限）`, '请核对后再导入');
    }
  };
  for (const text of decodedSlices(data)) {
    if (!sep) sep = delimiterOf(text);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch !== '"') {
          // A line break inside a cell is \n, as in a workbook, whichever way the file ends its lines.
          if (ch === '\r') {
            add('\n');
            pendingCr = true;
          } else add(ch);
        } else quoted = false;
        quoteSeen = ch === '"';
        continue;
      }
      if (ch === '"' && quoteSeen) {
        add('"');
        quoted = true;
        quoteSeen = false;
        continue;
      }
      quoteSeen = false;
      if (ch === '"' && field === '') {
        quoted = true;
      } else if (ch === sep) endField();
      else if (ch === '\n' || ch === '\r') {
        endField();
        yield { number: number++, values };
        values = [undefined];
        pendingCr = ch === '\r';
      } else add(ch);
    }
  }
  if (quoted) throw unclosed(number);
  if (field !== '' || values.length > 1) {
    endField();
    yield { number, values };
  }
}
