// A minimal, valid one-page PDF 1.4 written by hand: Helvetica text (ASCII), a few ruled lines,
// the document title (Chinese) in the Info dictionary, a correct xref table. Deterministic bytes.

export interface PdfContent {
  /** Info /Title, any Unicode */
  title: string;
  /** YYYY-MM-DD, for /CreationDate */
  date: string;
  /** body lines, printable ASCII */
  lines: string[];
}

const escapeText = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');

/** A PDF text string in UTF-16BE with BOM, as hex. */
function unicodeString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function makePdf(c: PdfContent): Buffer {
  const text = c.lines.map((l, i) => `${i === 0 ? '' : 'T* '}(${escapeText(l)}) Tj`).join('\n');
  const rules = c.lines.map((_, i) => `72 ${752 - 18 * i} m 523 ${752 - 18 * i} l`).join('\n');
  const stream = `0.6 w\n${rules}\nS\nBT\n/F1 11 Tf\n18 TL\n72 756 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${unicodeString(c.title)} /Producer (Sanwu Archive demo) /CreationDate (D:${c.date.replace(/-/g, '')}090000) >>`,
  ];
  // The binary comment marks the file as binary for transfer tools.
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  // Each xref entry is exactly 20 bytes.
  const entries = offsets.map((off) => `${String(off).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
