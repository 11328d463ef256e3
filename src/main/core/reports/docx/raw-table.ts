// The body rows of the big tables written as WordprocessingML text and spliced into the document
// docx packs: as docx objects (a Paragraph and a Run per cell, 180,000 cells for a 20,000-item
// catalogue) they cost most of a package's time. The rows match what blocks.ts's table() writes.
import { buffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import yazl from 'yazl';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Element text escaped as docx escapes it (the same bytes); characters XML 1.0 does not allow (C0
 * controls but tab, LF and CR; U+FFFE, U+FFFF), which a pasted title may hold, are dropped.
 */
// oxlint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
export const xmlText = (s: string): string => s.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => ENTITY[c] ?? '');

// docx writes no run for an empty styled paragraph ({ style, text: '' }), an empty one for a bare one
const paragraphXml = (text: string, style: string | undefined): string =>
  style
    ? `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${text ? `<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>` : ''}</w:p>`
    : `<w:p><w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;

/** One body row: bare cells (the table's header row carries the widths), a paragraph per line. */
export function rowXml(cells: readonly string[], styles: readonly (string | undefined)[]): string {
  let xml = '<w:tr>';
  for (let i = 0; i < styles.length; i++) {
    xml += '<w:tc>';
    for (const line of (cells[i] ?? '').split('\n')) xml += paragraphXml(line, styles[i]);
    xml += '</w:tc>';
  }
  return `${xml}</w:tr>`;
}

const TABLE_END = '</w:tbl>';

/** Appends bodies[k] (joined row XML) to the k-th table of a packed docx, which must hold exactly that many tables. */
export async function appendTableRows(docx: Buffer, bodies: readonly string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('docx without word/document.xml');
  const xml = await file.async('string');
  const out: string[] = [];
  let copied = 0;
  let next = 0;
  for (const body of bodies) {
    const end = xml.indexOf(TABLE_END, next);
    if (end < 0) throw new Error(`docx holds fewer tables than the ${bodies.length} to fill`);
    out.push(xml.slice(copied, end), body);
    copied = end;
    next = end + TABLE_END.length;
  }
  if (xml.includes(TABLE_END, next)) throw new Error(`docx holds more tables than the ${bodies.length} to fill`);
  out.push(xml.slice(copied));
  // yazl deflates with node's zlib: JSZip's own deflate took three times as long
  const packed = new yazl.ZipFile();
  for (const f of Object.values(zip.files)) {
    if (!f.dir) packed.addBuffer(f === file ? Buffer.from(out.join('')) : await f.async('nodebuffer'), f.name);
  }
  packed.end();
  return buffer(packed.outputStream);
}
