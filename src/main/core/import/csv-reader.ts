// A CSV of the 档案登记 columns, as Excel and WPS save it: UTF-8 (with or without BOM) or GBK,
// comma- or tab-separated, RFC 4180 quoting.
import iconv from 'iconv-lite';
import type { SourceRow } from './source';

export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not UTF-8: Chinese Windows saves CSV in the ANSI code page, GBK (GB18030 is its superset).
    return iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), 'gb18030');
  }
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

/** Rows with 1-based values, like exceljs's row.values; `number` counts records, not lines. */
export function* csvRows(text: string): Generator<SourceRow> {
  const sep = delimiterOf(text);
  let values: unknown[] = [undefined];
  let field = '';
  let quoted = false;
  let number = 1;
  let i = 0;
  const endField = () => {
    values.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      // A line break inside a cell is \n, as in a workbook, whichever way the file ends its lines.
      else if (!(ch === '\r' && text[i + 1] === '\n')) field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      yield { number: number++, values };
      values = [undefined];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || values.length > 1) {
    endField();
    yield { number, values };
  }
}
