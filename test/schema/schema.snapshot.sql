-- application_id = 1396788823
-- user_version = 11
-- index appraisal_items_by_record
CREATE INDEX appraisal_items_by_record ON appraisal_items (record_id);
-- index attachments_by_record
CREATE INDEX attachments_by_record ON attachments (record_id);
-- index attachments_by_sha256
CREATE INDEX attachments_by_sha256 ON attachments (sha256);
-- index attestations_lookup
CREATE INDEX attestations_lookup ON attestations (community_id, year, indicator_id, id);
-- index audit_by_entity
CREATE INDEX audit_by_entity ON audit_log (entity, entity_id);
-- index audit_log_format1
CREATE INDEX audit_log_format1 ON audit_log (id) WHERE hash_format = 1;
-- index district_carriers_once
CREATE UNIQUE INDEX district_carriers_once ON district_packages (office_id, name) WHERE kind = 'carrier';
-- index district_files_by_record
CREATE INDEX district_files_by_record ON district_files (record_id) WHERE record_id IS NOT NULL;
-- index district_files_by_sha256
CREATE INDEX district_files_by_sha256 ON district_files (sha256);
-- index district_packages_by_year
CREATE INDEX district_packages_by_year ON district_packages (year, office_id);
-- index district_packages_current
CREATE UNIQUE INDEX district_packages_current ON district_packages (office_id, year) WHERE kind = 'package' AND replaced_by IS NULL;
-- index district_records_by_package
CREATE INDEX district_records_by_package ON district_records (package_id, community_code, affair, date);
-- index file_views_by_time
CREATE INDEX file_views_by_time ON file_views (viewed_at);
-- index holds_in_force
CREATE UNIQUE INDEX holds_in_force ON holds (record_id) WHERE released_at IS NULL;
-- index loan_items_by_record
CREATE INDEX loan_items_by_record ON loan_items (record_id);
-- index loans_open
CREATE INDEX loans_open ON loans (due_date) WHERE returned_at IS NULL;
-- index office_files_by_sha256
CREATE INDEX office_files_by_sha256 ON office_files (sha256);
-- index records_by_community_year
CREATE INDEX records_by_community_year ON records (community_id, year, affair, kind);
-- index records_by_item_no
CREATE INDEX records_by_item_no ON records (item_no) WHERE item_no IS NOT NULL;
-- index records_by_kind
CREATE INDEX records_by_kind ON records (kind, year);
-- index records_by_status
CREATE INDEX records_by_status ON records (status);
-- index records_by_year_date
CREATE INDEX records_by_year_date ON records (year, date);
-- index records_voided
CREATE INDEX records_voided ON records (id) WHERE voided_at IS NOT NULL;
-- index roster_by_community
CREATE INDEX roster_by_community ON roster (community_id, kind);
-- index transfer_items_by_record
CREATE INDEX transfer_items_by_record ON transfer_items (record_id);
-- table appraisal_batches
CREATE TABLE appraisal_batches (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    community_id INTEGER REFERENCES communities (id),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    closed_on TEXT CHECK (closed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    group_members TEXT,
    opinion TEXT,
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closed_on IS NULL))
  ) STRICT;
-- table appraisal_items
CREATE TABLE appraisal_items (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES appraisal_batches (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    retention_before TEXT NOT NULL CHECK (retention_before IN ('永久', '定期30年', '定期10年')),
    due_from TEXT NOT NULL CHECK (due_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    decision TEXT CHECK (decision IN ('keep', 'destroy')),
    new_retention TEXT CHECK (new_retention IN ('永久', '定期30年', '定期10年')),
    expires_year INTEGER,
    reason TEXT,
    decided_at TEXT,
    decided_by TEXT,
    CHECK ((decision IS 'keep') = (new_retention IS NOT NULL)),
    CHECK ((decision IS NULL) = (reason IS NULL)),
    UNIQUE (batch_id, record_id)
  ) STRICT;
-- table archive_identity
CREATE TABLE archive_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL CHECK (length(uuid) = 32),
    created_at TEXT NOT NULL
  ) STRICT;
-- table archive_kind
CREATE TABLE archive_kind (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('street', 'district')),
    created_at TEXT NOT NULL
  ) STRICT;
