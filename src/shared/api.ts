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
import type { CheckResult } from './check';
import type { Attachment, ArchiveRecord, AuditEntry, Community, Progress, RosterEntry, StreetOffice } from './domain';
import type { ErrorPayload } from './errors';
import type { ImportResult } from './import';
import { reportSettingsSchema, type ReportResult, type ReportSettings } from './report';
import {
  communityInputSchema,
  isoDate,
  recordInputSchema,
  recordPatchSchema,
  recordQuerySchema,
  retentionSchema,
  rosterInputSchema,
  yearSchema,
} from './schemas';
import type { Affair, Retention } from './vocabulary';

/** A phantom carrier of the output type; never read at run time. */
declare const OUTPUT: unique symbol;
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  long: boolean;
  /** only in the desktop app (browser mode answers with an error saying so) */
  desktopOnly: boolean;
  readonly [OUTPUT]?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I, flags: { long?: boolean; desktopOnly?: boolean } = {}): MethodSpec<I, O> => ({
    input,
    long: flags.long ?? false,
    desktopOnly: flags.desktopOnly ?? false,
  });
}

const empty = z.object({}).strict();
const id = z.number().int().positive();
const base64File = z.object({
  name: z.string().trim().min(1).max(255),
  dataBase64: z.string().max(200 * 1024 * 1024),
});

// ---- output shapes not already in src/shared ----

export interface AppInfo {
  office: StreetOffice | null;
  archiveDir: string;
  version: string;
  mode: 'desktop' | 'browser';
  schemaVersion: number;
  /** the year the pages open on: the latest year with records up to this year, else this year */
  workingYear: number;
}

export interface RetentionRule {
  kind: string;
  affair: Affair;
  retention: Retention;
  /** true when it is the schedule's default (RETENTION.md), not an override */
  isDefault: boolean;
}

export interface VocabularyInfo {
  affairs: Affair[];
  kinds: Record<Affair, string[]>;
  accountingKinds: string[];
  fundCategories: string[];
  disclosureChannels: string[];
  rosterKinds: string[];
  retentions: Retention[];
  statuses: string[];
}

export interface StandardInfo {
  id: string;
  name: string;
  inUse: boolean;
}

export interface RecordDetail {
  record: ArchiveRecord;
  attachments: Attachment[];
  history: AuditEntry[];
}

export interface FilingPreviewItem {
  id: number;
  archivalCode: string;
}

export interface FilingResult {
  filed: number;
  /** per 件号 cell (全宗-门类-年度-期限-问题): the numbers given */
  cells: { cell: string; from: number; to: number }[];
}

export interface DashboardWarning {
  kind: 'missing-period' | 'unfiled' | 'check' | 'appraisal-due';
  message: string;
  /** a route in the UI with its query, e.g. /records?year=2025&status=未归档 */
  link: string;
}

export interface DashboardSummary {
  year: number;
  total: number;
  byAffair: Record<string, number>;
  byStatus: Record<string, number>;
  completeness: CompletenessGrid;
  warnings: DashboardWarning[];
}

export interface DownloadFile {
  name: string;
  dataBase64: string;
}

export interface ImportRunResult extends ImportResult {
  /** download URLs of the error workbooks (--skip-invalid) */
  errorWorkbookUrls?: string[];
}

export interface ReportBuildResult extends ReportResult {
  /** browser mode: the zip to download */
  downloadUrl?: string;
}

export interface BackupResult {
  path: string;
  /** browser mode: the backup file to download */
  download?: string;
}

// ---- the contract ----

