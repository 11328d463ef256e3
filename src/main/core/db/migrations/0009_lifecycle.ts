// The record's life after filing (issue 15, DESIGN.md): appraisal batches and their decisions, holds,
// destructions, transfer carriers, and the street office's own fonds (its 鉴定意见书, 销毁清册, 移交登记表).
// The statuses 拟销毁 and 移交中 join the records' CHECK; the lifecycle's steps join
// record_status_transitions; and a guard refuses each step unless its act is on record (an open batch,
// a closed decision, an approved destruction, a carrier) and, for destruction and transfer, no hold is
// in force — so even a direct edit of the file cannot move a record along without its paperwork.
import { sql, type Kysely } from 'kysely';
import { editTableSql } from '../sqlite/schema-edit';

export async function up(db: Kysely<unknown>): Promise<void> {
  await editTableSql(db, 'records', OLD_STATUSES, NEW_STATUSES);
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const OLD_STATUSES = `CHECK (status IN ('未归档', '在保', '待鉴定', '已销毁', '已移交'))`;
const NEW_STATUSES = `CHECK (status IN ('未归档', '在保', '待鉴定', '拟销毁', '已销毁', '移交中', '已移交'))`;

const DATE = `GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`;
const RETENTION = `IN ('永久', '定期30年', '定期10年')`;
const noDelete = (table: string) =>
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are never deleted'); END`;

/** An active hold on the record being changed. */
const HELD = `EXISTS (SELECT 1 FROM holds h WHERE h.record_id = NEW.id AND h.released_at IS NULL)`;

const STATEMENTS = [
  `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES
    ('在保', '待鉴定', 'appraisal-open'),
    ('待鉴定', '在保', 'appraisal-keep'),
    ('待鉴定', '拟销毁', 'appraisal-destroy'),
    ('拟销毁', '已销毁', 'destroy'),
    ('在保', '移交中', 'transfer'),
    ('移交中', '已移交', 'transfer-confirm')`,

  // A batch per opening: the items due as of a date; closed once every item has its decision.
  `CREATE TABLE appraisal_batches (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL CHECK (as_of ${DATE}),
    community_id INTEGER REFERENCES communities (id),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    closed_on TEXT CHECK (closed_on ${DATE}),
    group_members TEXT,
    opinion TEXT,
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closed_on IS NULL))
  ) STRICT`,
  // One row per item of a batch. keep: the new term, and (at closing) the year it runs out.
  `CREATE TABLE appraisal_items (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES appraisal_batches (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    retention_before TEXT NOT NULL CHECK (retention_before ${RETENTION}),
    due_from TEXT NOT NULL CHECK (due_from ${DATE}),
    decision TEXT CHECK (decision IN ('keep', 'destroy')),
    new_retention TEXT CHECK (new_retention ${RETENTION}),
    expires_year INTEGER,
    reason TEXT,
    decided_at TEXT,
    decided_by TEXT,
    CHECK ((decision IS 'keep') = (new_retention IS NOT NULL)),
    CHECK ((decision IS NULL) = (reason IS NULL)),
    UNIQUE (batch_id, record_id)
  ) STRICT`,
  `CREATE INDEX appraisal_items_by_record ON appraisal_items (record_id)`,
  `CREATE TRIGGER appraisal_items_closed BEFORE UPDATE ON appraisal_items
    WHEN (SELECT closed_at FROM appraisal_batches WHERE id = OLD.batch_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'the decisions of a closed appraisal never change'); END`,

  // Holds (冻结): an open case, a debt. At most one in force per record.
  `CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records (id),
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    held_at TEXT NOT NULL,
    held_by TEXT NOT NULL,
    released_at TEXT,
    released_by TEXT,
    release_note TEXT,
    CHECK ((released_at IS NULL) = (released_by IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX holds_in_force ON holds (record_id) WHERE released_at IS NULL`,

  // The approval of a batch's destruction; the stored bytes are removed after it commits (files_removed_at).
  `CREATE TABLE destructions (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL UNIQUE REFERENCES appraisal_batches (id),
    approver TEXT NOT NULL CHECK (length(approver) > 0),
    supervisor1 TEXT NOT NULL CHECK (length(supervisor1) > 0),
    supervisor2 TEXT NOT NULL CHECK (length(supervisor2) > 0),
    destroyed_on TEXT NOT NULL CHECK (destroyed_on ${DATE}),
    approved_at TEXT NOT NULL,
    items INTEGER NOT NULL CHECK (items > 0),
    files_removed INTEGER,
    files_removed_at TEXT,
    CHECK (supervisor1 <> supervisor2)
  ) STRICT`,

  // Transfer carriers (移交): the items they hold; confirmed once the receiver has signed.
  `CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    carrier TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    communities TEXT NOT NULL,
    path TEXT NOT NULL,
    items INTEGER NOT NULL CHECK (items > 0),
    files INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    confirmed_at TEXT,
    confirmed_by TEXT,
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
  ) STRICT`,
  `CREATE TABLE transfer_items (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    seq INTEGER NOT NULL CHECK (seq > 0),
    UNIQUE (transfer_id, record_id)
  ) STRICT`,
  `CREATE INDEX transfer_items_by_record ON transfer_items (record_id)`,

  // The street office's own fonds (its code, 门类 WS, 永久): the documents of these acts, with their files.
  `CREATE TABLE office_records (
    id INTEGER PRIMARY KEY,
    fonds_code TEXT NOT NULL CHECK (length(fonds_code) > 0),
    category_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    retention TEXT NOT NULL CHECK (retention ${RETENTION}),
    retention_code TEXT NOT NULL,
    problem_code TEXT NOT NULL,
    item_no INTEGER NOT NULL CHECK (item_no > 0),
    archival_code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(title) > 0),
    responsible TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date ${DATE}),
    act TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (fonds_code, category_code, year, retention_code, problem_code, item_no)
  ) STRICT`,
  `CREATE TABLE office_files (
    id INTEGER PRIMARY KEY,
    office_record_id INTEGER NOT NULL REFERENCES office_records (id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) > 0),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX office_files_by_sha256 ON office_files (sha256)`,
  `CREATE TRIGGER office_records_fixed BEFORE UPDATE ON office_records BEGIN SELECT RAISE(ABORT, 'the office''s own records never change'); END`,
  `CREATE TRIGGER office_files_fixed BEFORE UPDATE ON office_files BEGIN SELECT RAISE(ABORT, 'the office''s own files never change'); END`,

  ...['appraisal_batches', 'appraisal_items', 'holds', 'destructions', 'transfers', 'transfer_items', 'office_records', 'office_files'].map(noDelete),

  // Each lifecycle step only with its act on record; destruction and transfer never while held. Steps
  // outside the lifecycle are record_status_transitions' to refuse.
  `CREATE TRIGGER records_lifecycle_acts BEFORE UPDATE OF status ON records
    WHEN NEW.status IS NOT OLD.status AND NOT CASE OLD.status || '>' || NEW.status
      WHEN '在保>待鉴定' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NULL)
      WHEN '待鉴定>在保' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NOT NULL AND i.decision = 'keep')
      WHEN '待鉴定>拟销毁' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NOT NULL AND i.decision = 'destroy')
      WHEN '拟销毁>已销毁' THEN NOT ${HELD} AND EXISTS (SELECT 1 FROM appraisal_items i JOIN destructions d ON d.batch_id = i.batch_id
        WHERE i.record_id = NEW.id AND i.decision = 'destroy')
      WHEN '在保>移交中' THEN NOT ${HELD} AND EXISTS (SELECT 1 FROM transfer_items ti JOIN transfers t ON t.id = ti.transfer_id
        WHERE ti.record_id = NEW.id AND t.confirmed_at IS NULL)
      WHEN '移交中>已移交' THEN EXISTS (SELECT 1 FROM transfer_items ti JOIN transfers t ON t.id = ti.transfer_id
        WHERE ti.record_id = NEW.id AND t.confirmed_at IS NOT NULL)
      ELSE 1 END
  BEGIN
    SELECT RAISE(ABORT, 'a lifecycle step needs its act on record (appraisal, destruction, transfer) and no hold in force');
  END`,
];