-- table attachments
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records (id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    original_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
  ) STRICT;
-- table attestations
CREATE TABLE attestations (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    year INTEGER NOT NULL,
    indicator_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('met', 'unmet', 'na')),
    note TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '[]',
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
-- table audit_log
CREATE TABLE "audit_log" (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before TEXT,
    after TEXT,
    source TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    hash_format INTEGER NOT NULL DEFAULT 1 CHECK (hash_format IN (1, 2))
  ) STRICT;
-- table check_runs
CREATE TABLE check_runs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    full_check INTEGER NOT NULL CHECK (full_check IN (0, 1)),
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    result TEXT NOT NULL CHECK (json_valid(result))
  ) STRICT;
-- table communities
CREATE TABLE communities (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 8),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    type TEXT NOT NULL DEFAULT '城市' CHECK (type IN ('城市', '农村')),
    households INTEGER CHECK (households >= 0),
    population INTEGER CHECK (population >= 0),
    area_km2 REAL CHECK (area_km2 >= 0),
    resident_units INTEGER CHECK (resident_units >= 0),
    station_area REAL CHECK (station_area >= 0),
    weekly_hours REAL CHECK (weekly_hours >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    retired_at TEXT
  ) STRICT;
-- table destructions
CREATE TABLE destructions (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL UNIQUE REFERENCES appraisal_batches (id),
    approver TEXT NOT NULL CHECK (length(approver) > 0),
    supervisor1 TEXT NOT NULL CHECK (length(supervisor1) > 0),
    supervisor2 TEXT NOT NULL CHECK (length(supervisor2) > 0),
    destroyed_on TEXT NOT NULL CHECK (destroyed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    approved_at TEXT NOT NULL,
    items INTEGER NOT NULL CHECK (items > 0),
    files_removed INTEGER,
    files_removed_at TEXT,
    CHECK (supervisor1 <> supervisor2)
  ) STRICT;
-- table district_communities
CREATE TABLE district_communities (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES district_offices (id),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 8),
    name TEXT NOT NULL CHECK (length(name) > 0),
    type TEXT NOT NULL CHECK (type IN ('城市', '农村')),
    households REAL, population REAL, area_km2 REAL, resident_units REAL, station_area REAL, weekly_hours REAL,
    profile_year INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (office_id, code)
  ) STRICT;
-- table district_files
CREATE TABLE district_files (
    package_id INTEGER NOT NULL REFERENCES district_packages (id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    record_id INTEGER REFERENCES district_records (id),
    pack_offset INTEGER NOT NULL CHECK (pack_offset >= 0),
    PRIMARY KEY (package_id, path)
  ) STRICT, WITHOUT ROWID;
-- table district_offices
CREATE TABLE district_offices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    code TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
-- table district_package_communities
CREATE TABLE district_package_communities (
    package_id INTEGER NOT NULL REFERENCES district_packages (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    households REAL, population REAL, area_km2 REAL, resident_units REAL, station_area REAL, weekly_hours REAL,
    audit TEXT NOT NULL,
    completeness TEXT,
    PRIMARY KEY (package_id, code)
  ) STRICT, WITHOUT ROWID;
-- table district_packages
CREATE TABLE district_packages (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES district_offices (id),
    kind TEXT NOT NULL CHECK (kind IN ('package', 'carrier')),
    year INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) > 0),
    created TEXT NOT NULL,
    as_of TEXT NOT NULL,
    digest TEXT NOT NULL CHECK (length(digest) = 64),
    pack TEXT NOT NULL CHECK (length(pack) = 64),
    pack_size INTEGER NOT NULL CHECK (pack_size >= 0),
    files INTEGER NOT NULL CHECK (files >= 0),
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    communities INTEGER NOT NULL CHECK (communities >= 0),
    records INTEGER NOT NULL CHECK (records >= 0),
    content_digest TEXT NOT NULL CHECK (length(content_digest) = 64),
    info TEXT NOT NULL,
    source TEXT NOT NULL,
    received_at TEXT NOT NULL,
    replaced_by INTEGER REFERENCES district_packages (id) DEFERRABLE INITIALLY DEFERRED,
    replaced_at TEXT,
    CHECK ((replaced_by IS NULL) = (replaced_at IS NULL))
  ) STRICT;
