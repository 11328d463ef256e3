// The 归档文件目录 (DA/T 22-2015): its columns and rows; its volumes, one per 全宗 × 门类 × 年度 ×
// 保管期限; its boxes. A box holds one cell only (one 问题 of a volume) and 盒号 run from 1 in each
// volume. Items with a recorded 盒号 keep it; the rest are boxed in 件号 order, up to a 50 mm box's
// worth of pages, numbered after the volume's recorded boxes. Shared by the docx and xlsx renderings.
import type { ArchiveContext } from '../context';
import { compactDate } from './dates';
import { scopedRecords, type ReportRecord } from './records';
import type { ReportScope } from './scope';

export const CATALOGUE_COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注'] as const;

/** A title the archivist wrote (not on the document) is shown in [ ]. */
export const catalogueTitle = (r: ReportRecord): string => (r.titleSupplied ? `[${r.title}]` : r.title);

export function catalogueRow(r: ReportRecord, n: number): string[] {
  const note = [r.status === '已销毁' || r.status === '已移交' ? r.status : '', r.notes].filter(Boolean).join('；');
  return [String(n), r.archivalCode ?? '', r.docNumber, r.responsible, catalogueTitle(r), compactDate(r.date), r.secrecy, r.pages?.toString() ?? '', note];
}

export const CATEGORY_NAMES: Record<string, string> = { WS: '文书', KU: '会计', KJ: '科技', ZP: '照片' };
const PROBLEM_NAMES: Record<string, string> = { DW: '党务', JW: '居务', CW: '财务' };
const problemLabel = (p: string) => (p ? `${PROBLEM_NAMES[p] ?? p}(${p})` : '');

export interface CatalogueVolume {
  key: string;
  fondsCode: string;
  fondsName: string;
  categoryCode: string;
  year: number;
  retention: string;
  /** e.g. 党务(DW)、居务(JW) */
  problems: string;
  items: number;
}

const volumeKeyOf = (fonds: string | null, category: string, year: number | null, retention: string) => `${fonds}|${category}|${year}|${retention}`;
export const volumeKey = (r: ReportRecord): string => volumeKeyOf(r.archivalParts?.fondsCode ?? null, r.categoryCode, r.archivalParts?.year ?? null, r.retention);

export async function catalogueVolumes(ctx: ArchiveContext, scope: ReportScope): Promise<Map<string, CatalogueVolume>> {
  const out = new Map<string, CatalogueVolume>();
  const rows = await scopedRecords(ctx.db, scope)
    .select(['fonds_code', 'category_code', 'filing_year', 'retention', 'problem_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_no', 'is not', null)
    .groupBy(['fonds_code', 'category_code', 'filing_year', 'retention', 'problem_code'])
    .orderBy('problem_code')
    .orderBy('fonds_code')
    .orderBy('category_code')
    .orderBy('filing_year')
    .orderBy('retention')
    .execute();
  const names = new Map(scope.communities.map((c) => [c.code, c.name]));
  for (const r of rows) {
    const key = volumeKeyOf(r.fonds_code, r.category_code, r.filing_year, r.retention);
    const v = out.get(key) ?? {
      key,
      fondsCode: r.fonds_code ?? '',
      fondsName: names.get(r.fonds_code ?? '') ?? '',
      categoryCode: r.category_code,
      year: r.filing_year ?? scope.year,
      retention: r.retention,
      problems: '',
      items: 0,
    };
    v.problems = [v.problems, problemLabel(r.problem_code ?? '')].filter(Boolean).join('、');
    v.items += Number(r.n);
    out.set(key, v);
  }
  return out;
}

export interface Box {
  volume: string;
  fondsCode: string;
  year: number;
  categoryCode: string;
  retention: string;
  problemCode: string;
  boxNo: number;
  firstItem: number;
  lastItem: number;
  items: number;
  pages: number;
  destroyed: number;
  /** spine width, mm: 20, 30, 40 or 50 (DA/T 22-2015 归档盒) */
  thickness: number;
}

/** About 0.1 mm a page, plus the box's own room; a box of more pages takes the 50 mm box. */
export const boxThickness = (pages: number): number => [20, 30, 40, 50].find((t) => pages * 0.1 + 5 <= t) ?? 50;
/** pages an unnumbered box is filled with before the next is begun (a full 50 mm box) */
export const BOX_PAGES = 400;

interface BoxItem {
  fonds_code: string | null;
  category_code: string;
  filing_year: number | null;
  retention: string;
  problem_code: string | null;
  item_no: number;
  box_no: number | null;
  pages: number | null;
  status: string;
}

function newBox(r: BoxItem, volume: string, boxNo: number): Box {
  return {
    volume,
    fondsCode: r.fonds_code ?? '',
    year: r.filing_year ?? 0,
    categoryCode: r.category_code,
    retention: r.retention,
    problemCode: r.problem_code ?? '',
    boxNo,
    firstItem: r.item_no,
    lastItem: r.item_no,
    items: 0,
    pages: 0,
    destroyed: 0,
    thickness: 20,
  };
}

export async function catalogueBoxes(ctx: ArchiveContext, scope: ReportScope): Promise<Box[]> {
  const items = (await scopedRecords(ctx.db, scope)
    .select(['fonds_code', 'category_code', 'filing_year', 'retention', 'problem_code', 'item_no', 'box_no', 'pages', 'status'])
    .where('item_no', 'is not', null)
    .orderBy('fonds_code')
    .orderBy('category_code')
    .orderBy('filing_year')
    .orderBy('retention_code')
    .orderBy('problem_code')
    .orderBy('item_no')
    .execute()) as BoxItem[];
  const byVolume = new Map<string, BoxItem[]>();
  for (const r of items) {
    const key = volumeKeyOf(r.fonds_code, r.category_code, r.filing_year, r.retention);
    const list = byVolume.get(key);
    if (list) list.push(r);
    else byVolume.set(key, [r]);
  }
  const out: Box[] = [];
  for (const [volume, list] of byVolume) {
    const recorded = new Map<string, Box>();
    let next = Math.max(0, ...list.map((r) => r.box_no ?? 0));
    let open: Box | null = null;
    const boxes: Box[] = [];
    for (const r of list) {
      let box: Box;
      if (r.box_no !== null) {
        const key = `${r.problem_code}|${r.box_no}`;
        box = recorded.get(key) ?? newBox(r, volume, r.box_no);
        if (!recorded.has(key)) boxes.push(box);
        recorded.set(key, box);
      } else {
        const pages = Math.max(1, r.pages ?? 1);
        if (!open || open.problemCode !== (r.problem_code ?? '') || (open.pages + pages > BOX_PAGES && open.items > 0)) {
          open = newBox(r, volume, ++next);
          boxes.push(open);
        }
        box = open;
      }
      box.firstItem = Math.min(box.firstItem, r.item_no);
      box.lastItem = Math.max(box.lastItem, r.item_no);
      box.items++;
      box.pages += Math.max(1, r.pages ?? 1);
      if (r.status === '已销毁') box.destroyed++;
    }
    for (const b of boxes) b.thickness = boxThickness(b.pages);
    out.push(...boxes.sort((a, b) => a.boxNo - b.boxNo));
  }
  return out;
}

export const itemRange = (b: Pick<Box, 'firstItem' | 'lastItem'>): string => `${String(b.firstItem).padStart(4, '0')}—${String(b.lastItem).padStart(4, '0')}`;