export const API = {
  'app.info': method<AppInfo>()(empty),
  'office.save': method<StreetOffice>()(
    z.object({ name: z.string().trim().min(1, '街道名称不能为空').max(100), code: z.string().trim().max(20).optional() }),
  ),
  'communities.list': method<Community[]>()(empty),
  'communities.save': method<Community>()(communityInputSchema),
  'roster.list': method<RosterEntry[]>()(z.object({ communityId: id.optional() })),
  'roster.add': method<RosterEntry[]>()(rosterInputSchema),
  'roster.end': method<void>()(z.object({ id, endDate: isoDate })),
  'vocabulary.get': method<VocabularyInfo>()(empty),
  'retention.list': method<RetentionRule[]>()(empty),
  'retention.set': method<RetentionRule>()(z.object({ kind: z.string().trim().min(1), retention: retentionSchema })),
  'codeTemplate.get': method<{ template: string; isDefault: boolean; example: string }>()(empty),
  'codeTemplate.set': method<{ template: string; example: string }>()(z.object({ template: z.string().trim().min(1).max(200) })),
  'standards.list': method<StandardInfo[]>()(empty),
  'standards.setInUse': method<StandardInfo[]>()(z.object({ ids: z.array(z.string().min(1)) })),
  'records.search': method<{ total: number; records: ArchiveRecord[] }>()(recordQuerySchema),
  'records.get': method<RecordDetail>()(z.object({ id })),
  'records.create': method<ArchiveRecord>()(recordInputSchema),
  'records.update': method<ArchiveRecord>()(z.object({ id, patch: recordPatchSchema })),
  'records.void': method<void>()(z.object({ id, reason: z.string().trim().min(1, '请写明作废原因').max(500) })),
  'attachments.add': method<Attachment>()(base64File.extend({ recordId: id })),
  'attachments.url': method<string>()(z.object({ id })),
  'filing.preview': method<FilingPreviewItem[]>()(z.object({ year: yearSchema, community: z.string().trim().min(1).optional() })),
  'filing.run': method<FilingResult>()(z.object({ year: yearSchema, community: z.string().trim().min(1).optional() })),
  'dashboard.summary': method<DashboardSummary>()(z.object({ year: yearSchema })),
  'import.template': method<DownloadFile>()(empty),
  'import.run': method<ImportRunResult>()(
    z.object({ files: z.array(base64File).min(1, '请选择至少一个工作簿'), dryRun: z.boolean().default(false), skipInvalid: z.boolean().default(false) }),
    { long: true },
  ),
  'audit.run': method<AuditResult>()(
    z.object({ year: yearSchema, standard: z.string().min(1).optional(), community: z.string().min(1).optional() }),
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
  ),
  'audit.grid': method<CompletenessGrid>()(z.object({ year: yearSchema })),
  'check.run': method<CheckResult>()(z.object({ full: z.boolean().optional() }).strict(), { long: true }),
  'report.build': method<ReportBuildResult>()(
    z.object({
      year: yearSchema,
      communities: z.array(z.string().trim().min(1)).optional(),
      zip: z.boolean().optional(),
      nextSteps: z.string().max(5000).optional(),
    }),
    { long: true },
  ),
  /** the work report's 发文字号, 签发人, 主送机关 and signature layout */
  'report.settings.get': method<ReportSettings>()(empty),
  'report.settings.save': method<ReportSettings>()(reportSettingsSchema),
  /** desktop: show a finished package or backup in the file manager */
  'shell.showInFolder': method<void>()(z.object({ path: z.string().min(1) }), { desktopOnly: true }),
  'backup.create': method<BackupResult>()(empty),
  /** desktop: replaces the open archive by the backup (the current one is backed up first) */
  'backup.restore': method<{ restored: boolean; office: string | null; previous: string | null }>()(
    z.object({ path: z.string().trim().min(1, '请填写备份文件的完整路径') }),
    { desktopOnly: true },
  ),
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
  call(method: string, input: unknown, taskId: string, onProgress?: (p: Progress) => void): Promise<CallReply>;
  cancel(taskId: string): void;
}

/** Messages on the wire (IPC and HTTP). */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };
export type TaskEvent = { type: 'progress'; progress: Progress } | { type: 'done'; reply: CallReply };
