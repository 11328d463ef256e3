// The paragraphs and tables the documents are made of, over the styles in styles-xml.ts.
import { PageBreak, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { STYLE } from './layout';
import { breakTitle } from './title';

/** The title, broken between its words into balanced lines (title.ts). */
export function title(words: string[]): Paragraph {
  const lines = breakTitle(words);
  return new Paragraph({ style: STYLE.title, children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })) });
}
/** `一、…` in 黑体 */
export const heading1 = (text: string) => new Paragraph({ style: STYLE.heading1, text });
/** `（一）…` in 楷体_GB2312 */
export const heading2 = (text: string) => new Paragraph({ style: STYLE.heading2, text });
export const paragraph = (text: string) => new Paragraph({ style: STYLE.body, text });
/** a paragraph starting at the left edge (主送机关) */
export const flush = (text: string) => new Paragraph({ style: STYLE.flush, text });
/** `表1  …` above a table, centred */
export const caption = (text: string) => new Paragraph({ style: STYLE.caption, text });
export const pageBreak = () => new Paragraph({ style: STYLE.flush, children: [new PageBreak()] });
export const blank = () => new Paragraph({ style: STYLE.flush });
export const coverField = (label: string, value: string) =>
  new Paragraph({ style: STYLE.cover, children: [new TextRun(`${label}：`), new TextRun({ text: value, underline: {} })] });

export interface Column {
  header: string;
  /** twips */
  width: number;
  /** centred unless left */
  align?: 'left' | 'center';
}

// Only the header cells carry widths (a fixed-layout table takes its grid from them). A line break
// in the text starts a new paragraph.
function cell(text: string, style?: string, width?: number): TableCell {
  const lines = text.includes('\n') ? text.split('\n') : [text];
  return new TableCell({
    width: width === undefined ? undefined : { size: width, type: WidthType.DXA },
    children: lines.map((t) => new Paragraph(style ? { style, text: t } : t)),
  });
}

/**
 * The paragraph style of each column's body cells. `bare`: in a document whose Normal style is the
 * table text (catalogues), centred cells need none, which keeps a 5,000-row catalogue cheap.
 */
export const cellStyles = (columns: Column[], bare = false): (string | undefined)[] =>
  columns.map((c) => (c.align === 'left' ? STYLE.tableLeft : bare ? undefined : STYLE.tableText));

/** A real Word table whose header row repeats on every page. */
export function table(columns: Column[], rows: Iterable<string[]>, options: { bare?: boolean } = {}): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, STYLE.tableHead, c.width)) });
  const styles = cellStyles(columns, options.bare);
  const body: TableRow[] = [];
  // a row stays on one page (the big catalogues write their rows as text, raw-table.ts)
  for (const r of rows) body.push(new TableRow({ cantSplit: true, children: styles.map((style, i) => cell(r[i] ?? '', style)) }));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
    rows: [header, ...body],
  });
}

/** Splits a width in twips by relative weights (the last column takes the rounding). */
export function widths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}

export function columns(total: number, spec: [header: string, weight: number, align?: Column['align']][]): Column[] {
  const w = widths(
    total,
    spec.map((s) => s[1]),
  );
  return spec.map(([header, , align], i) => ({ header, width: w[i]!, align }));
}
