// 04 归档文件目录 (docx): A4 landscape, one part per 全宗 and 保管期限, each with a cover (全宗号,
// 全宗名称, 年度, 保管期限, 机构(问题)) and the DA/T 22-2015 table with its header row repeated.
// docx lays out the document and each table's header row; the item rows are written as text
// (raw-table.ts), which keeps a 20,000-item catalogue a small part of the package's time.
import { Packer, type ISectionOptions } from 'docx';
import type { ArchiveContext } from '../../context';
import { CATALOGUE_COLUMNS, catalogueParts, catalogueRow, partKey } from '../catalogue';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import { blank, cellStyles, columns, coverField, pageBreak, paragraph, table, title } from './blocks';
import { officialDocument, section, TEXT_WIDTH_LANDSCAPE } from './layout';
import { appendTableRows, rowXml } from './raw-table';

const WEIGHTS = [0.7, 4.2, 2.2, 1.8, 6, 1.6, 0.7, 0.7, 1.4];
// only 题名 runs long enough to want left alignment
const ALIGN = ['center', 'center', 'center', 'center', 'left', 'center', 'center', 'center', 'center'] as const;

const catalogueColumns = (total = TEXT_WIDTH_LANDSCAPE) =>
  columns(
    total,
    CATALOGUE_COLUMNS.map((h, i) => [h, WEIGHTS[i]!, ALIGN[i]]),
  );

/** The document with each part's table holding only its header row, and the parts' item rows as XML, table by table. */
async function catalogueDocument(ctx: ArchiveContext, scope: ReportScope) {
  const parts = await catalogueParts(ctx, scope);
  const styles = cellStyles(catalogueColumns());
  const rows = new Map<string, string[]>();
  for await (const r of iterateRecords(ctx, scope, { filedOnly: true }, 'catalogue')) {
    const key = partKey(r);
    const list = rows.get(key) ?? [];
    list.push(rowXml(catalogueRow(r, list.length + 1), styles));
    rows.set(key, list);
  }
  const sections: ISectionOptions[] = [];
  const bodies: string[] = [];
  for (const [key, list] of rows) {
    const p = parts.get(key);
    if (!p) continue;
    sections.push(
      section(
        [
          blank(),
          blank(),
          title('归档文件目录'),
          blank(),
          coverField('全宗号', p.fondsCode),
          coverField('全宗名称', p.fondsName),
          coverField('年　　度', String(p.year)),
          coverField('保管期限', p.retention),
          coverField('机构(问题)', p.problems),
          pageBreak(),
          table(catalogueColumns(), []),
        ],
        true,
      ),
    );
    bodies.push(list.join(''));
  }
  if (sections.length === 0) sections.push(section([title('归档文件目录'), paragraph(`${scope.year}年度尚无已归档的文件。请先归档（sanwu file），再生成目录。`)], true));
  return { document: officialDocument(`${scope.year}年度归档文件目录`, sections), bodies };
}

export async function catalogueDocxBuffer(ctx: ArchiveContext, scope: ReportScope): Promise<Buffer> {
  const { document, bodies } = await catalogueDocument(ctx, scope);
  const packed = await Packer.toBuffer(document);
  return bodies.length === 0 ? packed : appendTableRows(packed, bodies);
}