-- table district_records
CREATE TABLE district_records (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES district_packages (id),
    community_code TEXT NOT NULL,
    source_id INTEGER,
    affair TEXT CHECK (affair IN ('党务', '居务', '财务')),
    kind TEXT NOT NULL,
    disclosure INTEGER NOT NULL CHECK (disclosure IN (0, 1)),
    title TEXT NOT NULL,
    responsible TEXT NOT NULL,
    doc_number TEXT NOT NULL,
    date TEXT NOT NULL,
    year INTEGER NOT NULL,
    disclosure_date TEXT,
    disclosure_channel TEXT,
    pages INTEGER,
    retention TEXT NOT NULL,
    income REAL,
    expense REAL,
    fund_category TEXT,
    notes TEXT NOT NULL,
    secrecy TEXT NOT NULL,
    archival_code TEXT,
    box_no INTEGER,
    status TEXT NOT NULL,
    attachments INTEGER NOT NULL CHECK (attachments >= 0)
  ) STRICT;
-- table file_views
CREATE TABLE file_views (
    id INTEGER PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    viewer TEXT NOT NULL CHECK (length(viewer) > 0),
    viewed_at TEXT NOT NULL
  ) STRICT;
-- table filing_cells
CREATE TABLE filing_cells (
    fonds_code TEXT NOT NULL,
    category_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    retention_code TEXT NOT NULL,
    problem_code TEXT NOT NULL,
    last_item_no INTEGER NOT NULL CHECK (last_item_no >= 0),
    PRIMARY KEY (fonds_code, category_code, year, retention_code, problem_code)
  ) STRICT, WITHOUT ROWID;
-- table holds
CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records (id),
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    held_at TEXT NOT NULL,
    held_by TEXT NOT NULL,
    released_at TEXT,
    released_by TEXT,
    release_note TEXT,
    CHECK ((released_at IS NULL) = (released_by IS NULL))
  ) STRICT;
-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);
-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);
-- table loan_items
CREATE TABLE loan_items (
    id INTEGER PRIMARY KEY,
    loan_id INTEGER NOT NULL REFERENCES loans (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    UNIQUE (loan_id, record_id)
  ) STRICT;
-- table loans
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    borrower TEXT NOT NULL CHECK (length(borrower) BETWEEN 1 AND 50),
    unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
    purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    lent_at TEXT NOT NULL,
    due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    clerk TEXT NOT NULL,
    returned_at TEXT,
    return_clerk TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((returned_at IS NULL) = (return_clerk IS NULL))
  ) STRICT;
-- table office_files
CREATE TABLE office_files (
    id INTEGER PRIMARY KEY,
    office_record_id INTEGER NOT NULL REFERENCES office_records (id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) > 0),
    created_at TEXT NOT NULL
  ) STRICT;
-- table office_records
CREATE TABLE office_records (
    id INTEGER PRIMARY KEY,
    fonds_code TEXT NOT NULL CHECK (length(fonds_code) > 0),
    category_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    retention TEXT NOT NULL CHECK (retention IN ('永久', '定期30年', '定期10年')),
    retention_code TEXT NOT NULL,
    problem_code TEXT NOT NULL,
    item_no INTEGER NOT NULL CHECK (item_no > 0),
    archival_code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(title) > 0),
    responsible TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    act TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (fonds_code, category_code, year, retention_code, problem_code, item_no)
  ) STRICT;
-- table record_status_transitions
CREATE TABLE record_status_transitions (
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    act TEXT NOT NULL,
    PRIMARY KEY (from_status, to_status)
  ) STRICT, WITHOUT ROWID;
