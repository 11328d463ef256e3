// The one typed API between the UI and core: method name -> zod input schema, output type, `long` flag.
// Both transports (Electron IPC, browser-mode HTTP) are generated from this map; the renderer sees only `Api`.
//
// Calling (renderer): `import { api } from './api'` (src/renderer/src/api), then
// `await api.call('records.search', { q: '例会' })` — input type-checked against the schema, output typed.
// Errors arrive as SanwuError (code, Chinese message, issues) whatever the transport. In the desktop app
// `api` wraps the preload's window.api (an ApiBridge); in browser mode it is a fetch client.
//
// Long methods (`long: true`: import.run, check.run, report.build) take a third argument:
//   const ctl = new AbortController();
//   await api.call('report.build', { year: 2025 }, { onProgress: (p) => setProgress(p), signal: ctl.signal });
//   ctl.abort();  // cancels: the call rejects with SanwuError code 'CANCELLED' and nothing is written.
// onProgress receives {phase, done, total, message?} (at most a few per second). Short methods ignore the options.
//
// URLs (attachments.url, downloads in results) are ready to put in <img>/<iframe>/<a href>:
// app://sanwu/... in the desktop app, /api/... on the same origin in browser mode.
import { z } from 'zod';
import type { AuditResult, CompletenessGrid } from './audit';
import type { CheckResult, CheckRun } from './check';
import type {
  DistrictAuditResult,
  DistrictCommunityDetail,
  DistrictDashboard,
  DistrictOffice,
  DistrictPackageInfo,
  DistrictRecord,
  ReceiveResult,
  SummaryResult,
} from './district';
import type { ArchiveChanges, Attachment, ArchiveRecord, Community, Progress, RosterEntry, StreetOffice } from './domain';
import type { ErrorPayload } from './errors';
import type { ImportResult } from './import';
import { lendInputSchema, loanQuerySchema, viewQuerySchema, type LendResult, type Loan, type LoanList, type ViewList } from './lending';
import { listExportSchema } from './lists';
import { reportSettingsOverrideSchema, reportSettingsSchema, type ReportResult, type ReportSettings } from './report';
import {
  affairSchema,
  communityInputSchema,
  communityRenameSchema,
  isoDate,
  recordInputSchema,
  recordPatchSchema,
  recordQuerySchema,
  retentionSchema,
  rosterInputSchema,
  rosterPatchSchema,
  storedBackupName,
  yearSchema,
} from './schemas';
import {
  appraisalCloseSchema,
  appraisalDecideSchema,
  appraisalScopeSchema,
  destructionApproveSchema,
  holdReleaseSchema,
  holdSetSchema,
  transferConfirmSchema,
  transferScopeSchema,
  type AppraisalBatch,
  type AppraisalClosed,
  type AppraisalDetail,
  type AppraisalOpened,
  type DestructionResult,
  type DueList,
  type HoldInfo,
  type OfficeDocument,
  type TransferInfo,
  type TransferResult,
} from './lifecycle';
import { displaySchema, passwordSchema, roleSchema, usernameSchema, type Identity, type Role, type SignedIn, type UserInfo } from './users';
import { yearbookSettingsSchema, type YearbookFigures, type YearbookResult, type YearbookSettings } from './yearbook';

import type {
  AppInfo,
  ConnectionInfo,
  ServerProbeResult,
  RetentionRule,
  VocabularyInfo,
  StandardInfo,
  RecordDetail,
  FilingPreviewItem,
  FilingResult,
  DashboardSummary,
  DownloadFile,
  ImportRunResult,
  ReportBuildResult,
  RestoreOutput,
  StoredBackupInfo,
  BackupCheckInfo,
  BackupWriteResult,
  DemoResult,
  SummaryBuildResult,
  BackupResult,
} from './api-results';

export type * from './api-results';

/** A phantom carrier of the output type; never read at run time. */
declare const OUTPUT: unique symbol;
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** the least role that may call it once the archive has accounts; null: anyone, signed in or not */
  role: Role | null;
  /** changes the archive (records, settings, accounts, the audit log) */
  writes: boolean;
  long: boolean;
  /** not over HTTP: the desktop app and the CLI only (it takes or reveals paths on this computer) */
  desktopOnly: boolean;
  /** a refusal of any kind (bad input included) is written to the audit log: sign-in and accounts */
  auditRefusals: boolean;
  readonly [OUTPUT]?: O;
}

