// 销毁清册 (RETENTION.md, kept permanently), for the draft in the reporting package and the final list
// a destruction writes: per 全宗 a cover that is a form to sign — 文书: 鉴定小组负责人, 批准人 (each
// with a date), two 监销人 and the destruction date; 会计 (《会计档案管理办法》): 单位负责人, the heads
// and the clerks of the archives and accounting offices, two 监销人 — and the list, 文书 rows
// 序号 · 文件题名 · 所属年度 · 档号 · 应保管期限 · 已保管期限 · 文件页数 · 备注, 会计 rows 名称 · 卷号 · 册数 ·
// 起止年度 · 档案编号 · 应保管期限 · 已保管期限 · 销毁时间.
import type ExcelJS from 'exceljs';
import { chineseDate } from '../dates';
import { addSheet, BORDER, FONT_NAME, printScale, sheetHeading, TEXT_FONT, writeRow, type SheetColumn } from './sheet';

export type DestructionLayout = 'documents' | 'accounting';

export interface DestructionItem {
  title: string;
  /** 所属年度 */
  year: number;
  archivalCode: string;
  retention: string;
  pages: number | null;
  /** 卷号 / 盒号 */
  volume: number | null;
  notes: string;
}

export interface DestructionFonds {
  fondsCode: string;
  fondsName: string;
  items: DestructionItem[];
}

export interface DestructionListOptions {
  /** the office that keeps the list */
  unit: string;
  /** 已保管期限 is counted to this day */
  asOf: Date;
  /** a draft for the appraisal: titled so, destruction date left blank */
  draft: boolean;
  /** the final list's destruction date */
  destroyedOn?: Date;
}

const NAMES: Record<DestructionLayout, string> = { documents: '销毁清册', accounting: '会计档案销毁清册' };

/** who signs each layout's cover, each with a date (the two 监销人 follow) */
export const SIGNATURES: Record<DestructionLayout, string[]> = {
  documents: ['鉴定小组负责人', '批准人'],
  accounting: ['单位负责人', '档案机构负责人', '档案机构经办人', '会计机构负责人', '会计机构经办人'],
};

const BLANK_DATE = '　　　　年　　月　　日';
/** a portrait page wide: role, signature, date label, date */
const FORM_WIDTHS = [20, 22, 14, 22];
const cellStyle = (bold: boolean, align: 'left' | 'center' = 'center'): Partial<ExcelJS.Style> => ({
  font: { ...TEXT_FONT, size: 12, bold },
  border: BORDER,
  alignment: { vertical: 'middle', horizontal: align, wrapText: true },
});

/** 文书: full years kept since the term began (1 January after the item's year); RETENTION.md counting. */
export const yearsKept = (year: number, asOf: Date): string => `${Math.max(0, asOf.getFullYear() - year - 1)}年`;

function coverSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: DestructionLayout, groups: DestructionFonds[], o: DestructionListOptions): void {
  const title = `${NAMES[layout]}${o.draft ? '（草稿）' : ''}`;
  const ws = wb.addWorksheet(`${NAMES[layout]}封面`, {
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
    line([title], 40, [{ font: { name: FONT_NAME, size: 20, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }], [1, 4]).commit();
    line([layout === 'accounting' ? '单位名称' : '全宗名称', g.fondsName, '全宗号', g.fondsCode], 30, [label, value, label, value]).commit();
    line(['销毁数量', `${g.items.length}件`, layout === 'accounting' ? '销毁时间' : '销毁日期', o.destroyedOn ? chineseDate(o.destroyedOn) : BLANK_DATE], 30, [label, value, label, value]).commit();
    // （签名） on a line of its own: a role's name never breaks mid-word
    for (const role of SIGNATURES[layout]) line([`${role}\n（签名）`, '', '日期', BLANK_DATE], 42, [label, value, label, value]).commit();
    line(['监销人\n（签名）', '', '监销人\n（签名）', ''], 42, [label, value, label, value]).commit();
    const note = o.draft
      ? `本清册为${chineseDate(o.asOf)}到期鉴定的草稿，列出保管期限已满的档案，须经鉴定小组逐件审核、批准人批准后方可销毁；存在未结事项的档案不得销毁。`
      : '以上档案经鉴定、批准，在监销人监督下销毁。';
    line(['备注', note, '', ''], 60, [label, cellStyle(false, 'left'), value, value], [2, 4]).commit();
    // each 全宗's cover on a page of its own
    const end = line([''], 20, []);
    if (k < groups.length - 1) end.addPageBreak();
    end.commit();
  });
  ws.commit();
}

const COLUMNS: Record<DestructionLayout, SheetColumn[]> = {
  documents: [
    { header: '序号', width: 5 },
    { header: '文件题名', width: 40, wrap: true },
    { header: '所属年度', width: 8 },
    { header: '档号', width: 25 },
    { header: '应保管期限', width: 10 },
    { header: '已保管期限', width: 10 },
    { header: '文件页数', width: 8 },
    { header: '备注', width: 14, wrap: true },
  ],
  accounting: [
    { header: '序号', width: 5 },
    { header: '名称', width: 36, wrap: true },
    { header: '卷号', width: 6 },
    { header: '册数', width: 6 },
    { header: '起止年度', width: 10 },
    { header: '档案编号', width: 25 },
    { header: '应保管期限', width: 10 },
    { header: '已保管期限', width: 10 },
    { header: '销毁时间', width: 12 },
  ],
};

function rowOf(layout: DestructionLayout, n: number, i: DestructionItem, o: DestructionListOptions): unknown[] {
  if (layout === 'documents') return [n, i.title, i.year, i.archivalCode, i.retention, yearsKept(i.year, o.asOf), i.pages, i.notes];
  return [n, i.title, i.volume ?? '', 1, String(i.year), i.archivalCode, i.retention, yearsKept(i.year, o.asOf), o.destroyedOn ? chineseDate(o.destroyedOn) : ''];
}

/** The cover sheet and the list sheet of one layout; nothing when no fonds has items. */
export function addDestructionList(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: DestructionLayout, groups: DestructionFonds[], o: DestructionListOptions): void {
  const used = groups.filter((g) => g.items.length > 0);
  if (used.length === 0) return;
  coverSheet(wb, layout, used, o);
  const columns = COLUMNS[layout];
  const ws = addSheet(
    wb,
    NAMES[layout],
    sheetHeading({ unit: o.unit, name: `${NAMES[layout]}${o.draft ? '（草稿）' : ''}`, date: o.asOf, measure: layout === 'documents' ? '件、页' : '册' }),
    columns,
    { landscape: true },
  );
  used.forEach((g, k) => {
    let last = writeRow(ws, [`全宗号：${g.fondsCode}　全宗名称：${g.fondsName}　共${g.items.length}件`], { merged: true });
    g.items.forEach((item, n) => (last = writeRow(ws, rowOf(layout, n + 1, item, o))));
    // each 全宗's list from a new page
    if (k < used.length - 1) last.addPageBreak();
  });
  ws.commit();
}
