// The paragraphs and tables the official documents are made of, over the styles in layout.ts.
import { PageBreak, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { chineseDate } from '../dates';
import { STYLE } from './layout';

export const title = (text: string) => new Paragraph({ style: STYLE.title, text });
/** `一、…` in 黑体 */
export const heading1 = (text: string) => new Paragraph({ style: STYLE.heading1, text });
/** `（一）…` in 楷体_GB2312 */
export const heading2 = (text: string) => new Paragraph({ style: STYLE.heading2, text });
export const paragraph = (text: string) => new Paragraph({ style: STYLE.body, text });
/** `表1  …` above a table, centred */
export const caption = (text: string) => new Paragraph({ style: STYLE.caption, text });
export const pageBreak = () => new Paragraph({ children: [new PageBreak()] });
export const blank = () => new Paragraph({ style: STYLE.body, text: '' });
export const coverField = (label: string, value: string) =>
  new Paragraph({ style: STYLE.cover, children: [new TextRun(`${label}：`), new TextRun({ text: value, underline: {} })] });

/** The office's name and the date, right-aligned at the end (GB/T 9704). */
export function signature(office: string, date: Date): Paragraph[] {
  return [blank(), new Paragraph({ style: STYLE.right, text: office }), new Paragraph({ style: STYLE.right, text: chineseDate(date) })];
}

export interface Column {
  header: string;
  /** twips */
  width: number;
  /** centred unless left */
  align?: 'left' | 'center';
}

// Only the header cells carry widths (a fixed-layout table takes its grid from them) and centred text
// is the document default (layout.ts), so body cells are as bare as docx allows: a 5,000-row
// catalogue costs little more than a bare table. A line break in the text starts a new paragraph.
function cell(text: string, style?: string, width?: number): TableCell {
  const lines = text.includes('\n') ? text.split('\n') : [text];
  return new TableCell({
    width: width === undefined ? undefined : { size: width, type: WidthType.DXA },
    children: lines.map((t) => new Paragraph(style ? { style, text: t } : t)),
  });
}

/** The paragraph style of each column's body cells (none: the centred document default). */
export const cellStyles = (columns: Column[]): (string | undefined)[] => columns.map((c) => (c.align === 'left' ? STYLE.tableLeft : undefined));

/** A real Word table whose header row repeats on every page. */
export function table(columns: Column[], rows: Iterable<string[]>): Table {
  const header = new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.header, STYLE.tableHead, c.width)) });
  const styles = cellStyles(columns);
  const body: TableRow[] = [];
  for (const r of rows) body.push(new TableRow({ children: styles.map((style, i) => cell(r[i] ?? '', style)) }));
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
