// 04 归档文件目录 (xlsx): 封面 (one row per volume: 全宗 × 门类 × 年度 × 保管期限), a DA/T 22-2015 sheet
// per volume, and 盒 listing the boxes (全宗号, 年度, 门类, 保管期限, 机构(问题), 盒号, 起止件号, 件数,
// 页数, 盒脊厚度). The printable 盒脊 and 备考表 are in the docx. A4 landscape.
import type ExcelJS from 'exceljs';
import type { ArchiveContext } from '../../context';
import { CATALOGUE_COLUMNS, CATEGORY_NAMES, catalogueRow, catalogueVolumes, itemRange, volumeKey, type Box, type CatalogueVolume } from '../catalogue';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import { addSheet, addTotalsRow, FIRST_DATA_ROW, pace, sheetHeading, writeRow, writeWorkbook } from './sheet';

const WIDTHS = [5, 25, 14, 12, 40, 9, 5, 5, 10];

/** e.g. S101-WS-永久 (a sheet name holds at most 31 characters, none of : \ / ? * [ ]) */
const volumeSheetName = (v: CatalogueVolume): string => `${v.fondsCode}-${v.categoryCode}-${v.year}-${v.retention}`.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

export async function writeCatalogueWorkbook(ctx: ArchiveContext, file: string, scope: ReportScope, boxes: Box[], signal?: AbortSignal): Promise<void> {
  const volumes = await catalogueVolumes(ctx, scope);
  const heading = (name: string, measure: string, note?: string) => sheetHeading({ unit: scope.office.name, year: scope.year, name, measure, date: scope.reportDate, note });
  await writeWorkbook(file, async (wb) => {
    const cover = addSheet(
      wb,
      '封面',
      heading('归档文件目录封面', '件'),
      ['全宗号', '全宗名称', '门类', '年度', '保管期限', '机构(问题)', '件数', '目录工作表'].map((header, i) => ({ header, width: [8, 14, 6, 6, 9, 22, 6, 22][i]! })),
      { landscape: true },
    );
    for (const v of volumes.values()) writeRow(cover, [v.fondsCode, v.fondsName, CATEGORY_NAMES[v.categoryCode] ?? v.categoryCode, v.year, v.retention, v.problems, v.items, volumeSheetName(v)]);
    addTotalsRow(cover, '合计', FIRST_DATA_ROW + volumes.size - 1, new Map([[7, [...volumes.values()].reduce((s, v) => s + v.items, 0)]]));
    cover.commit();

    let sheet: ExcelJS.Worksheet | null = null;
    let current = '';
    let n = 0;
    let rows = 0;
    for await (const r of iterateRecords(ctx, scope, { filedOnly: true }, 'catalogue')) {
      const key = volumeKey(r);
      if (key !== current) {
        sheet?.commit();
        current = key;
        n = 0;
        const v = volumes.get(key)!;
        sheet = addSheet(
          wb,
          volumeSheetName(v),
          heading('归档文件目录', '件、页', `全宗号：${v.fondsCode}　全宗名称：${v.fondsName}　门类：${CATEGORY_NAMES[v.categoryCode] ?? v.categoryCode}　保管期限：${v.retention}`),
          CATALOGUE_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]!, wrap: header === '题名' || header === '备注' })),
          { landscape: true },
        );
      }
      await pace(++rows, signal);
      writeRow(sheet!, catalogueRow(r, ++n).map((v, i) => (i === 0 || (i === 7 && v !== '') ? Number(v) : v)));
    }
    sheet?.commit();

    const list = addSheet(
      wb,
      '盒',
      heading('归档盒清单', '件、页', '盒号在每个目录（全宗、门类、年度、保管期限）内从1起编；一盒只装一个问题的文件'),
      ['全宗号', '年度', '门类', '保管期限', '机构(问题)', '盒号', '起止件号', '件数', '页数', '盒脊厚度（毫米）'].map((header, i) => ({ header, width: [8, 6, 6, 9, 11, 6, 14, 6, 6, 10][i]!, wrap: i === 9 })),
      { landscape: true },
    );
    for (const b of boxes) writeRow(list, [b.fondsCode, b.year, b.categoryCode, b.retention, b.problemCode, b.boxNo, itemRange(b), b.items, b.pages, b.thickness]);
    list.commit();
  });
}
