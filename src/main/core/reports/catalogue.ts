// The 归档文件目录 (DA/T 22-2015): its columns, rows, parts (one per 全宗 and 保管期限) and boxes,
// shared by the docx and xlsx renderings.
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

export interface CataloguePart {
  fondsCode: string;
  fondsName: string;
  year: number;
  retention: string;
  /** e.g. 党务(DW)、居务(JW) */
  problems: string;
}

export const partKey = (r: ReportRecord): string => `${r.archivalParts?.fondsCode}|${r.archivalParts?.year}|${r.retention}`;

const PROBLEM_NAMES: Record<string, string> = { DW: '党务', JW: '居务', CW: '财务' };

export async function catalogueParts(ctx: ArchiveContext, scope: ReportScope): Promise<Map<string, CataloguePart>> {
  const out = new Map<string, CataloguePart>();
  const rows = await scopedRecords(ctx.db, scope)
    .select(['fonds_code', 'filing_year', 'retention', 'problem_code'])
    .distinct()
    .where('item_no', 'is not', null)
    .orderBy('problem_code')
    .orderBy('fonds_code')
    .orderBy('filing_year')
    .orderBy('retention')
    .execute();
  const names = new Map(scope.communities.map((c) => [c.code, c.name]));
  for (const r of rows) {
    const key = `${r.fonds_code}|${r.filing_year}|${r.retention}`;
    const part = out.get(key) ?? { fondsCode: r.fonds_code ?? '', fondsName: names.get(r.fonds_code ?? '') ?? '', year: r.filing_year ?? scope.year, retention: r.retention, problems: '' };
    const p = r.problem_code ?? '';
    const label = p ? `${PROBLEM_NAMES[p] ?? p}(${p})` : '';
    part.problems = [part.problems, label].filter(Boolean).join('、');
    out.set(key, part);
  }
  return out;
}

export interface Box {
  fondsCode: string;
  year: number;
  retention: string;
  categoryCode: string;
  problemCode: string;
  boxNo: number | null;
  firstItem: number;
  lastItem: number;
  items: number;
  destroyed: number;
}

/** One box per filing cell and 盒号 (a box holds one cell only); a cell without 盒号 counts as one box. */
export async function catalogueBoxes(ctx: ArchiveContext, scope: ReportScope): Promise<Box[]> {
  const rows = await scopedRecords(ctx.db, scope)
    .select((eb) => [
      'fonds_code',
      'filing_year',
      'retention',
      'category_code',
      'problem_code',
      'box_no',
      eb.fn.min<number>('item_no').as('first'),
      eb.fn.max<number>('item_no').as('last'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('status', '=', '已销毁').then(1).else(0).end()).as('destroyed'),
    ])
    .where('item_no', 'is not', null)
    .groupBy(['fonds_code', 'filing_year', 'retention_code', 'retention', 'category_code', 'problem_code', 'box_no'])
    .orderBy('fonds_code')
    .orderBy('retention_code')
    .orderBy('category_code')
    .orderBy('problem_code')
    .orderBy('box_no')
    .execute();
  return rows.map((r) => ({
    fondsCode: r.fonds_code ?? '',
    year: r.filing_year ?? scope.year,
    retention: r.retention,
    categoryCode: r.category_code,
    problemCode: r.problem_code ?? '',
    boxNo: r.box_no,
    firstItem: Number(r.first),
    lastItem: Number(r.last),
    items: Number(r.n),
    destroyed: Number(r.destroyed),
  }));
}

export const itemRange = (b: Box): string => `${String(b.firstItem).padStart(4, '0')}—${String(b.lastItem).padStart(4, '0')}`;
