// The box forms of the 归档文件目录 (DA/T 22-2015): 盒脊 labels at the boxes' spine widths (20, 30,
// 40 or 50 mm) with 全宗号, 年度, 保管期限, 起止件号 and 盒号, and one 备考表 per box: what the archive
// knows of the box, room for what the one who checks it finds, and 整理人/检查人 with their dates
// left blank to be filled in by hand.
import { HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions } from 'docx';
import { CATEGORY_NAMES, itemRange, type Box } from '../catalogue';
import { blank, pageBreak, title } from './blocks';
import { mm, PAGE, section, STYLE, TEXT_WIDTH } from './layout';

const para = (text: string, style: string = STYLE.tableText) => new Paragraph({ style, text });

/** Spine text top to bottom: each field's name over its value; 件号 range over three lines. */
function spineCell(b: Box): TableCell {
  const fields: [string, string[]][] = [
    ['全宗号', [b.fondsCode]],
    ['年度', [String(b.year)]],
    // 定期30年 over two lines: a 20 mm spine holds four characters
    ['保管期限', b.retention.startsWith('定期') ? ['定期', b.retention.slice(2)] : [b.retention]],
    ['起止件号', [String(b.firstItem).padStart(4, '0'), '至', String(b.lastItem).padStart(4, '0')]],
    ['盒号', [String(b.boxNo)]],
  ];
  // one paragraph a field, its value under its name: a spine page of a few hundred boxes stays light
  const children = fields.map(
    ([name, values]) =>
      new Paragraph({
        style: STYLE.tableText,
        spacing: { after: 240 },
        children: [new TextRun({ text: name, bold: true }), ...values.map((v) => new TextRun({ text: v, break: 1 }))],
      }),
  );
  return new TableCell({ width: { size: mm(b.thickness), type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children });
}

/** Spine labels side by side, as many as fit the page's width, one table a page. */
const SPINE_MARGIN = { top: mm(15), bottom: mm(15), left: mm(15), right: mm(15) };

export function spineSections(boxes: Box[]): ISectionOptions[] {
  const width = PAGE.width - SPINE_MARGIN.left - SPINE_MARGIN.right;
  const pages: Box[][] = [];
  let used = Infinity;
  for (const b of boxes) {
    if (used + mm(b.thickness) > width) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(b);
    used += mm(b.thickness);
  }
  const children = pages.flatMap((page, i) => [
    ...(i > 0 ? [pageBreak()] : []),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: page.reduce((s, b) => s + mm(b.thickness), 0), type: WidthType.DXA },
      columnWidths: page.map((b) => mm(b.thickness)),
      rows: [new TableRow({ cantSplit: true, height: { value: mm(250), rule: HeightRule.EXACT }, children: page.map(spineCell) })],
    }),
  ]);
  if (children.length === 0) return [];
  return [section(children, { pageNumbers: 'none', grid: false, margin: SPINE_MARGIN })];
}

const formCell = (text: string, width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [para(text)] });

function remarksTable(b: Box, fondsName: string): Table {
  const quarter = Math.floor(TEXT_WIDTH / 4);
  const facts =
    `本盒为${fondsName}（全宗号${b.fondsCode}）${b.year}年度${CATEGORY_NAMES[b.categoryCode] ?? b.categoryCode}档案，保管期限${b.retention}，` +
    `第${b.boxNo}盒，件号${itemRange(b)}，共${b.items}件、${b.pages}页${b.destroyed ? `，其中已销毁${b.destroyed}件` : ''}。`;
  const row = (cells: TableCell[], height?: number) => new TableRow({ cantSplit: true, ...(height ? { height: { value: height, rule: HeightRule.EXACT } } : {}), children: cells });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: 4 * quarter, type: WidthType.DXA },
    columnWidths: [quarter, quarter, quarter, quarter],
    rows: [
      row([
        new TableCell({
          columnSpan: 4,
          width: { size: 4 * quarter, type: WidthType.DXA },
          children: [
            new Paragraph({ style: STYLE.tableLeft, children: [new TextRun({ text: '盒内文件情况说明：', bold: true })] }),
            para(facts, STYLE.tableLeft),
            para('（缺损、修改、补充、移出、销毁等情况，由检查人据实填写）', STYLE.tableLeft),
          ],
        }),
      ], mm(150)),
      row(['整理人', '', '整理日期', '　　年　　月　　日'].map((t) => formCell(t, quarter)), mm(14)),
      row(['检查人', '', '检查日期', '　　年　　月　　日'].map((t) => formCell(t, quarter)), mm(14)),
    ],
  });
}

/** One 备考表 a page, portrait, unnumbered. */
export function remarksSections(boxes: Box[], fondsNames: Map<string, string>): ISectionOptions[] {
  if (boxes.length === 0) return [];
  const children = boxes.flatMap((b, i) => [...(i > 0 ? [pageBreak()] : []), title(['备考表']), blank(), remarksTable(b, fondsNames.get(b.fondsCode) ?? '')]);
  return [section(children, { pageNumbers: 'none', grid: false })];
}
