// SQLite's 0010_district on PostgreSQL: the district's street offices, their communities, the packages
// and carriers received with their content (written once, never changed) and their files, guarded by
// the same triggers with the same words.
import { sql, type Kysely } from 'kysely';
import { ID, T, nextId, refuse } from './ddl';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const guard = (table: string, fn: string, on: 'UPDATE' | 'DELETE') => `CREATE TRIGGER ${table}_no_${on.toLowerCase()} BEFORE ${on} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`;
const noTruncate = (table: string, fn: string) => `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`;

const noDelete = (table: string, what: string) => [refuse(`${table}_no_delete`, `${what}不能删除。`), guard(table, `${table}_no_delete`, 'DELETE'), noTruncate(table, `${table}_no_delete`)];

const immutable = (table: string, what: string) => [
  refuse(`${table}_no_update`, `${what}接收后不能修改。`),
  guard(table, `${table}_no_update`, 'UPDATE'),
  ...noDelete(table, what),
];

const STATEMENTS = [
  `CREATE TABLE archive_kind (
    id bigint PRIMARY KEY CHECK (id = 1),
    kind ${T} NOT NULL CHECK (kind IN ('street', 'district')),
    created_at ${T} NOT NULL
  )`,
  ...nextId('archive_kind'),
  refuse('archive_kind_keep', 'an archive keeps its kind'),
  guard('archive_kind', 'archive_kind_keep', 'UPDATE'),
  guard('archive_kind', 'archive_kind_keep', 'DELETE'),
  noTruncate('archive_kind', 'archive_kind_keep'),

  `CREATE TABLE district_offices (
    id ${ID},
    name ${T} NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    code ${T} NOT NULL DEFAULT '',
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL
  )`,
  ...nextId('district_offices'),
  ...noDelete('district_offices', '街道办事处'),

  `CREATE TABLE district_communities (
    id ${ID},
    office_id bigint NOT NULL REFERENCES district_offices (id),
    code ${T} NOT NULL CHECK (length(code) BETWEEN 1 AND 8),
    name ${T} NOT NULL CHECK (length(name) > 0),
    type ${T} NOT NULL CHECK (type IN ('城市', '农村')),
    households double precision, population double precision, area_km2 double precision, resident_units double precision,
    station_area double precision, weekly_hours double precision,
    profile_year bigint NOT NULL,
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL,
    UNIQUE (office_id, code)
  )`,
  ...nextId('district_communities'),
  ...noDelete('district_communities', '社区'),

  `CREATE TABLE district_packages (
    id ${ID},
    office_id bigint NOT NULL REFERENCES district_offices (id),
    kind ${T} NOT NULL CHECK (kind IN ('package', 'carrier')),
    year bigint NOT NULL,
    name ${T} NOT NULL CHECK (length(name) > 0),
    created ${T} NOT NULL,
    as_of ${T} NOT NULL,
    digest ${T} NOT NULL CHECK (length(digest) = 64),
    pack ${T} NOT NULL CHECK (length(pack) = 64),
    pack_size bigint NOT NULL CHECK (pack_size >= 0),
    files bigint NOT NULL CHECK (files >= 0),
    bytes bigint NOT NULL CHECK (bytes >= 0),
    communities bigint NOT NULL CHECK (communities >= 0),
    records bigint NOT NULL CHECK (records >= 0),
    content_digest ${T} NOT NULL CHECK (length(content_digest) = 64),
    info ${T} NOT NULL,
    source ${T} NOT NULL,
    received_at ${T} NOT NULL,
    replaced_by bigint REFERENCES district_packages (id) DEFERRABLE INITIALLY DEFERRED,
    replaced_at ${T},
    CHECK ((replaced_by IS NULL) = (replaced_at IS NULL))
  )`,
  ...nextId('district_packages'),
  ...noDelete('district_packages', '接收的报送包'),
  `CREATE UNIQUE INDEX district_packages_current ON district_packages (office_id, year) WHERE kind = 'package' AND replaced_by IS NULL`,
  `CREATE UNIQUE INDEX district_carriers_once ON district_packages (office_id, name) WHERE kind = 'carrier'`,
  `CREATE INDEX district_packages_by_year ON district_packages (year, office_id)`,
  refuse('district_packages_replace_only', '接收的报送包只能被更新的一份替换，其他内容不能修改。'),
  `CREATE TRIGGER district_packages_replace_only BEFORE UPDATE ON district_packages FOR EACH ROW
    WHEN (OLD.replaced_by IS NOT NULL OR (to_jsonb(NEW) - 'replaced_by' - 'replaced_at') IS DISTINCT FROM (to_jsonb(OLD) - 'replaced_by' - 'replaced_at'))
    EXECUTE FUNCTION district_packages_replace_only()`,

  `CREATE TABLE district_package_communities (
    package_id bigint NOT NULL REFERENCES district_packages (id),
    code ${T} NOT NULL,
    name ${T} NOT NULL,
    type ${T} NOT NULL,
    households double precision, population double precision, area_km2 double precision, resident_units double precision,
    station_area double precision, weekly_hours double precision,
    audit ${T} NOT NULL,
    completeness ${T},
    PRIMARY KEY (package_id, code)
  )`,
  ...immutable('district_package_communities', '报送包中的社区'),

  `CREATE TABLE district_records (
    id ${ID},
    package_id bigint NOT NULL REFERENCES district_packages (id),
    community_code ${T} NOT NULL,
    source_id bigint,
    affair ${T} CHECK (affair IN ('党务', '居务', '财务')),
    kind ${T} NOT NULL,
    disclosure bigint NOT NULL CHECK (disclosure IN (0, 1)),
    title ${T} NOT NULL,
    responsible ${T} NOT NULL,
    doc_number ${T} NOT NULL,
    date ${T} NOT NULL,
    year bigint NOT NULL,
    disclosure_date ${T},
    disclosure_channel ${T},
    pages bigint,
    retention ${T} NOT NULL,
    income double precision,
    expense double precision,
    fund_category ${T},
    notes ${T} NOT NULL,
    secrecy ${T} NOT NULL,
    archival_code ${T},
    box_no bigint,
    status ${T} NOT NULL,
    attachments bigint NOT NULL CHECK (attachments >= 0)
  )`,
  ...nextId('district_records'),
  `CREATE INDEX district_records_by_package ON district_records (package_id, community_code, affair, date)`,
  ...immutable('district_records', '接收的档案'),

  `CREATE TABLE district_files (
    package_id bigint NOT NULL REFERENCES district_packages (id),
    path ${T} NOT NULL,
    sha256 ${T} NOT NULL CHECK (length(sha256) = 64),
    size bigint NOT NULL CHECK (size >= 0),
    record_id bigint REFERENCES district_records (id),
    pack_offset bigint NOT NULL CHECK (pack_offset >= 0),
    PRIMARY KEY (package_id, path)
  )`,
  `CREATE INDEX district_files_by_sha256 ON district_files (sha256)`,
  `CREATE INDEX district_files_by_record ON district_files (record_id) WHERE record_id IS NOT NULL`,
  ...immutable('district_files', '报送包中的文件'),
];
