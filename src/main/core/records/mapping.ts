// Row <-> domain mapping for records.
import type { ArchiveRecord } from '../../../shared/domain';
import type { Affair, RecordStatus, Retention } from '../../../shared/vocabulary';
import type { RecordRow } from '../db/schema';

export const toYuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);
export const toFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);

export type RecordRowWithJoins = RecordRow & { community: string; attachments: number };

export function toRecord(r: RecordRowWithJoins): ArchiveRecord {
  return {
    id: r.id,
    communityId: r.community_id,
    community: r.community,
    affair: r.affair as Affair,
    kind: r.kind,
    title: r.title,
    titleSupplied: r.title_supplied === 1,
    responsible: r.responsible,
    docNumber: r.doc_number,
    date: r.date,
    year: r.year,
    disclosureDate: r.disclosure_date,
    disclosureChannel: r.disclosure_channel,
    pages: r.pages,
    retention: r.retention as Retention,
    income: toYuan(r.income_fen),
    expense: toYuan(r.expense_fen),
    fundCategory: r.fund_category,
    notes: r.notes,
    secrecy: r.secrecy,
    categoryCode: r.category_code,
    archivalCode: r.archival_code,
    archivalParts:
      r.item_no !== null && r.fonds_code !== null
        ? {
            fondsCode: r.fonds_code,
            categoryCode: r.category_code,
            year: r.filing_year ?? r.year,
            retentionCode: r.retention_code ?? '',
            problemCode: r.problem_code ?? '',
            itemNo: r.item_no,
          }
        : null,
    boxNo: r.box_no,
    status: r.status as RecordStatus,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    attachments: r.attachments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
