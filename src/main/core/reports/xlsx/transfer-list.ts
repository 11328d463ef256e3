// 移交清册 (the carrier's 其他/, kept in two copies signed by both sides): every item handed over, in
// the carrier's order, with the totals as formulas and the signature fields of both sides under the list.
import { chineseDate } from '../dates';
import { addSheet, addTotalsRow, FIRST_DATA_ROW, sheetHeading, writeRow, workbookBytes, type SheetColumn } from './sheet';

export interface TransferListItem {
  seq: number;
  archivalCode: string;
  responsible: string;
  title: string;
  date: string;
  retention: string;
  pages: number | null;
  files: number;
  notes: string;
}

// fits a landscape page's width at a print scale that keeps text at 9 pt or more (sheet.ts printScale)
const COLUMNS: SheetColumn[] = [
  { header: '顺序号', width: 7 },
  { header: '档号', width: 25 },
  { header: '责任者', width: 18, wrap: true },
  { header: '题名', width: 40, wrap: true },
  { header: '日期', width: 11 },
  { header: '保管期限', width: 9 },
  { header: '页数', width: 6 },
  { header: '文件数', width: 7 },
  { header: '备注', width: 10, wrap: true },
];

export function transferListXlsx(o: { office: string; receiver: string; carrier: string; year: number; date: Date; items: TransferListItem[] }): Promise<Buffer> {
  return workbookBytes(async (wb) => {
    const ws = addSheet(
      wb,
      '移交清册',
      sheetHeading({ unit: o.office, name: '电子档案移交清册', year: o.year, measure: '件', date: o.date, note: `载体编号：${o.carrier}` }),
      COLUMNS,
      { landscape: true },
    );
    for (const i of o.items) writeRow(ws, [i.seq, i.archivalCode, i.responsible, i.title, i.date, i.retention, i.pages, i.files, i.notes]);
    const last = FIRST_DATA_ROW + o.items.length - 1;
    addTotalsRow(ws, '合计', last, new Map([[7, o.items.reduce((s, i) => s + (i.pages ?? 0), 0)], [8, o.items.reduce((s, i) => s + i.files, 0)]]), 2);
    writeRow(ws, [`本清册一式两份，移交、接收双方签字盖章后各执一份。`], { merged: true });
    writeRow(ws, [`移交单位（印章）：${o.office}　　　移交人（签名）：　　　　　　　日期：${chineseDate(o.date)}`], { merged: true });
    writeRow(ws, [`接收单位（印章）：${o.receiver}　　　接收人（签名）：　　　　　　　日期：　　　　年　　月　　日`], { merged: true });
    ws.commit();
  });
}
