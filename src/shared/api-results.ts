// What the API's methods return, where src/shared has no type of its own for it (the contract: api.ts).
import type { CompletenessGrid } from './audit';
import type { DemoSummary } from './demo';
import type { SummaryResult } from './district';
import type { ArchiveRecord, Attachment, AuditEntry, StreetOffice } from './domain';
import type { ImportResult } from './import';
import type { Loan } from './lending';
import type { HoldInfo } from './lifecycle';
import type { ReportResult } from './report';
import type { UserInfo } from './users';
import type { Affair, Retention } from './vocabulary';

export interface AppInfo {
  office: StreetOffice | null;
  archiveDir: string;
  version: string;
  mode: 'desktop' | 'browser' | 'cli';
  schemaVersion: number;
  /** the year the pages open on: the latest year with records up to this year, else this year */
  workingYear: number;
  /** the archive has user accounts: every call but app.info and auth.* needs a signed-in session */
  accounts: boolean;
  /** a district's archive (`init --district`): its street offices' packages, not records of its own */
  district: boolean;
  /** where the archive is kept: a folder (SQLite) or a PostgreSQL server shared by several clerks */
  engine: 'sqlite' | 'postgres';
  /** a server archive's address, without its password */
  server?: string;
}

/** Where this app's archive is kept, and (desktop) the server it is set to connect to. */
export interface ConnectionInfo {
  engine: 'sqlite' | 'postgres';
  /** the archive in use: its folder, or its server address without the password */
  location: string;
  /** desktop: the server saved for this computer (without the password), null for the folder */
  saved: string | null;
  /** desktop: the archive can be switched here (browser mode serves the one it was started with) */
  switchable: boolean;
}

export interface ServerProbeResult {
  /** archive: a 三务档案 archive; empty: a new one can be made there; foreign: other data */
  state: 'archive' | 'empty' | 'foreign';
  office: string | null;
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
  /** 标准简称, e.g. 民主法治示范社区 */
  shortName: string;
  inUse: boolean;
}

export interface RecordDetail {
  record: ArchiveRecord;
  attachments: Attachment[];
  history: AuditEntry[];
  /** the hold (冻结) in force on it, if any */
  hold?: HoldInfo | null;
}

export interface FilingPreviewItem {
  id: number;
  archivalCode: string;
  community: string;
  title: string;
  /** 成文日期 */
  date: string;
  /** the 件号 cell (全宗-门类·年度-期限-问题) it is numbered in */
  cell: string;
}

export interface FilingResult {
  filed: number;
  /** per 件号 cell (全宗-门类-年度-期限-问题): the numbers given, and the community (全宗) */
  cells: { cell: string; community: string; from: number; to: number }[];
}

export interface DashboardWarning {
  /** empty: the archive (or the year) holds nothing yet; the message says what to do first */
  kind: 'missing-period' | 'unfiled' | 'check' | 'appraisal-due' | 'empty' | 'loan-overdue';
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
  /** loans past their due date, not returned (today, whatever the year shown): the longest overdue first */
  overdueLoans: { total: number; loans: Loan[] };
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

export interface RestoreOutput {
  restored: boolean;
  office: string | null;
  /** where the replaced archive was saved */
  previous: string | null;
  dir: string;
  /** when the backup was made */
  createdAt: string;
  attachments: number;
  /** what was noted while checking it (e.g. a signature this computer cannot verify) */
  notices?: string[];
}

export interface StoredBackupInfo {
  name: string;
  size: number;
  /** when the file was written */
  modifiedAt: string;
}

export interface BackupCheckInfo extends StoredBackupInfo {
  /** when the backup was made */
  createdAt: string;
  office: string | null;
  attachments: number;
  notices: string[];
}

export interface BackupWriteResult {
  file: string;
  attachments: number;
  bytes: number;
}

export interface DemoResult {
  summary: DemoSummary;
  /** the accounts made (none unless asked) */
  users: UserInfo[];
}

export interface SummaryBuildResult extends SummaryResult {
  /** browser mode: the documents as one zip to download */
  downloadUrl?: string;
}

export interface BackupResult {
  path: string;
  /** browser mode: the backup file to download */
  download?: string;
}

