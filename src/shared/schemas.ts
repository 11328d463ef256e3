// zod schemas for every input that crosses a boundary into core (CLI, IPC, HTTP, import).
import { z } from 'zod';
import { MIN_PAGES } from './fields/record';
import { AFFAIRS, COMMUNITY_TYPES, RECORD_STATUSES, RETENTIONS } from './vocabulary';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD，如 2025-03-05')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

export const yearSchema = z.coerce.number().int().min(1949).max(2100);

export const affairSchema = z.enum(AFFAIRS);
export const retentionSchema = z.enum(RETENTIONS);
export const statusSchema = z.enum(RECORD_STATUSES);
export const communityTypeSchema = z.enum(COMMUNITY_TYPES);

const optionalText = z.string().trim().max(2000).optional().default('');
const money = z.number().finite().min(0).max(1e12).nullable().optional();

export const recordInputSchema = z.object({
  communityId: z.number().int().positive(),
  affair: affairSchema,
  kind: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1, '题名不能为空').max(500),
  titleSupplied: z.boolean().optional().default(false),
  responsible: optionalText,
  docNumber: optionalText,
  date: isoDate,
  disclosureDate: isoDate.nullable().optional(),
  disclosureChannel: z.string().trim().max(50).nullable().optional(),
  pages: z.number().int().min(MIN_PAGES, `页数应不小于 ${MIN_PAGES}`).max(100000).nullable().optional(),
  /** Left out: from the retention schedule by kind. */
  retention: retentionSchema.optional(),
  income: money,
  expense: money,
  fundCategory: z.string().trim().max(50).nullable().optional(),
  notes: optionalText,
  secrecy: z.string().trim().max(10).optional().default(''),
  boxNo: z.number().int().positive().nullable().optional(),
  /** import idempotency key; see import */
  fingerprint: z.string().max(128).nullable().optional(),
  /** where the row came from, e.g. "file.xlsx!档案登记!12" */
  source: z.string().max(1000).nullable().optional(),
});
export type RecordInput = z.input<typeof recordInputSchema>;
export type RecordInputParsed = z.output<typeof recordInputSchema>;

export const recordPatchSchema = recordInputSchema
  .omit({ fingerprint: true, source: true, communityId: true })
  .partial()
  // A status changes only through its acts (归档, 鉴定, 销毁, 移交), never by editing the record.
  .extend({ status: z.undefined({ error: '档案状态不能直接修改：归档请用“归档”，鉴定、销毁、移交须按各自的手续办理。' }).optional() });
export type RecordPatch = z.input<typeof recordPatchSchema>;

export const communityInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,8}$/, '社区代码即全宗号，由字母和数字组成（如 S101）'),
  name: z.string().trim().min(1).max(100),
  type: communityTypeSchema.optional().default('城市'),
  households: z.number().int().min(0).nullable().optional(),
  population: z.number().int().min(0).nullable().optional(),
  areaKm2: z.number().min(0).nullable().optional(),
  residentUnits: z.number().int().min(0).nullable().optional(),
  stationArea: z.number().min(0).nullable().optional(),
  weeklyHours: z.number().min(0).max(168).nullable().optional(),
});
export type CommunityInput = z.input<typeof communityInputSchema>;

/** Renaming a community or changing its 全宗号: explicit and confirmed (communities.rename). */
export const communityRenameSchema = z.object({
  id: z.number().int().positive(),
  name: communityInputSchema.shape.name,
  code: communityInputSchema.shape.code,
  /** the clerk confirmed the change */
  confirm: z.literal(true, { error: '更改社区名称或全宗号需要确认。' }),
});
export type CommunityRename = z.input<typeof communityRenameSchema>;

export const rosterInputSchema = z.object({
  communityId: z.number().int().positive(),
  kind: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  note: optionalText,
  fingerprint: z.string().max(128).nullable().optional(),
  source: z.string().max(1000).nullable().optional(),
});
export type RosterInput = z.input<typeof rosterInputSchema>;

/** Correcting an entry, or ending it on a chosen day (roster.update). */
export const rosterPatchSchema = rosterInputSchema.pick({ kind: true, name: true, startDate: true, endDate: true }).partial().extend({ note: z.string().trim().max(2000).optional() });
export type RosterPatch = z.input<typeof rosterPatchSchema>;

/** The columns a records list sorts by: 档号 (unfiled last), 成文日期, 题名, 社区 (by name, as Chinese dictionaries order them). */
export const RECORD_SORTS = ['archivalCode', 'date', 'title', 'community'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export const recordQuerySchema = z.object({
  year: yearSchema.optional(),
  communityId: z.number().int().positive().optional(),
  community: z.string().trim().min(1).optional(),
  affair: affairSchema.optional(),
  kind: z.string().trim().min(1).optional(),
  retention: retentionSchema.optional(),
  status: statusSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** true: only voided records (已作废); otherwise voided records are left out */
  voided: z.boolean().optional(),
  /** only these records (a selection in the list) */
  ids: z.array(z.number().int().positive()).max(10_000, '一次最多处理 10,000 件所选档案，请缩小范围。').optional(),
  /** sorted by this column (left out: newest first; a 档号-like term puts exact codes first) */
  sort: z.enum(RECORD_SORTS).optional(),
  /** asc (default) or desc */
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(0).max(100000).optional().default(100),
  offset: z.number().int().min(0).optional().default(0),
});
export type RecordQuery = z.input<typeof recordQuerySchema>;

/** A backup in the archive's backups/ folder, by name (never a path: over HTTP too). */
export const storedBackupName = z
  .string()
  .trim()
  .min(1, '请先选择一个备份文件')
  .max(255)
  .regex(/^[^/\\.][^/\\]*\.tar$/i, '请从备份列表中选择一个 .tar 备份文件。');
