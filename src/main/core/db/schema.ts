// The typed database (Kysely's Database interface). Mirrors the migrations; the schema snapshot test
// keeps the SQL side honest.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface StreetOfficeTable {
  id: number;
  name: string;
  code: string;
  created_at: string;
  updated_at: string;
}

export interface CommunitiesTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: string;
  households: number | null;
  population: number | null;
  area_km2: number | null;
  resident_units: number | null;
  station_area: number | null;
  weekly_hours: number | null;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface RosterTable {
  id: Generated<number>;
  community_id: number;
  kind: string;
  name: string;
  start_date: string | null;
  end_date: string | null;
  note: string;
  fingerprint: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
}

export interface RecordsTable {
  id: Generated<number>;
  community_id: number;
  affair: string;
  kind: string;
  title: string;
  title_supplied: number;
  responsible: string;
  doc_number: string;
  date: string;
  /** generated from date */
  year: Generated<number>;
  disclosure_date: string | null;
  disclosure_channel: string | null;
  pages: number | null;
  retention: string;
  income_fen: number | null;
  expense_fen: number | null;
  fund_category: string | null;
  notes: string;
  secrecy: string;
  category_code: string;
  fonds_code: string | null;
  filing_year: number | null;
  retention_code: string | null;
  problem_code: string | null;
  item_no: number | null;
  archival_code: string | null;
  filed_at: string | null;
  box_no: number | null;
  status: string;
  fingerprint: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  /** bumped by every change (migration 0008): an edit names the version it read */
  version: Generated<number>;
}

export interface FilingCellsTable {
  fonds_code: string;
  category_code: string;
  year: number;
  retention_code: string;
  problem_code: string;
  last_item_no: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  record_id: number;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  created_at: string;
  removed_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  source: string | null;
  prev_hash: string;
  hash: string;
  /** 1: legacy JSON-array hash; 2: length-prefixed fields (append.ts) */
  hash_format: Generated<1 | 2>;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface RetentionOverridesTable {
  kind: string;
  retention: string;
  updated_at: string;
}

export interface AttestationsTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  indicator_id: string;
  status: string;
  note: string;
  evidence: string;
  actor: string;
  at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  failed_signins: Generated<number>;
  locked_until: string | null;
  password_set_at: string | null;
}

export interface AppraisalBatchesTable {
  id: Generated<number>;
  as_of: string;
  community_id: number | null;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  closed_by: string | null;
  closed_on: string | null;
  /** JSON array of the appraisal group's names, the first its head */
  group_members: string | null;
  opinion: string | null;
}

