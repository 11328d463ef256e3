// The 销毁清册 as a workbook (reports/destruction.ts says what it holds): per 全宗 a cover sheet that
// is a form to sign, then the list sheet; 会计 items in their own layout.
import type ExcelJS from 'exceljs';
import {
  coverNote,
  coverRows,
  DESTRUCTION_HEADERS,
  DESTRUCTION_NAMES,
  destructionRow,
  destructionTitle,
  type DestructionFonds,
  type DestructionLayout,
  type DestructionListOptions,
} from '../destruction';
import { addSheet, BORDER, FONT_NAME, printScale, sheetHeading, TEXT_FONT, writeRow, type SheetColumn } from './sheet';

export type { DestructionFonds, DestructionItem, DestructionLayout, DestructionListOptions } from '../destruction';

/** a portrait page wide: role, signature, date label, date */
const FORM_WIDTHS = [20, 22, 14, 22];
const cellStyle = (bold: boolean, align: 'left' | 'center' = 'center'): Partial<ExcelJS.Style> => ({
  font: { ...TEXT_FONT, size: 12, bold },
  border: BORDER,
  alignment: { vertical: 'middle', horizontal: align, wrapText: true },
});

function coverSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: DestructionLayout, groups: DestructionFonds[], o: DestructionListOptions): void {
  const ws = wb.addWorksheet(`${DESTRUCTION_NAMES[layout]}封面`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      scale: printScale(FORM_WIDTHS.map((width) => ({ width })), false),
      fitToPage: false,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = FORM_WIDTHS.map((width) => ({ width }));
  let r = 0;
  const line = (values: string[], height: number, styles: Partial<ExcelJS.Style>[], merge?: [number, number]) => {
    const row = ws.addRow(values);
    r++;
    row.height = height;
    styles.forEach((s, i) => (row.getCell(i + 1).style = s));
    if (merge) ws.mergeCells(r, merge[0], r, merge[1]);
    return row;
  };
  const label = cellStyle(true);
  const value = cellStyle(false);
  groups.forEach((g, k) => {
    line([destructionTitle(layout, o)], 40, [{ font: { name: FONT_NAME, size: 20, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }], [1, 4]).commit();
    for (const cells of coverRows(layout, g, o)) line(cells, cells[0]!.includes('\n') ? 42 : 30, [label, value, label, value]).commit();
    line(['备注', coverNote(o), '', ''], 60, [label, cellStyle(false, 'left'), value, value], [2, 4]).commit();
    // each 全宗's cover on a page of its own
    const end = line([''], 20, []);
    if (k < groups.length - 1) end.addPageBreak();
    end.commit();
  });
  ws.commit();
}

/** widths in Excel characters, in the order of DESTRUCTION_HEADERS */
const WIDTHS: Record<DestructionLayout, number[]> = {
  documents: [5, 40, 8, 25, 10, 10, 8, 14],
  accounting: [5, 36, 6, 6, 10, 25, 10, 10, 12],
};
const WRAPPED = new Set(['文件题名', '名称', '备注']);

const columnsOf = (layout: DestructionLayout): SheetColumn[] =>
  DESTRUCTION_HEADERS[layout].map((header, i) => ({ header, width: WIDTHS[layout][i]!, ...(WRAPPED.has(header) ? { wrap: true } : {}) }));

/** The cover sheet and the list sheet of one layout; nothing when no fonds has items. */
export function addDestructionList(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: DestructionLayout, groups: DestructionFonds[], o: DestructionListOptions): void {
  const used = groups.filter((g) => g.items.length > 0);
  if (used.length === 0) return;
  coverSheet(wb, layout, used, o);
  const ws = addSheet(
    wb,
    DESTRUCTION_NAMES[layout],
    sheetHeading({ unit: o.unit, name: destructionTitle(layout, o), date: o.asOf, measure: layout === 'documents' ? '件、页' : '册' }),
    columnsOf(layout),
    { landscape: true },
  );
  used.forEach((g, k) => {
    let last = writeRow(ws, [`全宗号：${g.fondsCode}　全宗名称：${g.fondsName}　共${g.items.length}件`], { merged: true });
    g.items.forEach((item, n) => (last = writeRow(ws, destructionRow(layout, n + 1, item, o))));
    // each 全宗's list from a new page
    if (k < used.length - 1) last.addPageBreak();
  });
  ws.commit();
}
