// The record's life after filing (DESIGN.md): appraisal, holds, destruction, transfer — the contract's
// inputs (zod) and outputs. The CLI's JSON shapes (`appraisal due|open`, `transfer`) are these objects.
import { z } from 'zod';
import { isoDate, retentionSchema, yearSchema } from './schemas';
import type { RecordStatus, Retention } from './vocabulary';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(50);
const reason = (what: string) => z.string().trim().min(1, `请写明${what}`).max(2000);

export const appraisalScopeSchema = z.object({
  /** items due as of this day (default: today) */
  asOf: isoDate.optional(),
  community: z.string().trim().min(1).optional(),
});

export const DECISIONS = ['keep', 'destroy'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { keep: '继续保存', destroy: '拟销毁' };

export const appraisalDecideSchema = z
  .object({
    batch: id,
    records: z.array(id).min(1, '请选择要作出鉴定意见的档案').max(100000),
    decision: z.enum(DECISIONS),
    /** keep: the new term */
    retention: retentionSchema.optional(),
    reason: reason('鉴定理由'),
  })
  .refine((d) => (d.decision === 'keep') === (d.retention !== undefined), {
    path: ['retention'],
    message: '继续保存须给出新的保管期限（定期10年、定期30年或永久），拟销毁则不给',
  });

export const appraisalCloseSchema = z.object({
  batch: id,
  /** the appraisal group, its head first */
  group: z.array(name).min(1, '请填写鉴定小组成员（第一位为组长）').max(30),
  opinion: reason('鉴定意见'),
});

export const destructionApproveSchema = z.object({
  batch: id,
  /** the approving 管理员's user name: the one signed in */
  approver: z.string().trim().min(1, '请填写批准人').max(100),
  supervisors: z.array(name).length(2, '须有两名监销人'),
  /** the day of destruction: not in the future, not before the appraisal closed */
  date: isoDate,
});

export const holdSetSchema = z.object({ recordId: id, reason: reason('冻结原因（如未结案件、未清债务）').max(500) });
export const holdReleaseSchema = z.object({ recordId: id, note: z.string().trim().max(500).optional() });

export const transferScopeSchema = z.object({
  year: yearSchema,
  communities: z.array(z.string().trim().min(1)).max(100).optional(),
  /** 接收单位 (default 区档案馆) */
  receiver: z.string().trim().min(1).max(100).optional(),
});

export const transferConfirmSchema = z.object({
  /** the carrier number (as `transfer` printed it) or its id */
  carrier: z.string().trim().min(1, '请填写载体编号').max(60),
});

// ---- outputs ----

export interface DueItem {
  id: number;
  archivalCode: string;
  title: string;
  /** the item's 年度 */
  year: number;
  retention: Retention;
  /** YYYY-MM-DD: 1 January after its term ran out */
  dueFrom: string;
  community: string;
  /** the reason of a hold in force, or null */
  held: string | null;
}

export interface DueList {
  asOf: string;
  items: DueItem[];
}

export interface AppraisalOpened extends DueList {
  batch: number;
}

export interface AppraisalItem extends DueItem {
  status: RecordStatus;
  decision: Decision | null;
  newRetention: Retention | null;
  reason: string | null;
  decidedBy: string | null;
}

export type BatchState = '鉴定中' | '待批准销毁' | '已销毁' | '已结束';

export interface DestructionInfo {
  approver: string;
  supervisors: [string, string];
  date: string;
  items: number;
  /** stored files removed (null while their removal is pending) */
  filesRemoved: number | null;
}

export interface AppraisalBatch {
  id: number;
  asOf: string;
  community: string | null;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closedOn: string | null;
  group: string[];
  opinion: string | null;
  items: number;
  decided: number;
  keep: number;
  destroy: number;
  state: BatchState;
  destruction: DestructionInfo | null;
}

export interface OfficeFile {
  id: number;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
}

/** A document of the street office's own fonds (鉴定意见书, 销毁清册, 移交登记表). */
export interface OfficeDocument {
  id: number;
  archivalCode: string;
  kind: string;
  title: string;
  date: string;
  /** the act it documents, e.g. 第3批鉴定 */
  act: string;
  files: OfficeFile[];
}

export interface AppraisalDetail {
  batch: AppraisalBatch;
  items: AppraisalItem[];
  documents: OfficeDocument[];
}

export interface AppraisalClosed {
  batch: AppraisalBatch;
  documents: OfficeDocument[];
}

export interface DestructionResult {
  batch: number;
  destroyed: number;
  /** stored files whose bytes left the store (a file another live record holds stays) */
  filesRemoved: number;
  /** the files could not be removed yet: the next start of the archive removes them */
  filesPending?: true;
  documents: OfficeDocument[];
}

export interface HoldInfo {
  id: number;
  recordId: number;
  archivalCode: string | null;
  title: string;
  community: string;
  status: RecordStatus;
  reason: string;
  heldAt: string;
  heldBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
}

export interface TransferInfo {
  id: number;
  carrier: string;
  year: number;
  communities: string[];
  path: string;
  items: number;
  files: number;
  bytes: number;
  createdAt: string;
  createdBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** `transfer --json`: {carrier, path, items, files}, and more. */
export interface TransferResult {
  carrier: string;
  path: string;
  items: number;
  files: number;
  bytes: number;
  documents: OfficeDocument[];
  /** browser mode: the carrier as a zip to download */
  downloadUrl?: string;
}