export interface AppraisalItemsTable {
  id: Generated<number>;
  batch_id: number;
  record_id: number;
  retention_before: string;
  due_from: string;
  decision: 'keep' | 'destroy' | null;
  new_retention: string | null;
  /** keep with a fixed term: the last year of the new term (set at closing) */
  expires_year: number | null;
  reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface HoldsTable {
  id: Generated<number>;
  record_id: number;
  reason: string;
  held_at: string;
  held_by: string;
  released_at: string | null;
  released_by: string | null;
  release_note: string | null;
}

export interface DestructionsTable {
  id: Generated<number>;
  batch_id: number;
  approver: string;
  supervisor1: string;
  supervisor2: string;
  destroyed_on: string;
  approved_at: string;
  items: number;
  files_removed: number | null;
  files_removed_at: string | null;
}

export interface TransfersTable {
  id: Generated<number>;
  carrier: string;
  year: number;
  /** JSON array of community names; empty: all */
  communities: string;
  path: string;
  items: number;
  files: number;
  bytes: number;
  created_at: string;
  created_by: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

export interface TransferItemsTable {
  id: Generated<number>;
  transfer_id: number;
  record_id: number;
  seq: number;
}

export interface OfficeRecordsTable {
  id: Generated<number>;
  fonds_code: string;
  category_code: string;
  year: number;
  retention: string;
  retention_code: string;
  problem_code: string;
  item_no: number;
  archival_code: string;
  kind: string;
  title: string;
  responsible: string;
  date: string;
  /** the act it documents: appraisal:N, destruction:N, transfer:N */
  act: string;
  created_at: string;
  created_by: string;
}

export interface OfficeFilesTable {
  id: Generated<number>;
  office_record_id: number;
  sha256: string;
  size: number;
  media_type: string;
  name: string;
  created_at: string;
}

export interface ArchiveKindTable {
  id: number;
  kind: 'street' | 'district';
  created_at: string;
}

export interface DistrictOfficesTable {
  id: Generated<number>;
  name: string;
  code: string;
  created_at: string;
  updated_at: string;
}

export interface DistrictCommunitiesTable {
  id: Generated<number>;
  office_id: number;
  code: string;
  name: string;
  type: string;
  households: number | null;
  population: number | null;
  area_km2: number | null;
  resident_units: number | null;
  station_area: number | null;
  weekly_hours: number | null;
  profile_year: number;
  created_at: string;
  updated_at: string;
}

export interface DistrictPackagesTable {
  id: Generated<number>;
  office_id: number;
  kind: 'package' | 'carrier';
  year: number;
  name: string;
  /** Sanwu-Created (or the carrier's time): which of two packages is the newer */
  created: string;
  /** the day its audit judged as of (records.json asOf) */
  as_of: string;
  /** SHA-256 of the manifest (a carrier: of 数字摘要.txt): the same package received twice has the same */
  digest: string;
  /** SHA-256 of the pack that keeps its files in the store (district/pack.ts) */
  pack: string;
  /** the pack's own size in bytes */
  pack_size: number;
  files: number;
  bytes: number;
  communities: number;
  records: number;
  /** over the content rows (district/content.ts) */
  content_digest: string;
  /** bag-info.txt's (or 说明文件's) fields, JSON */
  info: string;
  /** the file or folder name it was received from */
  source: string;
  received_at: string;
  replaced_by: number | null;
  replaced_at: string | null;
}

export interface DistrictPackageCommunitiesTable {
  package_id: number;
  code: string;
  name: string;
  type: string;
  households: number | null;
  population: number | null;
  area_km2: number | null;
  resident_units: number | null;
  station_area: number | null;
  weekly_hours: number | null;
  /** JSON: the standards as records.json reports them */
  audit: string;
  /** JSON: the completeness rows (affair × months), when the package carries them */
  completeness: string | null;
}

export interface DistrictRecordsTable {
  id: Generated<number>;
  package_id: number;
  community_code: string;
  source_id: number | null;
  affair: string | null;
  kind: string;
  disclosure: number;
  title: string;
  responsible: string;
  doc_number: string;
  date: string;
  year: number;
  disclosure_date: string | null;
  disclosure_channel: string | null;
  pages: number | null;
  retention: string;
  income: number | null;
  expense: number | null;
  fund_category: string | null;
  notes: string;
  secrecy: string;
  archival_code: string | null;
  box_no: number | null;
  status: string;
  attachments: number;
}

export interface DistrictFilesTable {
  package_id: number;
  path: string;
  sha256: string;
  size: number;
  record_id: number | null;
  /** where the file's bytes begin in its package's pack */
  pack_offset: number;
}

/** The archive's identity (migration 0003): one row, set once. */
export interface ArchiveIdentityTable {
  id: number;
  uuid: string;
  created_at: string;
}

export interface LoansTable {
  id: Generated<number>;
  borrower: string;
  unit: string;
  purpose: string;
  /** when the loan was registered (ISO time) */
  lent_at: string;
  /** YYYY-MM-DD */
  due_date: string | null;
  /** who registered it */
  clerk: string;
  returned_at: string | null;
  return_clerk: string | null;
  created_at: string;
  updated_at: string;
}

export interface LoanItemsTable {
  id: Generated<number>;
  loan_id: number;
  record_id: number;
}

export interface FileViewsTable {
  id: Generated<number>;
  attachment_id: number;
  record_id: number;
  /** the signed-in account's name, else the OS user */
  viewer: string;
  viewed_at: string;
}

export interface CheckRunsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** the full database check (integrity_check), 1, or the quick one, 0 */
  full_check: number;
  ok: number;
  /** the CheckResult as JSON */
  result: string;
}

export interface DB {
  archive_identity: ArchiveIdentityTable;
  street_office: StreetOfficeTable;
  communities: CommunitiesTable;
  roster: RosterTable;
  records: RecordsTable;
  filing_cells: FilingCellsTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  retention_overrides: RetentionOverridesTable;
  attestations: AttestationsTable;
  users: UsersTable;
  appraisal_batches: AppraisalBatchesTable;
  appraisal_items: AppraisalItemsTable;
  holds: HoldsTable;
  destructions: DestructionsTable;
  transfers: TransfersTable;
  transfer_items: TransferItemsTable;
  office_records: OfficeRecordsTable;
  office_files: OfficeFilesTable;
  loans: LoansTable;
  loan_items: LoanItemsTable;
  file_views: FileViewsTable;
  archive_kind: ArchiveKindTable;
  district_offices: DistrictOfficesTable;
  district_communities: DistrictCommunitiesTable;
  district_packages: DistrictPackagesTable;
  district_package_communities: DistrictPackageCommunitiesTable;
  district_records: DistrictRecordsTable;
  district_files: DistrictFilesTable;
  check_runs: CheckRunsTable;
}

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
export type RosterRow = Selectable<RosterTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
