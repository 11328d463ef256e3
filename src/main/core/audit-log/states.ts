// What an audit entry records of a row: its whole state after the change, so that `check` can hold
// every live row against the latest entry about it (reconciliation). A state is the row's columns in a
// fixed order, versioned: {"v":1,"row":[…]}. Adding a column to a reconciled table means a new version
// here (older entries keep theirs).

export type StateEntity =
  | 'record'
  | 'attachment'
  | 'community'
  | 'roster'
  | 'filing_cell'
  | 'appraisal_batch'
  | 'appraisal_item'
  | 'hold'
  | 'destruction'
  | 'transfer'
  | 'transfer_item'
  | 'office_record'
  | 'office_file'
  | 'loan'
  | 'loan_item'
  | 'file_view'
  | 'archive_kind'
  | 'district_office'
  | 'district_community'
  | 'district_package';

export interface StateShape {
  table: string;
  /** the columns that identify a row: `id`, or a composite key (entity_id is then NULL) */
  key: readonly string[];
  /** columns by version; index 0 is version 1 */
  versions: readonly (readonly string[])[];
}

export const STATES: Record<StateEntity, StateShape> = {
  record: {
    table: 'records',
    key: ['id'],
    versions: [
      [
        'id', 'community_id', 'affair', 'kind', 'title', 'title_supplied', 'responsible', 'doc_number', 'date', 'disclosure_date',
        'disclosure_channel', 'pages', 'retention', 'income_fen', 'expense_fen', 'fund_category', 'notes', 'secrecy', 'category_code',
        'fonds_code', 'filing_year', 'retention_code', 'problem_code', 'item_no', 'archival_code', 'filed_at', 'box_no', 'status',
        'fingerprint', 'source', 'created_at', 'updated_at', 'voided_at', 'void_reason',
      ],
    ],
  },
  attachment: {
    table: 'attachments',
    key: ['id'],
    versions: [['id', 'record_id', 'sha256', 'size', 'media_type', 'original_name', 'created_at', 'removed_at']],
  },
  community: {
    table: 'communities',
    key: ['id'],
    versions: [
      ['id', 'code', 'name', 'type', 'households', 'population', 'area_km2', 'resident_units', 'station_area', 'weekly_hours', 'created_at', 'updated_at', 'retired_at'],
    ],
  },
  roster: {
    table: 'roster',
    key: ['id'],
    versions: [['id', 'community_id', 'kind', 'name', 'start_date', 'end_date', 'note', 'fingerprint', 'source', 'created_at', 'updated_at', 'voided_at']],
  },
  filing_cell: {
    table: 'filing_cells',
    key: ['fonds_code', 'category_code', 'year', 'retention_code', 'problem_code'],
    versions: [['fonds_code', 'category_code', 'year', 'retention_code', 'problem_code', 'last_item_no']],
  },
  // the record's life after filing (migration 0009)
  appraisal_batch: {
    table: 'appraisal_batches',
    key: ['id'],
    versions: [['id', 'as_of', 'community_id', 'opened_at', 'opened_by', 'closed_at', 'closed_by', 'closed_on', 'group_members', 'opinion']],
  },
  appraisal_item: {
    table: 'appraisal_items',
    key: ['id'],
    versions: [['id', 'batch_id', 'record_id', 'retention_before', 'due_from', 'decision', 'new_retention', 'expires_year', 'reason', 'decided_at', 'decided_by']],
  },
  hold: {
    table: 'holds',
    key: ['id'],
    versions: [['id', 'record_id', 'reason', 'held_at', 'held_by', 'released_at', 'released_by', 'release_note']],
  },
  destruction: {
    table: 'destructions',
    key: ['id'],
    versions: [['id', 'batch_id', 'approver', 'supervisor1', 'supervisor2', 'destroyed_on', 'approved_at', 'items', 'files_removed', 'files_removed_at']],
  },
  transfer: {
    table: 'transfers',
    key: ['id'],
    versions: [['id', 'carrier', 'year', 'communities', 'path', 'items', 'files', 'bytes', 'created_at', 'created_by', 'confirmed_at', 'confirmed_by']],
  },
  transfer_item: { table: 'transfer_items', key: ['id'], versions: [['id', 'transfer_id', 'record_id', 'seq']] },
  office_record: {
    table: 'office_records',
    key: ['id'],
    versions: [
      ['id', 'fonds_code', 'category_code', 'year', 'retention', 'retention_code', 'problem_code', 'item_no', 'archival_code', 'kind', 'title', 'responsible', 'date', 'act', 'created_at', 'created_by'],
    ],
  },
  office_file: { table: 'office_files', key: ['id'], versions: [['id', 'office_record_id', 'sha256', 'size', 'media_type', 'name', 'created_at']] },
  loan: {
    table: 'loans',
    key: ['id'],
    versions: [['id', 'borrower', 'unit', 'purpose', 'lent_at', 'due_date', 'clerk', 'returned_at', 'return_clerk', 'created_at', 'updated_at']],
  },
  loan_item: { table: 'loan_items', key: ['id'], versions: [['id', 'loan_id', 'record_id']] },
  file_view: { table: 'file_views', key: ['id'], versions: [['id', 'attachment_id', 'record_id', 'viewer', 'viewed_at']] },
  // the district (migration 0010): the archive's kind, its street offices, their communities, the packages received
  archive_kind: {
    table: 'archive_kind',
    key: ['id'],
    versions: [['id', 'kind', 'created_at']],
  },
  district_office: {
    table: 'district_offices',
    key: ['id'],
    versions: [['id', 'name', 'code', 'created_at', 'updated_at']],
  },
  district_community: {
    table: 'district_communities',
    key: ['id'],
    versions: [
      ['id', 'office_id', 'code', 'name', 'type', 'households', 'population', 'area_km2', 'resident_units', 'station_area', 'weekly_hours', 'profile_year', 'created_at', 'updated_at'],
    ],
  },
  district_package: {
    table: 'district_packages',
    key: ['id'],
    versions: [
      [
        'id', 'office_id', 'kind', 'year', 'name', 'created', 'as_of', 'digest', 'pack', 'pack_size', 'files', 'bytes', 'communities', 'records', 'content_digest', 'info', 'source',
        'received_at', 'replaced_by', 'replaced_at',
      ],
    ],
  },
};

export const STATE_ENTITIES = Object.keys(STATES) as StateEntity[];

/** The version new entries record. */
export const stateVersion = (entity: StateEntity): number => STATES[entity].versions.length;

/** A recorded state as column → value, or null when `json` is not one. */
export function decodeState(entity: StateEntity, json: string | null): Record<string, unknown> | null {
  if (json === null || !json.startsWith('{"v":')) return null;
  const { v, row } = JSON.parse(json) as { v: number; row: unknown[] };
  const columns = STATES[entity].versions[v - 1];
  if (!columns || !Array.isArray(row)) return null;
  return Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]));
}

export const isStateEntity = (entity: string): entity is StateEntity => entity in STATES;
