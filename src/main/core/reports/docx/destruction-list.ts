// The 销毁清册 as a Word document (reports/destruction.ts says what it holds), in the archive's one
// layout: per 全宗 and layout a portrait cover that is a form to sign, then the list on landscape
// pages, its header row repeated and its pages numbered. The list rows are written as text
// (raw-table.ts): an appraisal of a whole district year can propose thousands of items.
import type { ISectionOptions } from 'docx';
import {
  coverNote,
  coverRows,
  DESTRUCTION_HEADERS,
  destructionRow,
  destructionTitle,
  type DestructionFonds,
  type DestructionLayout,
  type DestructionListOptions,
} from '../destruction';
import { blank, caption, cellStyles, columns, table, title } from './blocks';
import { formTable, type FormRow } from './form';
import { mm, officialDocument, section, TEXT_WIDTH, TEXT_WIDTH_LANDSCAPE } from './layout';
import { packDocx } from './pack';
import { rowXml } from './raw-table';

/** millimetres of the 252 mm landscape block, in the order of DESTRUCTION_HEADERS: a 档号 and each header on one line */
const WEIGHTS: Record<DestructionLayout, number[]> = {
  documents: [12, 68, 20, 56, 23, 23, 20, 30],
  accounting: [12, 48, 12, 12, 20, 56, 23, 23, 46],
};
const LEFT = new Set(['文件题名', '名称', '备注']);

const listColumns = (layout: DestructionLayout) =>
  columns(
    TEXT_WIDTH_LANDSCAPE,
    DESTRUCTION_HEADERS[layout].map((h, i) => [h, WEIGHTS[layout][i]!, LEFT.has(h) ? 'left' : 'center'] as [string, number, 'left' | 'center']),
  );

const FORM_WIDTHS = (() => {
  const q = Math.floor(TEXT_WIDTH / 20);
  return [5 * q, 6 * q, 3 * q, TEXT_WIDTH - 14 * q];
})();

function cover(layout: DestructionLayout, g: DestructionFonds, o: DestructionListOptions): ISectionOptions {
  const rows: FormRow[] = coverRows(layout, g, o).map((cells) => ({
    cells: cells.map((text, i) => ({ text, bold: i % 2 === 0 })),
    height: cells[0]!.includes('\n') ? mm(16) : mm(11),
  }));
  rows.push({ cells: [{ text: '备注', bold: true }, { text: coverNote(o), span: 3, align: 'left' }], height: mm(24) });
  return section([blank(), title([destructionTitle(layout, o)]), blank(), formTable(FORM_WIDTHS, rows)], { pageNumbers: 'none', grid: false });
}

export async function destructionListDocx(groups: Record<DestructionLayout, DestructionFonds[]>, o: DestructionListOptions): Promise<Buffer> {
  const sections: ISectionOptions[] = [];
  const bodies: string[] = [];
  for (const layout of ['documents', 'accounting'] as const) {
    const cols = listColumns(layout);
    const styles = cellStyles(cols);
    for (const g of groups[layout].filter((f) => f.items.length > 0)) {
      sections.push(cover(layout, g, o));
      bodies.push('');
      sections.push(
        section([caption(`${destructionTitle(layout, o)}　全宗号：${g.fondsCode}　全宗名称：${g.fondsName}　共${g.items.length}件`), table(cols, [])], { landscape: true, firstPage: 1 }),
      );
      bodies.push(g.items.map((item, n) => rowXml(destructionRow(layout, n + 1, item, o).map((v) => (v === null ? '' : String(v))), styles)).join(''));
    }
  }
  if (sections.length === 0) throw new Error('a destruction list needs items');
  return packDocx(officialDocument(destructionTitle('documents', o), sections), { tableBodies: bodies });
}
