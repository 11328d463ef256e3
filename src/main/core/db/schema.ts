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

/** The archive's identity (migration 0003): one row, set once. */
export interface ArchiveIdentityTable {
  id: number;
  uuid: string;
  created_at: string;
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
  check_runs: CheckRunsTable;
}

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
export type RosterRow = Selectable<RosterTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