-- table records
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    affair TEXT NOT NULL CHECK (affair IN ('党务', '居务', '财务')),
    kind TEXT NOT NULL CHECK (length(kind) > 0),
    title TEXT NOT NULL CHECK (length(title) > 0),
    title_supplied INTEGER NOT NULL DEFAULT 0 CHECK (title_supplied IN (0, 1)),
    responsible TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
    disclosure_date TEXT,
    disclosure_channel TEXT,
    pages INTEGER CHECK (pages >= 0),
    retention TEXT NOT NULL CHECK (retention IN ('永久', '定期30年', '定期10年')),
    income_fen INTEGER CHECK (income_fen >= 0),
    expense_fen INTEGER CHECK (expense_fen >= 0),
    fund_category TEXT,
    notes TEXT NOT NULL DEFAULT '',
    secrecy TEXT NOT NULL DEFAULT '',
    category_code TEXT NOT NULL DEFAULT 'WS',
    fonds_code TEXT,
    filing_year INTEGER,
    retention_code TEXT,
    problem_code TEXT,
    item_no INTEGER CHECK (item_no > 0),
    archival_code TEXT UNIQUE,
    filed_at TEXT,
    box_no INTEGER CHECK (box_no > 0),
    status TEXT NOT NULL DEFAULT '未归档' CHECK (status IN ('未归档', '在保', '待鉴定', '拟销毁', '已销毁', '移交中', '已移交')),
    fingerprint TEXT UNIQUE,
    source TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    voided_at TEXT,
    void_reason TEXT, version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (fonds_code, category_code, filing_year, retention_code, problem_code, item_no)
  ) STRICT;
-- table records_code_fts
CREATE VIRTUAL TABLE records_code_fts USING fts5 (code, content = '', contentless_delete = 1, tokenize = 'trigram');
-- table records_code_fts_config
CREATE TABLE 'records_code_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table records_code_fts_data
CREATE TABLE 'records_code_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table records_code_fts_docsize
CREATE TABLE 'records_code_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);
-- table records_code_fts_idx
CREATE TABLE 'records_code_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table records_code_grams
CREATE VIRTUAL TABLE records_code_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'ascii');
-- table records_code_grams_config
CREATE TABLE 'records_code_grams_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table records_code_grams_data
CREATE TABLE 'records_code_grams_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table records_code_grams_docsize
CREATE TABLE 'records_code_grams_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);
-- table records_code_grams_idx
CREATE TABLE 'records_code_grams_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table records_fts
CREATE VIRTUAL TABLE records_fts USING fts5 (
    title, responsible, doc_number, notes,
    content = 'records', content_rowid = 'id', tokenize = 'trigram'
  );
-- table records_fts_config
CREATE TABLE 'records_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table records_fts_data
CREATE TABLE 'records_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table records_fts_docsize
CREATE TABLE 'records_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table records_fts_idx
CREATE TABLE 'records_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table records_fts_vocab
CREATE VIRTUAL TABLE records_fts_vocab USING fts5vocab(records_fts, 'row');
-- table records_grams
CREATE VIRTUAL TABLE records_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'ascii');
-- table records_grams_config
CREATE TABLE 'records_grams_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table records_grams_data
CREATE TABLE 'records_grams_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table records_grams_docsize
CREATE TABLE 'records_grams_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);
-- table records_grams_idx
CREATE TABLE 'records_grams_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table records_grams_vocab
CREATE VIRTUAL TABLE records_grams_vocab USING fts5vocab(records_grams, 'row');
-- table retention_overrides
CREATE TABLE retention_overrides (
    kind TEXT PRIMARY KEY,
    retention TEXT NOT NULL CHECK (retention IN ('永久', '定期30年', '定期10年')),
    updated_at TEXT NOT NULL
  ) STRICT;
-- table roster
CREATE TABLE roster (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) > 0),
    start_date TEXT,
    end_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    fingerprint TEXT UNIQUE,
    source TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    voided_at TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
  ) STRICT;
-- table settings
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
-- table street_office
CREATE TABLE street_office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(name) > 0),
    code TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
