// The records list's columns as exported and printed (the page's table shows the same ones), and the
// filters said in words — one definition for the page's print and core's export (records.export).
import type { ArchiveRecord } from './domain';
import { RECORD_LABELS as L } from './labels';
import type { ListCell, ListColumn } from './lists';
import type { RecordQuery } from './schemas';

export interface RecordListColumn extends ListColumn {
  value: (r: ArchiveRecord) => ListCell;
}

/** 已作废 whatever the status it was voided in (as the page shows it). */
export const recordStatusText = (r: Pick<ArchiveRecord, 'status' | 'voidedAt'>): string => (r.voidedAt ? '已作废' : r.status);

export const RECORD_LIST_COLUMNS: RecordListColumn[] = [
  { header: L.archivalCode, width: 24, value: (r) => r.archivalCode ?? '未归档' },
  { header: L.title, width: 40, value: (r) => r.title },
  { header: L.community, width: 16, value: (r) => r.community },
  { header: L.affair, width: 6, value: (r) => r.affair },
  { header: L.kind, width: 16, value: (r) => r.kind },
  { header: L.date, kind: 'date', value: (r) => r.date },
  { header: L.retention, width: 10, value: (r) => r.retention },
  { header: L.status, width: 8, value: recordStatusText },
  { header: L.responsible, width: 16, value: (r) => r.responsible || null },
  { header: L.docNumber, width: 14, value: (r) => r.docNumber || null },
  { header: L.pages, kind: 'number', width: 6, value: (r) => r.pages },
  { header: L.attachments, kind: 'number', width: 6, value: (r) => r.attachments },
];

export const recordListRow = (r: ArchiveRecord): ListCell[] => RECORD_LIST_COLUMNS.map((c) => c.value(r));

/** The filters in words for a list's heading: 筛选条件：年度：2025，社区：桃源社区 (community by name). */
export function describeRecordQuery(q: RecordQuery, communityName?: string): string {
  const parts: [string, unknown][] = [
    [L.year, q.year],
    [L.community, communityName ?? q.community],
    [L.affair, q.affair],
    [L.kind, q.kind],
    [L.retention, q.retention],
    [L.status, q.voided ? '已作废' : q.status],
    ['检索词', q.q],
  ];
  const said = parts.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}：${String(v)}`);
  return said.length > 0 ? `筛选条件：${said.join('，')}` : '全部档案';
}
