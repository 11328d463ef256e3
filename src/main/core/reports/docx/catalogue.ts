// 04 归档文件目录 (docx): A4 landscape, one volume per 全宗 × 门类 × 年度 × 保管期限, each an
// unnumbered cover (全宗号, 全宗名称, 门类, 年度, 保管期限, 机构(问题)) and the DA/T 22-2015 table, its
// header row repeated and its pages numbered from 1; then the boxes' 盒脊 labels and 备考表.
// docx lays out the document and each table's header row; the item rows are written as text
// (raw-table.ts), which keeps a 20,000-item catalogue a small part of the package's time.
import type { ISectionOptions } from 'docx';
import type { ArchiveContext } from '../../context';
import { CATALOGUE_COLUMNS, CATEGORY_NAMES, catalogueBoxes, catalogueRow, catalogueVolumes, volumeKey, type Box } from '../catalogue';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import { blank, cellStyles, coverField, paragraph, table, title, type Column } from './blocks';
import { remarksSections, spineSections } from './box-forms';
import { officialDocument, section, TEXT_WIDTH_LANDSCAPE } from './layout';
import { packDocx } from './pack';
import { rowXml } from './raw-table';

// twips: 序号, 密级 and 页数 hold their two-character headers, 档号 its 24 characters, 日期 its 8
// digits, on one line; 题名 takes the rest but the 备注
const WIDTHS = [700, 3300, 1700, 1500, 1150, 700, 700, 1000];

/** in DA/T 22-2015 order; only 题名 runs long enough to want left alignment */
const catalogueColumns = (): Column[] => {
  const [no, code, docNo, responsible, date, secrecy, pages, note] = WIDTHS as [number, number, number, number, number, number, number, number];
  const title = TEXT_WIDTH_LANDSCAPE - WIDTHS.reduce((s, w) => s + w, 0);
  return CATALOGUE_COLUMNS.map((header, i) => ({ header, width: [no, code, docNo, responsible, title, date, secrecy, pages, note][i]!, align: header === '题名' ? 'left' : 'center' }));
};

/** The document with each volume's table holding only its header row, and the volumes' item rows as XML, table by table. */
async function catalogueDocument(ctx: ArchiveContext, scope: ReportScope, boxes: Box[]) {
  const volumes = await catalogueVolumes(ctx, scope);
  const styles = cellStyles(catalogueColumns(), true);
  const rows = new Map<string, string[]>();
  for await (const r of iterateRecords(ctx, scope, { filedOnly: true }, 'catalogue')) {
    const key = volumeKey(r);
    const list = rows.get(key) ?? [];
    list.push(rowXml(catalogueRow(r, list.length + 1), styles));
    rows.set(key, list);
  }
  const sections: ISectionOptions[] = [];
  const bodies: string[] = [];
  for (const [key, list] of rows) {
    const v = volumes.get(key);
    if (!v) continue;
    sections.push(
      section(
        [
          blank(),
          blank(),
          title(['归档文件目录']),
          blank(),
          coverField('全宗号', v.fondsCode),
          coverField('全宗名称', v.fondsName),
          coverField('门　　类', CATEGORY_NAMES[v.categoryCode] ?? v.categoryCode),
          coverField('年　　度', String(v.year)),
          coverField('保管期限', v.retention),
          coverField('机构(问题)', v.problems),
        ],
        { landscape: true, pageNumbers: 'none' },
      ),
      section([table(catalogueColumns(), [], { bare: true })], { landscape: true, firstPage: 1 }),
    );
    bodies.push(list.join(''));
  }
  if (sections.length === 0) {
    sections.push(section([title(['归档文件目录']), paragraph(`${scope.year}年度尚无已归档的文件。请先归档，再生成目录。`)], { landscape: true }));
  }
  const names = new Map(scope.communities.map((c) => [c.code, c.name]));
  sections.push(...spineSections(boxes), ...remarksSections(boxes, names));
  return { document: officialDocument(`${scope.year}年度归档文件目录`, sections), bodies };
}

export async function catalogueDocxBuffer(ctx: ArchiveContext, scope: ReportScope, boxes?: Box[]): Promise<Buffer> {
  const { document, bodies } = await catalogueDocument(ctx, scope, boxes ?? (await catalogueBoxes(ctx, scope)));
  return packDocx(document, { normal: 'table', tableBodies: bodies });
}