-- table transfer_items
CREATE TABLE transfer_items (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    seq INTEGER NOT NULL CHECK (seq > 0),
    UNIQUE (transfer_id, record_id)
  ) STRICT;
-- table transfers
CREATE TABLE transfers (
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
  ) STRICT;
-- table users
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('管理员', '档案员', '查阅')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT
  , failed_signins INTEGER NOT NULL DEFAULT 0 CHECK (failed_signins >= 0), locked_until TEXT, password_set_at TEXT) STRICT;
-- trigger appraisal_batches_no_delete
CREATE TRIGGER appraisal_batches_no_delete BEFORE DELETE ON appraisal_batches BEGIN SELECT RAISE(ABORT, 'appraisal_batches rows are never deleted'); END;
-- trigger appraisal_items_closed
CREATE TRIGGER appraisal_items_closed BEFORE UPDATE ON appraisal_items
    WHEN (SELECT closed_at FROM appraisal_batches WHERE id = OLD.batch_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'the decisions of a closed appraisal never change'); END;
-- trigger appraisal_items_no_delete
CREATE TRIGGER appraisal_items_no_delete BEFORE DELETE ON appraisal_items BEGIN SELECT RAISE(ABORT, 'appraisal_items rows are never deleted'); END;
-- trigger archive_identity_no_delete
CREATE TRIGGER archive_identity_no_delete BEFORE DELETE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END;
-- trigger archive_identity_no_update
CREATE TRIGGER archive_identity_no_update BEFORE UPDATE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END;
-- trigger archive_kind_no_delete
CREATE TRIGGER archive_kind_no_delete BEFORE DELETE ON archive_kind BEGIN SELECT RAISE(ABORT, 'an archive keeps its kind'); END;
-- trigger archive_kind_no_update
CREATE TRIGGER archive_kind_no_update BEFORE UPDATE ON archive_kind BEGIN SELECT RAISE(ABORT, 'an archive keeps its kind'); END;
-- trigger attachments_no_delete
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments BEGIN
    SELECT RAISE(ABORT, 'attachments are never deleted');
  END;
-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END;
-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END;
-- trigger check_runs_no_delete
CREATE TRIGGER check_runs_no_delete BEFORE DELETE ON check_runs
   BEGIN SELECT RAISE(ABORT, '检查结果是历史记录，不能删除。'); END;
-- trigger check_runs_no_update
CREATE TRIGGER check_runs_no_update BEFORE UPDATE ON check_runs
   BEGIN SELECT RAISE(ABORT, '检查结果是历史记录，不能修改。'); END;
-- trigger destructions_no_delete
CREATE TRIGGER destructions_no_delete BEFORE DELETE ON destructions BEGIN SELECT RAISE(ABORT, 'destructions rows are never deleted'); END;
-- trigger district_communities_no_delete
CREATE TRIGGER district_communities_no_delete BEFORE DELETE ON district_communities BEGIN SELECT RAISE(ABORT, '社区不能删除。'); END;
-- trigger district_files_no_delete
CREATE TRIGGER district_files_no_delete BEFORE DELETE ON district_files BEGIN SELECT RAISE(ABORT, '报送包中的文件不能删除。'); END;
-- trigger district_files_no_update
CREATE TRIGGER district_files_no_update BEFORE UPDATE ON district_files BEGIN SELECT RAISE(ABORT, '报送包中的文件接收后不能修改。'); END;
-- trigger district_offices_no_delete
CREATE TRIGGER district_offices_no_delete BEFORE DELETE ON district_offices BEGIN SELECT RAISE(ABORT, '街道办事处不能删除。'); END;
-- trigger district_package_communities_no_delete
CREATE TRIGGER district_package_communities_no_delete BEFORE DELETE ON district_package_communities BEGIN SELECT RAISE(ABORT, '报送包中的社区不能删除。'); END;
-- trigger district_package_communities_no_update
CREATE TRIGGER district_package_communities_no_update BEFORE UPDATE ON district_package_communities BEGIN SELECT RAISE(ABORT, '报送包中的社区接收后不能修改。'); END;
-- trigger district_packages_no_delete
CREATE TRIGGER district_packages_no_delete BEFORE DELETE ON district_packages BEGIN SELECT RAISE(ABORT, '接收的报送包不能删除。'); END;
-- trigger district_packages_replace_only
CREATE TRIGGER district_packages_replace_only BEFORE UPDATE ON district_packages
    WHEN OLD.replaced_by IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
      OR NEW.year IS NOT OLD.year OR NEW.name IS NOT OLD.name OR NEW.created IS NOT OLD.created OR NEW.as_of IS NOT OLD.as_of OR NEW.digest IS NOT OLD.digest OR NEW.pack IS NOT OLD.pack OR NEW.pack_size IS NOT OLD.pack_size
      OR NEW.files IS NOT OLD.files OR NEW.bytes IS NOT OLD.bytes OR NEW.communities IS NOT OLD.communities
      OR NEW.records IS NOT OLD.records OR NEW.content_digest IS NOT OLD.content_digest OR NEW.info IS NOT OLD.info
      OR NEW.source IS NOT OLD.source OR NEW.received_at IS NOT OLD.received_at
  BEGIN SELECT RAISE(ABORT, '接收的报送包只能被更新的一份替换，其他内容不能修改。'); END;
