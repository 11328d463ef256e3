// Forms to fill in and sign (the 销毁清册's cover, the 移交与接收登记表, signature lines): a real table
// of label and value cells, rows of fixed height where a hand needs room, no header row.
import { HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { STYLE } from './layout';

export interface FormCell {
  text: string;
  bold?: boolean;
  /** columns it spans */
  span?: number;
  align?: 'left' | 'center';
}

export interface FormRow {
  cells: (FormCell | string)[];
  /** twips; at least this high (a signature's room) */
  height?: number;
}

const cellOf = (c: FormCell | string): FormCell => (typeof c === 'string' ? { text: c } : c);

/** `widths` in twips, one per column; a cell's line breaks start new paragraphs. */
export function formTable(widths: number[], rows: FormRow[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((row) => {
      let col = 0;
      const cells = row.cells.map(cellOf).map((c) => {
        const span = c.span ?? 1;
        const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
        col += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlign.CENTER,
          children: c.text.split('\n').map(
            (line) => new Paragraph({ style: c.align === 'left' ? STYLE.tableLeft : STYLE.tableText, children: [new TextRun({ text: line, bold: c.bold })] }),
          ),
        });
      });
      return new TableRow({ cantSplit: true, ...(row.height ? { height: { value: row.height, rule: HeightRule.ATLEAST } } : {}), children: cells });
    }),
  });
}