interface MethodFlags {
  role: Role | null;
  writes: boolean;
  long?: boolean;
  desktopOnly?: boolean;
  auditRefusals?: boolean;
}

function method<O>() {
  return <I extends z.ZodType>(input: I, flags: MethodFlags): MethodSpec<I, O> => ({
    input,
    role: flags.role,
    writes: flags.writes,
    long: flags.long ?? false,
    desktopOnly: flags.desktopOnly ?? false,
    auditRefusals: flags.auditRefusals ?? false,
  });
}

/** The rights of DESIGN.md "Who acts", as flags. */
const PUBLIC = { role: null, writes: false } as const;
const READ = { role: '查阅', writes: false } as const;
const CLERK = { role: '档案员', writes: true } as const;
const ADMIN = { role: '管理员', writes: true } as const;
const ACCOUNTS = { role: '管理员', writes: true, auditRefusals: true } as const;

const empty = z.object({}).strict();
const id = z.number().int().positive();
const base64File = z.object({
  name: z.string().trim().min(1).max(255),
  dataBase64: z.string().max(200 * 1024 * 1024),
});

const filingScope = z.object({ year: yearSchema, community: z.string().trim().min(1).optional(), ids: z.array(id).max(10_000, '一次最多归档 10,000 件所选档案，请按年度或社区归档。').optional() });

/** A file or folder on this computer (CLI and desktop only). */
const localPath = z.string().trim().min(1).max(4096);
const reportRequest = z.object({
  year: yearSchema,
  communities: z.array(z.string().trim().min(1)).optional(),
  zip: z.boolean().optional(),
  nextSteps: z.string().max(5000).optional(),
  /** this package only, over the stored report settings */
  settings: reportSettingsOverrideSchema.optional(),
  /** also copy the items' files, PDFs with the 归档章 */
  withFiles: z.boolean().optional(),
});
const demoRequest = z.object({
  year: z.number().int().optional(),
  communities: z.number().int().optional(),
  records: z.number().int().optional(),
  seed: z.number().int().optional(),
  /** create the accounts admin, clerk and viewer with this password */
  usersPassword: passwordSchema.optional(),
});

const districtQuery = z.object({
  year: yearSchema.optional(),
  office: z.string().trim().min(1).optional(),
  /** a community's 全宗号 within the office */
  community: z.string().trim().min(1).optional(),
  affair: affairSchema.optional(),
  kind: z.string().trim().min(1).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.number().int().min(0).max(100000).optional().default(100),
  offset: z.number().int().min(0).optional().default(0),
});
const addOffice = z.boolean().optional().default(false);

/** A PostgreSQL server's address (postgres://用户名:密码@服务器:端口/数据库). */
const serverUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^postgres(ql)?:\/\/[^\s]+$/i, '服务器地址应形如 postgres://用户名:密码@服务器:端口/数据库名');

// ---- the contract ----