-- trigger district_records_no_delete
CREATE TRIGGER district_records_no_delete BEFORE DELETE ON district_records BEGIN SELECT RAISE(ABORT, '接收的档案不能删除。'); END;
-- trigger district_records_no_update
CREATE TRIGGER district_records_no_update BEFORE UPDATE ON district_records BEGIN SELECT RAISE(ABORT, '接收的档案接收后不能修改。'); END;
-- trigger file_views_no_change
CREATE TRIGGER file_views_no_change BEFORE UPDATE ON file_views
   BEGIN SELECT RAISE(ABORT, '利用记录不能修改。'); END;
-- trigger file_views_no_delete
CREATE TRIGGER file_views_no_delete BEFORE DELETE ON file_views
   BEGIN SELECT RAISE(ABORT, '利用记录不能删除。'); END;
-- trigger holds_no_delete
CREATE TRIGGER holds_no_delete BEFORE DELETE ON holds BEGIN SELECT RAISE(ABORT, 'holds rows are never deleted'); END;
-- trigger loan_items_lendable
CREATE TRIGGER loan_items_lendable BEFORE INSERT ON loan_items
   WHEN (SELECT status IN ('已销毁', '已移交', '移交中') OR voided_at IS NOT NULL FROM records WHERE id = NEW.record_id)
   BEGIN SELECT RAISE(ABORT, '已销毁、已移交、正在移交或已作废的档案不能借出。'); END;
-- trigger loan_items_no_change
CREATE TRIGGER loan_items_no_change BEFORE UPDATE ON loan_items
   BEGIN SELECT RAISE(ABORT, '借阅的档案不能修改。'); END;
-- trigger loan_items_no_delete
CREATE TRIGGER loan_items_no_delete BEFORE DELETE ON loan_items
   BEGIN SELECT RAISE(ABORT, '借阅的档案不能删除。'); END;
-- trigger loans_no_delete
CREATE TRIGGER loans_no_delete BEFORE DELETE ON loans
   BEGIN SELECT RAISE(ABORT, '借阅登记不能删除。'); END;
-- trigger loans_only_return
CREATE TRIGGER loans_only_return BEFORE UPDATE ON loans
   WHEN OLD.returned_at IS NOT NULL OR NEW.returned_at IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.borrower IS NOT OLD.borrower OR NEW.unit IS NOT OLD.unit OR NEW.purpose IS NOT OLD.purpose
    OR NEW.lent_at IS NOT OLD.lent_at OR NEW.due_date IS NOT OLD.due_date OR NEW.clerk IS NOT OLD.clerk OR NEW.created_at IS NOT OLD.created_at
   BEGIN SELECT RAISE(ABORT, '借阅登记只能登记归还一次，其余内容不能修改。'); END;
