// What the inspection reads: every record with its 档号 parts, every attachment still linked.
import type { ArchiveContext } from '../context';
import type { AttachmentRow, RecordRow } from '../db/schema';

export type CheckRecord = Pick<
  RecordRow,
  | 'id' | 'community_id' | 'affair' | 'kind' | 'title' | 'responsible' | 'doc_number' | 'date' | 'year' | 'disclosure_date'
  | 'disclosure_channel' | 'pages' | 'retention' | 'income_fen' | 'fund_category' | 'secrecy' | 'category_code'
  | 'fonds_code' | 'filing_year' | 'retention_code' | 'problem_code' | 'item_no' | 'archival_code' | 'status' | 'voided_at'
>;

export type CheckAttachment = Pick<AttachmentRow, 'id' | 'record_id' | 'sha256' | 'size' | 'original_name'>;

export interface Inventory {
  /** community id → name and code (全宗号) */
  communities: Map<number, { name: string; code: string }>;
  records: CheckRecord[];
  byId: Map<number, CheckRecord>;
  attachments: CheckAttachment[];
}

export function loadInventory(ctx: ArchiveContext): Inventory {
  const records = ctx.sqlite
    .prepare(
      `SELECT id, community_id, affair, kind, title, responsible, doc_number, date, year, disclosure_date, disclosure_channel,
              pages, retention, income_fen, fund_category, secrecy, category_code, fonds_code, filing_year,
              retention_code, problem_code, item_no, archival_code, status, voided_at
         FROM records ORDER BY id`,
    )
    .all() as CheckRecord[];
  const attachments = ctx.sqlite
    .prepare(`SELECT id, record_id, sha256, size, original_name FROM attachments WHERE removed_at IS NULL ORDER BY sha256, id`)
    .all() as CheckAttachment[];
  const communities = new Map(
    (ctx.sqlite.prepare('SELECT id, name, code FROM communities').all() as { id: number; name: string; code: string }[]).map((c) => [c.id, c]),
  );
  return { communities, records, byId: new Map(records.map((r) => [r.id, r])), attachments };
}