export const API = {
  'app.info': method<AppInfo>()(empty, PUBLIC),
  'auth.signIn': method<SignedIn>()(
    z.object({ username: z.string().trim().min(1, '请填写用户名').max(100), password: z.string().min(1, '请填写密码').max(200) }),
    { role: null, writes: true, auditRefusals: true },
  ),
  'auth.signOut': method<void>()(empty, PUBLIC),
  'auth.whoami': method<Identity | null>()(empty, PUBLIC),
  /** one's own password: the old one proves it is the owner at the keyboard */
  'auth.changePassword': method<void>()(
    z.object({ oldPassword: z.string().min(1, '请填写原密码').max(200), newPassword: passwordSchema }),
    { role: '查阅', writes: true, auditRefusals: true },
  ),
  'users.list': method<UserInfo[]>()(empty, { role: '管理员', writes: false }),
  'users.add': method<UserInfo>()(
    z.object({ name: usernameSchema, role: roleSchema, display: displaySchema.optional(), password: passwordSchema }),
    ACCOUNTS,
  ),
  'users.disable': method<UserInfo>()(z.object({ name: usernameSchema }), ACCOUNTS),
  'users.enable': method<UserInfo>()(z.object({ name: usernameSchema }), ACCOUNTS),
  'users.setRole': method<UserInfo>()(z.object({ name: usernameSchema, role: roleSchema }), ACCOUNTS),
  'users.setPassword': method<UserInfo>()(z.object({ name: usernameSchema, password: passwordSchema }), ACCOUNTS),
  'office.save': method<StreetOffice>()(
    z.object({ name: z.string().trim().min(1, '街道名称不能为空').max(100), code: z.string().trim().max(20).optional() }),
    ADMIN,
  ),
  'communities.list': method<Community[]>()(empty, READ),
  'communities.save': method<Community>()(communityInputSchema.extend({ id: id.optional() }), CLERK),
  /** renaming a community or changing its 全宗号: explicit and confirmed */
  'communities.rename': method<Community>()(communityRenameSchema, ADMIN),
  'roster.list': method<RosterEntry[]>()(z.object({ communityId: id.optional() }), READ),
  'roster.add': method<RosterEntry[]>()(rosterInputSchema, CLERK),
  'roster.end': method<void>()(z.object({ id, endDate: isoDate }), CLERK),
  /** corrects an entry (类型, 名称, 日期, 备注) or ends it on a chosen day */
  'roster.update': method<RosterEntry>()(z.object({ id, patch: rosterPatchSchema }), CLERK),
  'vocabulary.get': method<VocabularyInfo>()(empty, READ),
  'retention.list': method<RetentionRule[]>()(empty, READ),
  'retention.set': method<RetentionRule>()(z.object({ kind: z.string().trim().min(1), retention: retentionSchema }), ADMIN),
  'codeTemplate.get': method<{ template: string; isDefault: boolean; example: string }>()(empty, READ),
  /** a template as typed: the example it gives or why saving would refuse it, and the placeholders */
  'codeTemplate.preview': method<{ example: string | null; problems: string[]; fields: { name: string; meaning: string }[] }>()(
    z.object({ template: z.string().max(200) }),
    READ,
  ),
  'codeTemplate.set': method<{ template: string; example: string }>()(z.object({ template: z.string().trim().min(1).max(200) }), ADMIN),
  'standards.list': method<StandardInfo[]>()(empty, READ),
  'standards.setInUse': method<StandardInfo[]>()(z.object({ ids: z.array(z.string().min(1)) }), ADMIN),
  /** the newest change, whoever made it: open screens poll it and refresh when it moves */
  'archive.changes': method<ArchiveChanges>()(empty, READ),
  'records.search': method<{ total: number; records: ArchiveRecord[] }>()(recordQuerySchema, READ),
  /** every match of a records query, sorted as asked, as the list's .xlsx */
  'records.export': method<DownloadFile>()(recordQuerySchema.omit({ limit: true, offset: true }), { ...READ, long: true }),
  /** a list as the page shows it (check or audit results, import errors, filing results …) as an .xlsx */
  'lists.export': method<DownloadFile>()(listExportSchema, READ),
  'records.get': method<RecordDetail>()(z.object({ id }), READ),
  'records.create': method<ArchiveRecord>()(recordInputSchema, CLERK),
  'records.update': method<ArchiveRecord>()(z.object({ id, patch: recordPatchSchema, version: z.number().int().positive().optional() }), CLERK),
  'records.void': method<void>()(z.object({ id, reason: z.string().trim().min(1, '请写明作废原因').max(500) }), CLERK),
  /** undoes 作废 (before filing); audited */
  'records.restore': method<ArchiveRecord>()(z.object({ id }), CLERK),
  'attachments.add': method<Attachment>()(base64File.extend({ recordId: id }), CLERK),
  /** an attachment added by mistake to an unfiled record: unlinked (audited), its file stays in the store */
  'attachments.remove': method<void>()(z.object({ id, reason: z.string().trim().max(500).optional() }), CLERK),
  'attachments.url': method<string>()(z.object({ id }), READ),
  /** `ids`: only these records (a selection in the list) */
  'filing.preview': method<FilingPreviewItem[]>()(filingScope, READ),
  'filing.run': method<FilingResult>()(filingScope, CLERK),
  'dashboard.summary': method<DashboardSummary>()(z.object({ year: yearSchema }), READ),
  'import.template': method<DownloadFile>()(empty, READ),
  'import.run': method<ImportRunResult>()(
    z.object({ files: z.array(base64File).min(1, '请选择至少一个工作簿'), dryRun: z.boolean().default(false), skipInvalid: z.boolean().default(false) }),
    { ...CLERK, long: true },
  ),
  /** the CLI (and the desktop app): workbooks by path, so 附件 paths relative to them resolve */
  'import.files': method<ImportResult>()(
    z.object({ files: z.array(localPath).min(1, '请指定要导入的工作簿文件'), dryRun: z.boolean().default(false), skipInvalid: z.boolean().default(false) }),
    { ...CLERK, long: true, desktopOnly: true },
  ),
  'audit.run': method<AuditResult>()(
    z.object({ year: yearSchema, standard: z.string().min(1).optional(), community: z.string().min(1).optional() }),
    READ,
  ),
  'audit.attest': method<void>()(
    z.object({
      year: yearSchema,
      community: z.string().trim().min(1),
      indicator: z.string().trim().min(1),
      status: z.enum(['met', 'unmet', 'na']),
      note: z.string().trim().max(2000).optional(),
      evidence: z.array(id).optional(),
    }),
    CLERK,
  ),
  'audit.grid': method<CompletenessGrid>()(z.object({ year: yearSchema }), READ),
  /** the last check's result (kept until the next check), or null before the first */
  'check.last': method<CheckRun | null>()(empty, READ),
  'check.run': method<CheckResult>()(z.object({ full: z.boolean().optional(), fix: z.boolean().optional() }).strict(), { ...CLERK, long: true }),
  'report.build': method<ReportBuildResult>()(reportRequest, { ...CLERK, long: true }),
  /** the CLI (and the desktop app): the package written into a folder of this computer */
  'report.write': method<ReportResult>()(reportRequest.extend({ out: localPath }), { ...CLERK, long: true, desktopOnly: true }),
  /** the work report's 发文字号, 签发人, 主送机关 and signature layout (part of making reports: 档案员) */
  'report.settings.get': method<ReportSettings>()(empty, READ),
  'report.settings.save': method<ReportSettings>()(reportSettingsSchema, CLERK),
  /** desktop: show a finished package or backup in the file manager */
  'shell.showInFolder': method<void>()(z.object({ path: z.string().min(1) }), { ...READ, desktopOnly: true }),
  /** 设置 → 连接服务器: where the archive is; desktop: test a server, switch to it or back to the folder */
  'connection.get': method<ConnectionInfo>()(empty, READ),
  'connection.test': method<ServerProbeResult>()(z.object({ server: serverUrl }), { ...READ, desktopOnly: true }),
  'connection.set': method<ConnectionInfo>()(z.object({ server: serverUrl.nullable() }), { ...ADMIN, desktopOnly: true }),
  'backup.create': method<BackupResult>()(empty, ADMIN),
  /** the CLI (and the desktop app): the backup written to a file of this computer */
  'backup.write': method<BackupWriteResult>()(z.object({ out: localPath }), { ...ADMIN, desktopOnly: true }),
  /** desktop: replaces the open archive by the backup (the current one is backed up first) */
  'backup.restore': method<RestoreOutput>()(
    z.object({ path: z.string().trim().min(1, '请填写备份文件的完整路径') }),
    { ...ADMIN, desktopOnly: true },
  ),
  // ---- the record's life after filing: appraisal, holds, destruction, transfer (DESIGN.md) ----
  'appraisal.due': method<DueList>()(appraisalScopeSchema, READ),
  /** the due items become a batch, each 待鉴定 */
  'appraisal.open': method<AppraisalOpened>()(appraisalScopeSchema, CLERK),
  'appraisal.decide': method<AppraisalBatch>()(appraisalDecideSchema, CLERK),
  /** writes the 鉴定意见书 and the draft 销毁清册 into the office's own fonds */
  'appraisal.close': method<AppraisalClosed>()(appraisalCloseSchema, CLERK),
  'appraisal.list': method<AppraisalBatch[]>()(empty, READ),
  'appraisal.get': method<AppraisalDetail>()(z.object({ batch: id }), READ),
  /** by a 管理员 who did not close the appraisal, with two 监销人 */
  'destruction.approve': method<DestructionResult>()(destructionApproveSchema, ADMIN),
  'holds.list': method<HoldInfo[]>()(z.object({ all: z.boolean().optional() }), READ),
  'holds.set': method<HoldInfo>()(holdSetSchema, CLERK),
  'holds.release': method<HoldInfo>()(holdReleaseSchema, CLERK),
  /** the carrier under the archive folder's transfers/ (browser mode: offered as a zip) */
  'transfer.build': method<TransferResult>()(transferScopeSchema, { ...CLERK, long: true }),
  /** the CLI (and the desktop app): the carrier written into a folder of this computer */
  'transfer.write': method<TransferResult>()(transferScopeSchema.extend({ out: localPath }), { ...CLERK, long: true, desktopOnly: true }),
  'transfer.list': method<TransferInfo[]>()(empty, READ),
  /** after the receiver signed: the carrier's items become 已移交 */
  'transfer.confirm': method<TransferInfo>()(transferConfirmSchema, ADMIN),
  /** the street office's own documents (鉴定意见书, 销毁清册, 移交登记表) */
  'officeDocuments.list': method<OfficeDocument[]>()(empty, READ),
  'officeDocuments.url': method<string>()(z.object({ fileId: id }), READ),
  /** the CLI (and the desktop app): copies of documents' files written into a folder of this computer */
  'officeDocuments.write': method<{ files: string[] }>()(z.object({ ids: z.array(id).min(1).max(100), out: localPath }), { ...READ, desktopOnly: true }),
  // ---- the district (DESIGN.md "Upward: the district") ----
  /** a new, empty archive becomes a district's (`init --district`) */
  'district.setup': method<void>()(empty, ADMIN),
  /** packages and carriers uploaded by the page: each verified whole, then taken in or refused */
  'district.receive': method<ReceiveResult>()(z.object({ files: z.array(base64File).min(1, '请选择要接收的报送包'), addOffice }), { ...CLERK, long: true }),
  /** the CLI (and the desktop app): packages and carriers by path (a folder or its .zip) */
  'district.receivePaths': method<ReceiveResult>()(z.object({ paths: z.array(localPath).min(1, '请指定要接收的报送包'), addOffice }), {
    ...CLERK,
    long: true,
    desktopOnly: true,
  }),
  'district.offices': method<DistrictOffice[]>()(empty, READ),
  'district.addOffice': method<DistrictOffice>()(z.object({ name: z.string().trim().min(1, '街道名称不能为空').max(100), code: z.string().trim().max(20).optional() }), CLERK),
  'district.dashboard': method<DistrictDashboard>()(z.object({ year: yearSchema }), READ),
  'district.community': method<DistrictCommunityDetail>()(z.object({ year: yearSchema, office: z.string().trim().min(1), community: z.string().trim().min(1) }), READ),
  'district.records': method<{ total: number; records: DistrictRecord[] }>()(districtQuery, READ),
  'district.packages': method<DistrictPackageInfo[]>()(z.object({ year: yearSchema.optional(), office: z.string().trim().min(1).optional() }), READ),
  /** the assessments the street offices reported (`sanwu audit` on a district) */
  'district.audit': method<DistrictAuditResult>()(
    z.object({ year: yearSchema, office: z.string().trim().min(1).optional(), standard: z.string().min(1).optional(), community: z.string().min(1).optional() }),
    READ,
  ),
  /** a file of a received package: a URL to view or download it */
  'district.file': method<string>()(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().trim().min(1).max(255) }), READ),
  'district.summary.build': method<SummaryBuildResult>()(z.object({ year: yearSchema }), { ...CLERK, long: true }),
  /** the CLI (and the desktop app): the summary written into a folder of this computer */
  'district.summary.write': method<SummaryResult>()(z.object({ year: yearSchema, out: localPath }), { ...CLERK, long: true, desktopOnly: true }),
  /** the backups kept in the archive's backups/ folder, newest first (to choose one to restore) */
  'backup.list': method<StoredBackupInfo[]>()(empty, { role: '管理员', writes: false }),
  /** a backup file sent from the page in pieces of at most 8 MB, in order; the last makes it a stored backup */
  'backup.upload': method<{ received: number; name?: string }>()(
    z.object({
      upload: z.string().regex(/^[0-9a-f]{8}$/),
      name: z.string().trim().min(1).max(255),
      offset: z.number().int().min(0),
      dataBase64: z.string().max(12 * 1024 * 1024),
      done: z.boolean(),
    }),
    ADMIN,
  ),
  /** checks a stored backup completely, as restoring would, changing nothing */
  'backup.verify': method<BackupCheckInfo>()(z.object({ name: storedBackupName }), { role: '管理员', writes: false, long: true }),
  /** replaces the open archive by a stored backup (checked first; the current archive is backed up first) */
  'backup.restoreStored': method<RestoreOutput>()(z.object({ name: storedBackupName, confirm: z.literal(true, { error: '恢复会替换当前档案库，需要确认。' }) }), {
    ...ADMIN,
    long: true,
  }),
  /** the CLI: fills a realistic demo archive (and with `users`, the accounts admin, clerk, viewer) */
  'demo.generate': method<DemoResult>()(demoRequest, { ...ADMIN, long: true, desktopOnly: true }),
  // ---- the archive room's own year: 借阅登记, 利用, 年报 ----
  'lending.lend': method<LendResult>()(lendInputSchema, CLERK),
  'lending.return': method<Loan>()(z.object({ loan: id }), CLERK),
  'lending.list': method<LoanList>()(loanQuerySchema, READ),
  /** files viewed in the app (利用), newest first */
  'lending.views': method<ViewList>()(viewQuerySchema, READ),
  'yearbook.figures': method<YearbookFigures>()(z.object({ year: yearSchema }), READ),
  'yearbook.settings.get': method<YearbookSettings>()(z.object({ year: yearSchema }), READ),
  'yearbook.settings.save': method<YearbookSettings>()(yearbookSettingsSchema.extend({ year: yearSchema }), CLERK),
  /** the 年报 workbook, offered for download (browser mode) or written into the archive's exports */
  'yearbook.build': method<YearbookResult>()(z.object({ year: yearSchema }), { role: '档案员', writes: false }),
  /** the CLI (and the desktop app): the 年报 written into a folder of this computer */
  'yearbook.write': method<YearbookResult>()(z.object({ year: yearSchema, out: localPath }), { role: '档案员', writes: false, desktopOnly: true }),
} as const;

export type ApiSpec = typeof API;
export type ApiMethod = keyof ApiSpec;
export type ApiInput<M extends ApiMethod> = z.input<ApiSpec[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiSpec[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiSpec[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}

export interface CallOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** What the renderer sees as window.api, whatever the transport. */
export interface Api {
  readonly mode: 'desktop' | 'browser';
  call<M extends ApiMethod>(method: M, input: ApiInput<M>, options?: CallOptions): Promise<ApiOutput<M>>;
}

/** What preload exposes as window.api. Functions cross the context bridge, AbortSignal does not: the
 * renderer's client turns a signal into cancel(taskId). Replies are CallReply (custom error fields would
 * not survive the bridge either). */
export interface ApiBridge {
  readonly mode: 'desktop';
  /** `session`: the signed-in session (auth.signIn's), on an archive with accounts */
  call(method: string, input: unknown, taskId: string, onProgress?: (p: Progress) => void, session?: string): Promise<CallReply>;
  cancel(taskId: string): void;
}

/** Messages on the wire (IPC and HTTP). */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };
export type TaskEvent = { type: 'progress'; progress: Progress } | { type: 'done'; reply: CallReply };