-- trigger office_files_fixed
CREATE TRIGGER office_files_fixed BEFORE UPDATE ON office_files BEGIN SELECT RAISE(ABORT, 'the office''s own files never change'); END;
-- trigger office_files_no_delete
CREATE TRIGGER office_files_no_delete BEFORE DELETE ON office_files BEGIN SELECT RAISE(ABORT, 'office_files rows are never deleted'); END;
-- trigger office_records_fixed
CREATE TRIGGER office_records_fixed BEFORE UPDATE ON office_records BEGIN SELECT RAISE(ABORT, 'the office''s own records never change'); END;
-- trigger office_records_no_delete
CREATE TRIGGER office_records_no_delete BEFORE DELETE ON office_records BEGIN SELECT RAISE(ABORT, 'office_records rows are never deleted'); END;
-- trigger records_code_insert
CREATE TRIGGER records_code_insert AFTER INSERT ON records WHEN new.archival_code IS NOT NULL BEGIN
      INSERT INTO records_code_fts (rowid, code) VALUES (new.id, new.archival_code);
      INSERT INTO records_code_grams (rowid, grams) VALUES (new.id, sanwu_grams(new.archival_code));
    END;
-- trigger records_code_update
CREATE TRIGGER records_code_update AFTER UPDATE OF archival_code ON records BEGIN
      DELETE FROM records_code_fts WHERE old.archival_code IS NOT NULL AND rowid = old.id;
      DELETE FROM records_code_grams WHERE old.archival_code IS NOT NULL AND rowid = old.id;
      INSERT INTO records_code_fts (rowid, code) SELECT new.id, new.archival_code WHERE new.archival_code IS NOT NULL;
      INSERT INTO records_code_grams (rowid, grams) SELECT new.id, sanwu_grams(new.archival_code) WHERE new.archival_code IS NOT NULL;
    END;
-- trigger records_fts_delete
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts (records_fts, rowid, title, responsible, doc_number, notes)
    VALUES ('delete', old.id, old.title, old.responsible, old.doc_number, old.notes);
  END;
-- trigger records_fts_insert
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts (rowid, title, responsible, doc_number, notes)
    VALUES (new.id, new.title, new.responsible, new.doc_number, new.notes);
  END;
-- trigger records_fts_update
CREATE TRIGGER records_fts_update AFTER UPDATE OF title, responsible, doc_number, notes ON records BEGIN
    INSERT INTO records_fts (records_fts, rowid, title, responsible, doc_number, notes)
    VALUES ('delete', old.id, old.title, old.responsible, old.doc_number, old.notes);
    INSERT INTO records_fts (rowid, title, responsible, doc_number, notes)
    VALUES (new.id, new.title, new.responsible, new.doc_number, new.notes);
  END;
-- trigger records_grams_insert
CREATE TRIGGER records_grams_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_grams (rowid, grams)
    VALUES (new.id, sanwu_grams(new.title, new.responsible, new.doc_number, new.notes));
  END;
-- trigger records_grams_update
CREATE TRIGGER records_grams_update AFTER UPDATE OF title, responsible, doc_number, notes ON records BEGIN
    DELETE FROM records_grams WHERE rowid = old.id;
    INSERT INTO records_grams (rowid, grams)
    VALUES (new.id, sanwu_grams(new.title, new.responsible, new.doc_number, new.notes));
  END;
