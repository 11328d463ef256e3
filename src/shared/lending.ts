// The lending register (借阅登记) and the log of files viewed in the app (利用): inputs and shapes.
import { z } from 'zod';
import { isoDate } from './schemas';

/** Statuses whose items are no longer in the archive room's hands: never lent. */
export const UNLENDABLE_STATUSES = ['已销毁', '已移交', '移交中'] as const;

const id = z.number().int().positive();

export const lendInputSchema = z.object({
  recordIds: z.array(id).min(1, '请选择要借阅的档案').max(500, '一次最多借阅 500 件'),
  borrower: z.string().trim().min(1, '请填写借阅人').max(50, '借阅人不能超过50个字'),
  purpose: z.string().trim().min(1, '请填写借阅目的').max(500, '借阅目的不能超过500个字'),
  unit: z.string().trim().max(100, '借阅单位不能超过100个字').optional().default(''),
  /** 应还日期, YYYY-MM-DD, not before the day of the loan */
  due: isoDate.optional(),
});
export type LendInput = z.input<typeof lendInputSchema>;

export const loanQuerySchema = z.object({
  /** open: not yet returned; overdue: open and past its due date; returned; all (default) */
  state: z.enum(['all', 'open', 'overdue', 'returned']).optional().default('all'),
  /** borrower, unit, purpose or an item's 档号/题名 */
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).optional().default(50),
  offset: z.number().int().min(0).optional().default(0),
});
export type LoanQuery = z.input<typeof loanQuerySchema>;

export const viewQuerySchema = z.object({
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  limit: z.number().int().min(1).max(500).optional().default(50),
  offset: z.number().int().min(0).optional().default(0),
});
export type ViewQuery = z.input<typeof viewQuerySchema>;

export interface LoanItem {
  /** the record's id */
  id: number;
  archivalCode: string | null;
  title: string;
  community: string;
  status: string;
}

export interface Loan {
  /** the loan's number (借阅单号) */
  id: number;
  borrower: string;
  unit: string;
  purpose: string;
  /** when it was registered (ISO time) */
  lentAt: string;
  /** YYYY-MM-DD or null */
  due: string | null;
  /** who registered it */
  clerk: string;
  returnedAt: string | null;
  returnClerk: string | null;
  /** not returned and past its due date (today, by the archive's clock) */
  overdue: boolean;
  items: LoanItem[];
}

/** `sanwu lend --json`: {"loan", "items"} (DESIGN.md), with the loan's own fields beside them. */
export interface LendResult {
  loan: number;
  items: LoanItem[];
  borrower: string;
  due: string | null;
}

export interface LoanList {
  total: number;
  loans: Loan[];
}

/** One logged view of a file (利用): who, which item, when. */
export interface FileView {
  id: number;
  viewer: string;
  viewedAt: string;
  recordId: number;
  archivalCode: string | null;
  title: string;
  attachmentId: number;
  fileName: string;
}

export interface ViewList {
  total: number;
  views: FileView[];
}
