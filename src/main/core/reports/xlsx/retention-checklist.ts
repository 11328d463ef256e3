// 05 档案保管期限检查清单 (xlsx): every item up to the report year with 档号, 题名, 年度, 保管期限,
// 到期年度 and status; 到期鉴定清单 = the items due for appraisal on the report date; and the draft
// 销毁清册 of those items (destruction-list.ts: a signable cover per 全宗, 会计 items in their layout).
import type { ArchiveContext } from '../../context';
import { dueForAppraisal, expiryYear } from '../../retention/expiry';
import { catalogueTitle } from '../catalogue';
import { iterateRecords, type ReportRecord } from '../records';
import type { ReportScope } from '../scope';
import { addDestructionList, type DestructionFonds, type DestructionLayout } from './destruction-list';
import { addSheet, pace, sheetHeading, writeRow, writeWorkbook } from './sheet';

const itemYear = (r: ReportRecord) => r.archivalParts?.year ?? r.year;
const SETTLED = new Set(['已销毁', '已移交']);

/** Due for appraisal on the report date, and not already destroyed or transferred. */
const isDue = (r: ReportRecord, asOf: Date): boolean => !SETTLED.has(r.status) && dueForAppraisal(itemYear(r), r.retention, asOf);

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '社区', width: 10 },
  { header: '档号', width: 25 },
  { header: '题名', width: 38, wrap: true },
  { header: '年度', width: 6 },
  { header: '保管期限', width: 9 },
  { header: '到期年度', width: 9 },
  { header: '状态', width: 7 },
];

/** The due items as the 销毁清册's groups, one per 全宗, per layout (会计 = 门类 KU). */
function destructionGroups(due: ReportRecord[], layout: DestructionLayout): DestructionFonds[] {
  const groups = new Map<string, DestructionFonds>();
  for (const r of due) {
    if ((r.categoryCode === 'KU') !== (layout === 'accounting')) continue;
    const code = r.archivalParts?.fondsCode ?? '';
    const g = groups.get(code) ?? { fondsCode: code, fondsName: r.community, items: [] };
    g.items.push({ title: catalogueTitle(r), year: itemYear(r), archivalCode: r.archivalCode ?? '', retention: r.retention, pages: r.pages, volume: r.boxNo, notes: '' });
    groups.set(code, g);
  }
  return [...groups.values()];
}

export async function writeRetentionChecklist(ctx: ArchiveContext, file: string, scope: ReportScope, signal?: AbortSignal): Promise<void> {
  const asOf = scope.reportDate;
  const heading = (name: string, note?: string) => sheetHeading({ unit: scope.office.name, name, measure: '件', date: asOf, note });
  await writeWorkbook(file, async (wb) => {
    const all = addSheet(wb, '检查清单', heading('档案保管期限检查清单', `${scope.year}年度及以前各年度的档案`), [...COLUMNS, { header: '是否到期', width: 8 }], { landscape: true });
    let items = 0;
    // the lists below take the due items from this one pass: they are a small share of the
    // archive, while each further pass would read every item again
    const dueItems: ReportRecord[] = [];
    for await (const r of iterateRecords(ctx, scope, { throughYear: true }, 'catalogue')) {
      await pace(items + 1, signal);
      const due = isDue(r, asOf);
      if (due) dueItems.push(r);
      writeRow(all, [++items, r.community, r.archivalCode ?? '（未归档）', catalogueTitle(r), itemYear(r), r.retention, expiryYear(itemYear(r), r.retention) ?? '永久', r.status, due ? '是' : '否']);
    }
    all.commit();

    const due = addSheet(
      wb,
      '到期鉴定清单',
      heading(
        '到期鉴定清单',
        dueItems.length
          ? `到期${dueItems.length}件，鉴定意见、延长期限由鉴定小组填写；销毁清册草稿见后`
          : '没有到期的档案，不编制销毁清册',
      ),
      [...COLUMNS, { header: '鉴定意见', width: 12 }, { header: '延长期限', width: 9 }],
      { landscape: true },
    );
    dueItems.forEach((r, n) => writeRow(due, [n + 1, r.community, r.archivalCode ?? '', catalogueTitle(r), itemYear(r), r.retention, expiryYear(itemYear(r), r.retention), r.status, '', '']));
    due.commit();

    for (const layout of ['documents', 'accounting'] as const) {
      addDestructionList(wb, layout, destructionGroups(dueItems, layout), { unit: scope.office.name, asOf, draft: true });
    }
  });
}