-- trigger records_lifecycle_acts
CREATE TRIGGER records_lifecycle_acts BEFORE UPDATE OF status ON records
    WHEN NEW.status IS NOT OLD.status AND NOT CASE OLD.status || '>' || NEW.status
      WHEN '在保>待鉴定' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NULL)
      WHEN '待鉴定>在保' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NOT NULL AND i.decision = 'keep')
      WHEN '待鉴定>拟销毁' THEN EXISTS (SELECT 1 FROM appraisal_items i JOIN appraisal_batches b ON b.id = i.batch_id
        WHERE i.record_id = NEW.id AND b.closed_at IS NOT NULL AND i.decision = 'destroy')
      WHEN '拟销毁>已销毁' THEN NOT EXISTS (SELECT 1 FROM holds h WHERE h.record_id = NEW.id AND h.released_at IS NULL) AND EXISTS (SELECT 1 FROM appraisal_items i JOIN destructions d ON d.batch_id = i.batch_id
        WHERE i.record_id = NEW.id AND i.decision = 'destroy')
      WHEN '在保>移交中' THEN NOT EXISTS (SELECT 1 FROM holds h WHERE h.record_id = NEW.id AND h.released_at IS NULL) AND EXISTS (SELECT 1 FROM transfer_items ti JOIN transfers t ON t.id = ti.transfer_id
        WHERE ti.record_id = NEW.id AND t.confirmed_at IS NULL)
      WHEN '移交中>已移交' THEN EXISTS (SELECT 1 FROM transfer_items ti JOIN transfers t ON t.id = ti.transfer_id
        WHERE ti.record_id = NEW.id AND t.confirmed_at IS NOT NULL)
      ELSE 1 END
  BEGIN
    SELECT RAISE(ABORT, 'a lifecycle step needs its act on record (appraisal, destruction, transfer) and no hold in force');
  END;
-- trigger records_no_delete
CREATE TRIGGER records_no_delete BEFORE DELETE ON records BEGIN
    SELECT RAISE(ABORT, 'records are never deleted; use appraisal and a destruction list');
  END;
-- trigger records_not_out_on_loan
CREATE TRIGGER records_not_out_on_loan BEFORE UPDATE OF status ON records
   WHEN NEW.status IN ('已销毁', '移交中', '已移交') AND NEW.status IS NOT OLD.status
    AND EXISTS (SELECT 1 FROM loan_items i JOIN loans l ON l.id = i.loan_id WHERE i.record_id = NEW.id AND l.returned_at IS NULL)
   BEGIN SELECT RAISE(ABORT, '档案尚在借出，须先登记归还，才能销毁或移交。'); END;
-- trigger records_status_on_insert
CREATE TRIGGER records_status_on_insert BEFORE INSERT ON records
    WHEN NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = '' AND to_status = NEW.status)
  BEGIN
    SELECT RAISE(ABORT, 'a record starts in a status listed in record_status_transitions');
  END;
-- trigger records_status_transition
CREATE TRIGGER records_status_transition BEFORE UPDATE OF status ON records
    WHEN NEW.status IS NOT OLD.status
      AND NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status)
  BEGIN
    SELECT RAISE(ABORT, 'record status changes only along record_status_transitions');
  END;
-- trigger records_version
CREATE TRIGGER records_version AFTER UPDATE ON records WHEN NEW.version = OLD.version
   BEGIN UPDATE records SET version = OLD.version + 1 WHERE id = NEW.id; END;
-- trigger transfer_items_no_delete
CREATE TRIGGER transfer_items_no_delete BEFORE DELETE ON transfer_items BEGIN SELECT RAISE(ABORT, 'transfer_items rows are never deleted'); END;
-- trigger transfers_no_delete
CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers BEGIN SELECT RAISE(ABORT, 'transfers rows are never deleted'); END;
-- trigger users_keep_one_admin
CREATE TRIGGER users_keep_one_admin BEFORE UPDATE OF role, disabled_at ON users
   WHEN OLD.role = '管理员' AND OLD.disabled_at IS NULL
    AND (NEW.role IS NOT '管理员' OR NEW.disabled_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM users WHERE role = '管理员' AND disabled_at IS NULL AND id <> OLD.id)
   BEGIN SELECT RAISE(ABORT, '至少要保留一个在用的管理员。'); END;
-- trigger users_no_delete
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
   BEGIN SELECT RAISE(ABORT, '用户账号不能删除，只能停用。'); END;
-- trigger users_no_rename
CREATE TRIGGER users_no_rename BEFORE UPDATE OF username ON users WHEN NEW.username IS NOT OLD.username
   BEGIN SELECT RAISE(ABORT, '用户名不能修改（操作日志以用户名记录操作人）。'); END;
