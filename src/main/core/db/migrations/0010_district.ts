// The district (issue 17, DESIGN.md "Upward: the district"). An archive made with `init --district`
// says so in archive_kind (set once). It knows its street offices, each with its communities (全宗号
// unique within the office), and the packages and carriers it received from them. A received package is
// kept whole: its files in the store (district_files) and what it reports (its communities with their
// audit, its records) in content tables that are written once and never changed; a newer package of the
// same office and year marks the older one replaced (kept). Offices, communities and packages are
// audited row by row (audit-log/states.ts); a package's content is pinned by the digest its audited
// state records (district/content.ts), which `check` recomputes, and its files by its pack's digest.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const immutable = (table: string, what: string) => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}接收后不能修改。'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能删除。'); END`,
];

const noDelete = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能删除。'); END`;

const STATEMENTS = [
  `CREATE TABLE archive_kind (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('street', 'district')),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TRIGGER archive_kind_no_update BEFORE UPDATE ON archive_kind BEGIN SELECT RAISE(ABORT, 'an archive keeps its kind'); END`,
  `CREATE TRIGGER archive_kind_no_delete BEFORE DELETE ON archive_kind BEGIN SELECT RAISE(ABORT, 'an archive keeps its kind'); END`,

  `CREATE TABLE district_offices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    code TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  noDelete('district_offices', '街道办事处'),

  `CREATE TABLE district_communities (
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
  ) STRICT`,
  noDelete('district_communities', '社区'),

  `CREATE TABLE district_packages (
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
  ) STRICT`,
  noDelete('district_packages', '接收的报送包'),
  `CREATE UNIQUE INDEX district_packages_current ON district_packages (office_id, year) WHERE kind = 'package' AND replaced_by IS NULL`,
  `CREATE UNIQUE INDEX district_carriers_once ON district_packages (office_id, name) WHERE kind = 'carrier'`,
  `CREATE INDEX district_packages_by_year ON district_packages (year, office_id)`,
  `CREATE TRIGGER district_packages_replace_only BEFORE UPDATE ON district_packages
    WHEN OLD.replaced_by IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.office_id IS NOT OLD.office_id OR NEW.kind IS NOT OLD.kind
      OR NEW.year IS NOT OLD.year OR NEW.name IS NOT OLD.name OR NEW.created IS NOT OLD.created OR NEW.as_of IS NOT OLD.as_of OR NEW.digest IS NOT OLD.digest OR NEW.pack IS NOT OLD.pack OR NEW.pack_size IS NOT OLD.pack_size
      OR NEW.files IS NOT OLD.files OR NEW.bytes IS NOT OLD.bytes OR NEW.communities IS NOT OLD.communities
      OR NEW.records IS NOT OLD.records OR NEW.content_digest IS NOT OLD.content_digest OR NEW.info IS NOT OLD.info
      OR NEW.source IS NOT OLD.source OR NEW.received_at IS NOT OLD.received_at
  BEGIN SELECT RAISE(ABORT, '接收的报送包只能被更新的一份替换，其他内容不能修改。'); END`,

  // what a package reports of each community: profile, audit per standard, completeness by month
  `CREATE TABLE district_package_communities (
    package_id INTEGER NOT NULL REFERENCES district_packages (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    households REAL, population REAL, area_km2 REAL, resident_units REAL, station_area REAL, weekly_hours REAL,
    audit TEXT NOT NULL,
    completeness TEXT,
    PRIMARY KEY (package_id, code)
  ) STRICT, WITHOUT ROWID`,
  ...immutable('district_package_communities', '报送包中的社区'),

  `CREATE TABLE district_records (
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
  ) STRICT`,
  `CREATE INDEX district_records_by_package ON district_records (package_id, community_code, affair, date)`,
  ...immutable('district_records', '接收的档案'),

  // every file of a package (its documents, records.json, carried copies): its digest, and where its
  // bytes begin in the package's pack (the store keeps each package whole, district/pack.ts)
  `CREATE TABLE district_files (
    package_id INTEGER NOT NULL REFERENCES district_packages (id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    record_id INTEGER REFERENCES district_records (id),
    pack_offset INTEGER NOT NULL CHECK (pack_offset >= 0),
    PRIMARY KEY (package_id, path)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX district_files_by_sha256 ON district_files (sha256)`,
  `CREATE INDEX district_files_by_record ON district_files (record_id) WHERE record_id IS NOT NULL`,
  ...immutable('district_files', '报送包中的文件'),
];
