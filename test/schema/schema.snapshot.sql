-- application_id = 1396788823
-- user_version = 7
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
-- table archive_identity
CREATE TABLE archive_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL CHECK (length(uuid) = 32),
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
CREATE TABLE audit_log (
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
    hash TEXT NOT NULL UNIQUE
  , hash_format INTEGER NOT NULL DEFAULT 1 CHECK (hash_format IN (1, 2))) STRICT;
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
-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);
-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);
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
    status TEXT NOT NULL DEFAULT '未归档' CHECK (status IN ('未归档', '在保', '待鉴定', '已销毁', '已移交')),
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
-- trigger archive_identity_no_delete
CREATE TRIGGER archive_identity_no_delete BEFORE DELETE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END;
-- trigger archive_identity_no_update
CREATE TRIGGER archive_identity_no_update BEFORE UPDATE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END;
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
-- trigger records_no_delete
CREATE TRIGGER records_no_delete BEFORE DELETE ON records BEGIN
    SELECT RAISE(ABORT, 'records are never deleted; use appraisal and a destruction list');
  END;
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
