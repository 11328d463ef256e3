// PostgreSQL's twin of SQLite's 0009_lifecycle (issue 15): the statuses 拟销毁 and 移交中, the lifecycle's
// steps in record_status_transitions, the appraisal, hold, destruction, transfer and office-fonds tables,
// and the guard that refuses a lifecycle step without its act on record or with a hold in force.
import { sql, type Kysely } from 'kysely';
import { ID, T, nextId, refuse } from './ddl';

const DATE = `~ '^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$'`;
const RETENTION = `IN ('永久', '定期30年', '定期10年')`;
const TABLES = ['appraisal_batches', 'appraisal_items', 'holds', 'destructions', 'transfers', 'transfer_items', 'office_records', 'office_files'];

/** Never deleted, nor truncated. */
const noDelete = (table: string): string[] => [
  refuse(`${table}_no_delete`, `${table} rows are never deleted`),
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_no_delete()`,
  `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_no_delete()`,
];

const HELD = `EXISTS (SELECT 1 FROM holds h WHERE h.record_id = NEW.id AND h.released_at IS NULL)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}

const STATEMENTS = [
  `ALTER TABLE records DROP CONSTRAINT records_status_check`,
  `ALTER TABLE records ADD CONSTRAINT records_status_check CHECK (status IN ('未归档', '在保', '待鉴定', '拟销毁', '已销毁', '移交中', '已移交'))`,
  `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES
    ('在保', '待鉴定', 'appraisal-open'),
    ('待鉴定', '在保', 'appraisal-keep'),
    ('待鉴定', '拟销毁', 'appraisal-destroy'),
    ('拟销毁', '已销毁', 'destroy'),
    ('在保', '移交中', 'transfer'),
    ('移交中', '已移交', 'transfer-confirm')`,

  `CREATE TABLE appraisal_batches (
    id ${ID},
    as_of ${T} NOT NULL CHECK (as_of ${DATE}),
    community_id bigint REFERENCES communities (id),
    opened_at ${T} NOT NULL,
    opened_by ${T} NOT NULL,
    closed_at ${T},
    closed_by ${T},
    closed_on ${T} CHECK (closed_on ${DATE}),
    group_members ${T},
    opinion ${T},
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closed_on IS NULL))
  )`,
  `CREATE TABLE appraisal_items (
    id ${ID},
    batch_id bigint NOT NULL REFERENCES appraisal_batches (id),
    record_id bigint NOT NULL REFERENCES records (id),
    retention_before ${T} NOT NULL CHECK (retention_before ${RETENTION}),
    due_from ${T} NOT NULL CHECK (due_from ${DATE}),
    decision ${T} CHECK (decision IN ('keep', 'destroy')),
    new_retention ${T} CHECK (new_retention ${RETENTION}),
    expires_year bigint,
    reason ${T},
    decided_at ${T},
    decided_by ${T},
    CHECK ((decision IS NOT DISTINCT FROM 'keep') = (new_retention IS NOT NULL)),
    CHECK ((decision IS NULL) = (reason IS NULL)),
    UNIQUE (batch_id, record_id)
  )`,
  `CREATE INDEX appraisal_items_by_record ON appraisal_items (record_id)`,
  `CREATE FUNCTION appraisal_items_closed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF (SELECT closed_at FROM appraisal_batches WHERE id = OLD.batch_id) IS NOT NULL THEN
      RAISE EXCEPTION 'the decisions of a closed appraisal never change' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER appraisal_items_closed BEFORE UPDATE ON appraisal_items FOR EACH ROW EXECUTE FUNCTION appraisal_items_closed()`,

  `CREATE TABLE holds (
    id ${ID},
    record_id bigint NOT NULL REFERENCES records (id),
    reason ${T} NOT NULL CHECK (length(reason) > 0),
    held_at ${T} NOT NULL,
    held_by ${T} NOT NULL,
    released_at ${T},
    released_by ${T},
    release_note ${T},
    CHECK ((released_at IS NULL) = (released_by IS NULL))
  )`,
  `CREATE UNIQUE INDEX holds_in_force ON holds (record_id) WHERE released_at IS NULL`,

  `CREATE TABLE destructions (
    id ${ID},
    batch_id bigint NOT NULL UNIQUE REFERENCES appraisal_batches (id),
    approver ${T} NOT NULL CHECK (length(approver) > 0),
    supervisor1 ${T} NOT NULL CHECK (length(supervisor1) > 0),
    supervisor2 ${T} NOT NULL CHECK (length(supervisor2) > 0),
    destroyed_on ${T} NOT NULL CHECK (destroyed_on ${DATE}),
    approved_at ${T} NOT NULL,
    items bigint NOT NULL CHECK (items > 0),
    files_removed bigint,
    files_removed_at ${T},
    CHECK (supervisor1 <> supervisor2)
  )`,

  `CREATE TABLE transfers (
    id ${ID},
    carrier ${T} NOT NULL UNIQUE,
    year bigint NOT NULL,
    communities ${T} NOT NULL,
    path ${T} NOT NULL,
    items bigint NOT NULL CHECK (items > 0),
    files bigint NOT NULL,
    bytes bigint NOT NULL,
    created_at ${T} NOT NULL,
    created_by ${T} NOT NULL,
    confirmed_at ${T},
    confirmed_by ${T},
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
  )`,
  `CREATE TABLE transfer_items (
    id ${ID},
    transfer_id bigint NOT NULL REFERENCES transfers (id),
    record_id bigint NOT NULL REFERENCES records (id),
    seq bigint NOT NULL CHECK (seq > 0),
    UNIQUE (transfer_id, record_id)
  )`,
  `CREATE INDEX transfer_items_by_record ON transfer_items (record_id)`,

  `CREATE TABLE office_records (
    id ${ID},
    fonds_code ${T} NOT NULL CHECK (length(fonds_code) > 0),
    category_code ${T} NOT NULL,
    year bigint NOT NULL,
    retention ${T} NOT NULL CHECK (retention ${RETENTION}),
    retention_code ${T} NOT NULL,
    problem_code ${T} NOT NULL,
    item_no bigint NOT NULL CHECK (item_no > 0),
    archival_code ${T} NOT NULL UNIQUE,
    kind ${T} NOT NULL,
    title ${T} NOT NULL CHECK (length(title) > 0),
    responsible ${T} NOT NULL,
    date ${T} NOT NULL CHECK (date ${DATE}),
    act ${T} NOT NULL,
    created_at ${T} NOT NULL,
    created_by ${T} NOT NULL,
    UNIQUE (fonds_code, category_code, year, retention_code, problem_code, item_no)
  )`,
  `CREATE TABLE office_files (
    id ${ID},
    office_record_id bigint NOT NULL REFERENCES office_records (id),
    sha256 ${T} NOT NULL CHECK (length(sha256) = 64),
    size bigint NOT NULL CHECK (size >= 0),
    media_type ${T} NOT NULL,
    name ${T} NOT NULL CHECK (length(name) > 0),
    created_at ${T} NOT NULL
  )`,
  `CREATE INDEX office_files_by_sha256 ON office_files (sha256)`,
  refuse('office_records_fixed', "the office''s own records never change"),
  `CREATE TRIGGER office_records_fixed BEFORE UPDATE ON office_records FOR EACH ROW EXECUTE FUNCTION office_records_fixed()`,
  refuse('office_files_fixed', "the office''s own files never change"),
  `CREATE TRIGGER office_files_fixed BEFORE UPDATE ON office_files FOR EACH ROW EXECUTE FUNCTION office_files_fixed()`,

  ...TABLES.flatMap((t) => [...nextId(t), ...noDelete(t)]),

  `CREATE FUNCTION records_lifecycle_acts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NOT (CASE OLD.status || '>' || NEW.status
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
      ELSE true END)
    THEN
      RAISE EXCEPTION 'a lifecycle step needs its act on record (appraisal, destruction, transfer) and no hold in force' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER records_lifecycle_acts BEFORE UPDATE OF status ON records FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION records_lifecycle_acts()`,
];
