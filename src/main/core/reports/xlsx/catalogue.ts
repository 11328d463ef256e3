// 04 归档文件目录 (xlsx): 封面 (one row per part: 全宗 × 保管期限), a DA/T 22-2015 sheet per part, then
// 备考表 and 盒脊 for the boxes. A4 landscape.
import type ExcelJS from 'exceljs';
import type { ArchiveContext } from '../../context';
import { CATALOGUE_COLUMNS, catalogueBoxes, catalogueParts, catalogueRow, itemRange, partKey } from '../catalogue';
import { iterateRecords } from '../records';
import type { ReportScope } from '../scope';
import { addSheet, addTotalsRow, pace, writeRow, writeWorkbook } from './sheet';

const WIDTHS = [6, 26, 16, 16, 46, 10, 6, 6, 16];

const partSheetName = (fondsCode: string, retention: string): string => `${fondsCode}_${retention}`;

export async function writeCatalogueWorkbook(ctx: ArchiveContext, file: string, scope: ReportScope, signal?: AbortSignal): Promise<void> {
  const parts = await catalogueParts(ctx, scope);
  const boxes = await catalogueBoxes(ctx, scope);
  await writeWorkbook(file, async (wb) => {
    const itemsOf = new Map<string, number>();
    for (const b of boxes) {
      const key = `${b.fondsCode}|${b.year}|${b.retention}`;
      itemsOf.set(key, (itemsOf.get(key) ?? 0) + b.items);
    }
    const cover = addSheet(
      wb,
      '封面',
      ['全宗号', '全宗名称', '年度', '保管期限', '机构(问题)', '件数', '目录工作表'].map((header, i) => ({ header, width: [10, 18, 8, 10, 24, 8, 16][i]! })),
      { landscape: true },
    );
    for (const [key, p] of parts) writeRow(cover, [p.fondsCode, p.fondsName, p.year, p.retention, p.problems, itemsOf.get(key) ?? 0, partSheetName(p.fondsCode, p.retention)]);
    addTotalsRow(cover, '合计', parts.size + 1, new Map([[6, boxes.reduce((s, b) => s + b.items, 0)]]));
    cover.commit();

    let sheet: ExcelJS.Worksheet | null = null;
    let current = '';
    let n = 0;
    let rows = 0;
    const close = () => {
      if (!sheet) return;
      sheet.commit();
    };
    for await (const r of iterateRecords(ctx, scope, { filedOnly: true }, 'catalogue')) {
      const key = partKey(r);
      if (key !== current) {
        close();
        current = key;
        n = 0;
        sheet = addSheet(
          wb,
          partSheetName(r.archivalParts?.fondsCode ?? '', r.retention),
          CATALOGUE_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]!, wrap: header === '题名' || header === '备注' })),
          { landscape: true },
        );
      }
      await pace(++rows, signal);
      writeRow(sheet!, catalogueRow(r, ++n).map((v, i) => (i === 0 || (i === 7 && v !== '') ? Number(v) : v)));
    }
    close();

    const spine = addSheet(
      wb,
      '盒脊',
      ['盒号', '全宗号', '年度', '保管期限', '门类', '机构(问题)', '起止件号', '件数'].map((header, i) => ({ header, width: [7, 10, 8, 10, 7, 11, 16, 8][i]! })),
    );
    boxes.forEach((b, i) => writeRow(spine, [b.boxNo ?? i + 1, b.fondsCode, b.year, b.retention, b.categoryCode, b.problemCode, itemRange(b), b.items]));
    spine.commit();

    const remarks = addSheet(
      wb,
      '备考表',
      ['盒号', '全宗号', '起止件号', '盒内文件情况说明', '整理人', '整理日期', '检查人', '检查日期'].map((header, i) => ({ header, width: [7, 10, 16, 40, 10, 12, 10, 12][i]!, wrap: i === 3 })),
      { landscape: true },
    );
    boxes.forEach((b, i) => {
      const state = `本盒共${b.items}件（${itemRange(b)}）${b.destroyed ? `，其中已销毁${b.destroyed}件` : '，无缺损、增补、抽出或销毁'}。`;
      writeRow(remarks, [b.boxNo ?? i + 1, b.fondsCode, itemRange(b), state, '', '', '', '']);
    });
    remarks.commit();
  });
}
