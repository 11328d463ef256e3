// The body rows of the big tables written as WordprocessingML text, spliced into the packed document
// by pack.ts: as docx objects (a Paragraph and a Run per cell, 180,000 cells for a 20,000-item
// catalogue) they cost most of a package's time. The rows match what blocks.ts's table() writes.

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

/** One body row, kept on one page: bare cells (the header row carries the widths), a paragraph per line. */
export function rowXml(cells: readonly string[], styles: readonly (string | undefined)[]): string {
  let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  for (let i = 0; i < styles.length; i++) {
    xml += '<w:tc>';
    for (const line of (cells[i] ?? '').split('\n')) xml += paragraphXml(line, styles[i]);
    xml += '</w:tc>';
  }
  return `${xml}</w:tr>`;
}
