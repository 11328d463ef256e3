// 05 档案保管期限检查清单 (xlsx): every item up to the report year with 档号, 题名, 年度, 保管期限,
// 到期年度 and status; 到期鉴定清单 = the items due for appraisal on the report date; and a draft
// 销毁清册 for them (cover fields per 全宗, rows per RETENTION.md; 会计 items in their own layout).
import type { ArchiveContext } from '../../context';
import { dueForAppraisal, expiryYear } from '../../retention/expiry';
import { catalogueTitle } from '../catalogue';
import { iterateRecords, type ReportRecord } from '../records';
import type { ReportScope } from '../scope';
import { addSheet, addTotalsRow, pace, writeRow, writeWorkbook } from './sheet';

const itemYear = (r: ReportRecord) => r.archivalParts?.year ?? r.year;
const SETTLED = new Set(['已销毁', '已移交']);

/** Due for appraisal on the report date, and not already destroyed or transferred. */
const isDue = (r: ReportRecord, asOf: Date): boolean => !SETTLED.has(r.status) && dueForAppraisal(itemYear(r), r.retention, asOf);

export async function writeRetentionChecklist(ctx: ArchiveContext, file: string, scope: ReportScope, signal?: AbortSignal): Promise<void> {
  const asOf = scope.reportDate;
  await writeWorkbook(file, async (wb) => {
    const all = addSheet(
      wb,
      '检查清单',
      ['序号', '社区', '档号', '题名', '年度', '保管期限', '到期年度', '状态', '是否到期'].map((header, i) => ({ header, width: [7, 14, 26, 44, 8, 10, 10, 9, 9][i]!, wrap: i === 3 })),
      { landscape: true },
    );
    let items = 0;
    // the three lists below take the due items from this one pass: they are a small share of the
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
      ['序号', '社区', '档号', '题名', '年度', '保管期限', '到期年度', '状态', '鉴定意见', '延长期限'].map((header, i) => ({ header, width: [7, 14, 26, 44, 8, 10, 10, 9, 14, 10][i]!, wrap: i === 3 })),
      { landscape: true },
    );
    const byFonds = new Map<string, { name: string; n: number }>();
    let n = 0;
    for (const r of dueItems) {
      writeRow(due, [++n, r.community, r.archivalCode ?? '', catalogueTitle(r), itemYear(r), r.retention, expiryYear(itemYear(r), r.retention), r.status, '', '']);
      const f = r.archivalParts?.fondsCode ?? '';
      byFonds.set(f, { name: r.community, n: (byFonds.get(f)?.n ?? 0) + 1 });
    }
    due.commit();

    const cover = addSheet(
      wb,
      '销毁清册封面',
      ['全宗号', '全宗名称', '销毁数量（件）', '鉴定小组负责人（签名）', '日期', '批准人（签名）', '日期', '监销人（签名）', '监销人（签名）', '销毁日期'].map((header) => ({
        header,
        width: 14,
      })),
      { landscape: true },
    );
    for (const [code, f] of byFonds) writeRow(cover, [code, f.name, f.n, '', '', '', '', '', '', '']);
    addTotalsRow(cover, '合计', byFonds.size + 1, new Map([[3, n]]));
    cover.commit();

    const kept = (r: ReportRecord) => `${asOf.getFullYear() - itemYear(r) - 1}年`;
    const documents = addSheet(
      wb,
      '销毁清册',
      ['序号', '文件题名', '所属年度', '档号', '应保管期限', '已保管期限', '文件页数', '备注'].map((header, i) => ({ header, width: [7, 44, 9, 26, 11, 11, 9, 16][i]!, wrap: i === 1 })),
      { landscape: true },
    );
    let d = 0;
    for (const r of dueItems) {
      if (r.categoryCode === 'KU') continue;
      writeRow(documents, [++d, catalogueTitle(r), itemYear(r), r.archivalCode ?? '', r.retention, kept(r), r.pages, '']);
    }
    documents.commit();

    const accounting = addSheet(
      wb,
      '会计档案销毁清册',
      ['序号', '名称', '卷号', '册数', '起止年度', '档案编号', '应保管期限', '已保管期限', '销毁时间'].map((header, i) => ({ header, width: [7, 40, 8, 7, 11, 26, 11, 11, 12][i]!, wrap: i === 1 })),
      { landscape: true },
    );
    let k = 0;
    for (const r of dueItems) {
      if (r.categoryCode !== 'KU') continue;
      writeRow(accounting, [++k, catalogueTitle(r), r.boxNo ?? '', 1, String(itemYear(r)), r.archivalCode ?? '', r.retention, kept(r), '']);
    }
    accounting.commit();
  });
}
