// The archive's schema on PostgreSQL: the same tables, columns and constraints as SQLite's migrations
// 0001–0008 (test/schema/parity.test.ts proves it), plus this engine's own search index and attachment
// store. Text is COLLATE "C" (code-point order and comparison, as SQLite's BINARY); SQLite INTEGER is
// bigint, REAL double precision. Never edit once landed: add a numbered migration beside it.
import { sql, type Kysely } from 'kysely';
import { ID, T, nextId, refuse } from './ddl';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const RETENTIONS = `('永久', '定期30年', '定期10年')`;

const STATEMENTS = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,

  `CREATE TABLE street_office (
    id ${ID} CHECK (id = 1),
    name ${T} NOT NULL CHECK (length(name) > 0),
    code ${T} NOT NULL DEFAULT '',
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL
  )`,
  ...nextId('street_office'),

  `CREATE TABLE communities (
    id ${ID},
    code ${T} NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 8),
    name ${T} NOT NULL UNIQUE CHECK (length(name) > 0),
    type ${T} NOT NULL DEFAULT '城市' CHECK (type IN ('城市', '农村')),
    households bigint CHECK (households >= 0),
    population bigint CHECK (population >= 0),
    area_km2 double precision CHECK (area_km2 >= 0),
    resident_units bigint CHECK (resident_units >= 0),
    station_area double precision CHECK (station_area >= 0),
    weekly_hours double precision CHECK (weekly_hours >= 0),
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL,
    retired_at ${T}
  )`,
  ...nextId('communities'),

  `CREATE TABLE roster (
    id ${ID},
    community_id bigint NOT NULL REFERENCES communities (id),
    kind ${T} NOT NULL,
    name ${T} NOT NULL CHECK (length(name) > 0),
    start_date ${T},
    end_date ${T},
    note ${T} NOT NULL DEFAULT '',
    fingerprint ${T} UNIQUE,
    source ${T},
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL,
    voided_at ${T},
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
  )`,
  ...nextId('roster'),
  `CREATE INDEX roster_by_community ON roster (community_id, kind)`,

  `CREATE TABLE records (
    id ${ID},
    community_id bigint NOT NULL REFERENCES communities (id),
    affair ${T} NOT NULL CHECK (affair IN ('党务', '居务', '财务')),
    kind ${T} NOT NULL CHECK (length(kind) > 0),
    title ${T} NOT NULL CHECK (length(title) > 0),
    title_supplied bigint NOT NULL DEFAULT 0 CHECK (title_supplied IN (0, 1)),
    responsible ${T} NOT NULL DEFAULT '',
    doc_number ${T} NOT NULL DEFAULT '',
    date ${T} NOT NULL CHECK (date ~ '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
    year bigint GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS bigint)) STORED,
    disclosure_date ${T},
    disclosure_channel ${T},
    pages bigint CHECK (pages >= 0),
    retention ${T} NOT NULL CHECK (retention IN ${RETENTIONS}),
    income_fen bigint CHECK (income_fen >= 0),
    expense_fen bigint CHECK (expense_fen >= 0),
    fund_category ${T},
    notes ${T} NOT NULL DEFAULT '',
    secrecy ${T} NOT NULL DEFAULT '',
    category_code ${T} NOT NULL DEFAULT 'WS',
    fonds_code ${T},
    filing_year bigint,
    retention_code ${T},
    problem_code ${T},
    item_no bigint CHECK (item_no > 0),
    archival_code ${T} UNIQUE,
    filed_at ${T},
    box_no bigint CHECK (box_no > 0),
    status ${T} NOT NULL DEFAULT '未归档' CHECK (status IN ('未归档', '在保', '待鉴定', '已销毁', '已移交')),
    fingerprint ${T} UNIQUE,
    source ${T},
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL,
    voided_at ${T},
    void_reason ${T},
    version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (fonds_code, category_code, filing_year, retention_code, problem_code, item_no)
  )`,
  ...nextId('records'),
  `CREATE INDEX records_by_community_year ON records (community_id, year, affair, kind)`,
  `CREATE INDEX records_by_year_date ON records (year, date)`,
  `CREATE INDEX records_by_kind ON records (kind, year)`,
  `CREATE INDEX records_by_status ON records (status)`,
  `CREATE INDEX records_voided ON records (id) WHERE voided_at IS NOT NULL`,
  `CREATE INDEX records_by_item_no ON records (item_no) WHERE item_no IS NOT NULL`,
  refuse('records_no_delete', 'records are never deleted; use appraisal and a destruction list'),
  `CREATE TRIGGER records_no_delete BEFORE DELETE ON records FOR EACH ROW EXECUTE FUNCTION records_no_delete()`,
  `CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON records FOR EACH STATEMENT EXECUTE FUNCTION records_no_delete()`,
  // Every change of a record counts as a new version (optimistic concurrency: an edit names the version it read).
  `CREATE FUNCTION records_next_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$`,
  `CREATE TRIGGER records_version BEFORE UPDATE ON records FOR EACH ROW WHEN (NEW.version = OLD.version) EXECUTE FUNCTION records_next_version()`,

  `CREATE TABLE filing_cells (
    fonds_code ${T} NOT NULL,
    category_code ${T} NOT NULL,
    year bigint NOT NULL,
    retention_code ${T} NOT NULL,
    problem_code ${T} NOT NULL,
    last_item_no bigint NOT NULL CHECK (last_item_no >= 0),
    PRIMARY KEY (fonds_code, category_code, year, retention_code, problem_code)
  )`,

  `CREATE TABLE attachments (
    id ${ID},
    record_id bigint NOT NULL REFERENCES records (id),
    sha256 ${T} NOT NULL CHECK (length(sha256) = 64),
    size bigint NOT NULL CHECK (size >= 0),
    media_type ${T} NOT NULL,
    original_name ${T} NOT NULL,
    created_at ${T} NOT NULL,
    removed_at ${T}
  )`,
  ...nextId('attachments'),
  `CREATE INDEX attachments_by_record ON attachments (record_id)`,
  `CREATE INDEX attachments_by_sha256 ON attachments (sha256)`,
  refuse('attachments_no_delete', 'attachments are never deleted'),
  `CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION attachments_no_delete()`,
  `CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments FOR EACH STATEMENT EXECUTE FUNCTION attachments_no_delete()`,

  `CREATE TABLE audit_log (
    id ${ID},
    at ${T} NOT NULL,
    actor ${T} NOT NULL,
    action ${T} NOT NULL,
    entity ${T} NOT NULL,
    entity_id bigint,
    before ${T},
    after ${T},
    source ${T},
    prev_hash ${T} NOT NULL,
    hash ${T} NOT NULL UNIQUE,
    hash_format bigint NOT NULL DEFAULT 1 CHECK (hash_format IN (1, 2))
  )`,
  ...nextId('audit_log'),
  `CREATE INDEX audit_by_entity ON audit_log (entity, entity_id)`,
  `CREATE INDEX audit_log_format1 ON audit_log (id) WHERE hash_format = 1`,
  refuse('audit_log_append_only', 'the audit log is append-only'),
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,

  `CREATE TABLE settings (
    key ${T} PRIMARY KEY,
    value ${T} NOT NULL,
    updated_at ${T} NOT NULL
  )`,

  `CREATE TABLE retention_overrides (
    kind ${T} PRIMARY KEY,
    retention ${T} NOT NULL CHECK (retention IN ${RETENTIONS}),
    updated_at ${T} NOT NULL
  )`,

  `CREATE TABLE attestations (
    id ${ID},
    community_id bigint NOT NULL REFERENCES communities (id),
    year bigint NOT NULL,
    indicator_id ${T} NOT NULL,
    status ${T} NOT NULL CHECK (status IN ('met', 'unmet', 'na')),
    note ${T} NOT NULL DEFAULT '',
    evidence ${T} NOT NULL DEFAULT '[]',
    actor ${T} NOT NULL,
    at ${T} NOT NULL
  )`,
  ...nextId('attestations'),
  `CREATE INDEX attestations_lookup ON attestations (community_id, year, indicator_id, id)`,

  // Accounts are never deleted or renamed (the audit log names them); the last active 管理员 stays.
  `CREATE TABLE users (
    id ${ID},
    username ${T} NOT NULL UNIQUE,
    display_name ${T} NOT NULL DEFAULT '',
    role ${T} NOT NULL CHECK (role IN ('管理员', '档案员', '查阅')),
    password_hash ${T} NOT NULL,
    created_at ${T} NOT NULL,
    disabled_at ${T},
    failed_signins bigint NOT NULL DEFAULT 0 CHECK (failed_signins >= 0),
    locked_until ${T},
    password_set_at ${T}
  )`,
  ...nextId('users'),
  refuse('users_no_delete', '用户账号不能删除，只能停用。'),
  `CREATE TRIGGER users_no_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_no_delete()`,
  `CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION users_no_delete()`,
  refuse('users_no_rename', '用户名不能修改（操作日志以用户名记录操作人）。'),
  `CREATE TRIGGER users_no_rename BEFORE UPDATE OF username ON users FOR EACH ROW
    WHEN (NEW.username IS DISTINCT FROM OLD.username) EXECUTE FUNCTION users_no_rename()`,
  `CREATE FUNCTION users_keep_one_admin() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM users WHERE role = '管理员' AND disabled_at IS NULL AND id <> OLD.id) THEN
      RAISE EXCEPTION '至少要保留一个在用的管理员。' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER users_keep_one_admin BEFORE UPDATE OF role, disabled_at ON users FOR EACH ROW
    WHEN (OLD.role = '管理员' AND OLD.disabled_at IS NULL AND (NEW.role IS DISTINCT FROM '管理员' OR NEW.disabled_at IS NOT NULL))
    EXECUTE FUNCTION users_keep_one_admin()`,

  // Status only through transitions ('' as from_status: where a new record may start).
  `CREATE TABLE record_status_transitions (
    from_status ${T} NOT NULL,
    to_status ${T} NOT NULL,
    act ${T} NOT NULL,
    PRIMARY KEY (from_status, to_status)
  )`,
  `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES ('', '未归档', 'create'), ('未归档', '在保', 'file')`,
  `CREATE FUNCTION records_status_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = '' AND to_status = NEW.status) THEN
      RAISE EXCEPTION 'a record starts in a status listed in record_status_transitions' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER records_status_on_insert BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION records_status_on_insert()`,
  `CREATE FUNCTION records_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
      RAISE EXCEPTION 'record status changes only along record_status_transitions' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER records_status_transition BEFORE UPDATE OF status ON records FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION records_status_transition()`,

  // The archive's identity: random, set once, never changed (its anchor is kept under it).
  `CREATE TABLE archive_identity (
    id bigint PRIMARY KEY CHECK (id = 1),
    uuid ${T} NOT NULL CHECK (length(uuid) = 32),
    created_at ${T} NOT NULL
  )`,
  ...nextId('archive_identity'),
  `INSERT INTO archive_identity (id, uuid, created_at) VALUES (1, replace(gen_random_uuid()::text, '-', ''), to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
  refuse('archive_identity_keep', 'an archive keeps its identity'),
  `CREATE TRIGGER archive_identity_no_update BEFORE UPDATE ON archive_identity FOR EACH ROW EXECUTE FUNCTION archive_identity_keep()`,
  `CREATE TRIGGER archive_identity_no_delete BEFORE DELETE ON archive_identity FOR EACH ROW EXECUTE FUNCTION archive_identity_keep()`,
  `CREATE TRIGGER archive_identity_no_truncate BEFORE TRUNCATE ON archive_identity FOR EACH STATEMENT EXECUTE FUNCTION archive_identity_keep()`,

  ...stateJson(),
  ...searchIndex(),
  ...fileStore(),
];

/**
 * A row's recorded state (audit-log/states.ts) as the text SQLite's json_object/json_array write, so the
 * audit log holds the same bytes whichever engine wrote it (db/postgres/states.ts builds the object):
 * integers as they are, text JSON-quoted (to_json escapes exactly as SQLite does), REAL with a decimal
 * point ('2.0', '1.0e+20'), NULL as null.
 */
function stateJson(): string[] {
  return [
    `CREATE FUNCTION sanwu_json(x text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(to_json(x)::text, 'null') $$`,
    `CREATE FUNCTION sanwu_json(x bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(x::text, 'null') $$`,
    `CREATE FUNCTION sanwu_json(x double precision) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN x IS NULL THEN 'null'
                  WHEN x = 0 THEN '0.0'
                  WHEN x = trunc(x) AND abs(x) < 1e17 THEN trunc(x)::numeric::text || '.0'
                  ELSE regexp_replace(x::text, '^(-?[0-9]+)(e)', '\\1.0\\2') END
    $$`,
  ];
}

/**
 * Search (db/postgres/search.ts). Terms of 3+ characters: pg_trgm's GIN index over the searchable
 * columns (the record's text and its 档号), lower-cased and joined by U+001F (a character no term holds,
 * so no match spans two columns).
 * Terms of 2: record_grams, each record's adjacent character pairs (lower-cased, none with a space, as
 * db/grams.ts makes them for SQLite) as code-point pairs in a bigint array under a GIN index. Exact
 * totals without visiting the matches: search_term_counts, the records holding each pair and each
 * triple of characters (term 0: every record). All kept by triggers from the records themselves.
 * `\s` is spelled out as JavaScript's: the two engines must agree on what a space is.
 */
function searchIndex(): string[] {
  const space = String.raw`[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`;
  const code = (i: string) => `ascii(substr(t, ${i}, 1))::bigint`;
  /** every distinct run of `n` characters (2 or 3) of the lower-cased texts, as one number */
  const runs = (name: string, n: 2 | 3) => `CREATE FUNCTION ${name}(VARIADIC texts text[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT ${n === 2 ? `${code('i')} * 1114112 + ${code('i + 1')}` : `(${code('i')} * 1114112 + ${code('i + 1')}) * 1114112 + ${code('i + 2')}`}), '{}')
        FROM unnest(texts) AS u (x), lower(x COLLATE "default") AS t, generate_series(1, length(t) - ${n - 1}) AS i
       WHERE substr(t, i, ${n}) !~ '${space}'
    $$`;
  // the record's text and its 档号 (db/search-index.ts SEARCH_COLUMNS)
  const cols = (row: string) => ['title', 'responsible', 'doc_number', 'notes', 'archival_code'].map((c) => `${row}${c}`).join(', ');
  return [
    `CREATE FUNCTION sanwu_search_text(title text, responsible text, doc_number text, notes text, archival_code text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower((title || chr(31) || responsible || chr(31) || doc_number || chr(31) || notes || chr(31) || coalesce(archival_code, '')) COLLATE "default") $$`,
    `CREATE INDEX records_search_trgm ON records USING gin (sanwu_search_text(${cols('')}) gin_trgm_ops)`,
    runs('sanwu_grams', 2),
    runs('sanwu_triples', 3),
    `CREATE TABLE record_grams (
      record_id bigint PRIMARY KEY REFERENCES records (id),
      grams bigint[] NOT NULL
    )`,
    `CREATE INDEX record_grams_gin ON record_grams USING gin (grams)`,
    `CREATE TABLE search_term_counts (
      term bigint PRIMARY KEY,
      records bigint NOT NULL CHECK (records >= 0)
    )`,
    `CREATE FUNCTION records_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      WITH n AS MATERIALIZED (SELECT id, sanwu_grams(${cols('')}) AS pairs, sanwu_triples(${cols('')}) AS triples FROM new_records),
           g AS (INSERT INTO record_grams (record_id, grams) SELECT id, pairs FROM n)
      INSERT INTO search_term_counts AS c (term, records)
        SELECT term, count(*) FROM (SELECT 0::bigint AS term FROM n UNION ALL SELECT unnest(pairs || triples) FROM n) AS t GROUP BY term ORDER BY term
        ON CONFLICT (term) DO UPDATE SET records = c.records + excluded.records;
      RETURN NULL;
    END $$`,
    `CREATE TRIGGER records_search_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_records
      FOR EACH STATEMENT EXECUTE FUNCTION records_search_insert()`,
    // one pass per UPDATE statement (filing a year is one statement): the terms each changed record
    // gained and lost, summed over the statement, moved into the counts (its pairs as they were: the
    // row of record_grams)
    `CREATE FUNCTION records_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      WITH changed AS MATERIALIZED (
             SELECT n.id, p.pairs, r.grams || sanwu_triples(${cols('o.')}) AS was, p.pairs || sanwu_triples(${cols('n.')}) AS now
               FROM new_records n JOIN old_records o USING (id) JOIN record_grams r ON r.record_id = n.id,
                    LATERAL (SELECT sanwu_grams(${cols('n.')}) AS pairs) AS p
              WHERE (${cols('n.')}) IS DISTINCT FROM (${cols('o.')})),
           g AS (UPDATE record_grams r SET grams = c.pairs FROM changed c WHERE r.record_id = c.id),
           delta AS (SELECT term, sum(d) AS d FROM (SELECT unnest(now) AS term, 1 AS d FROM changed UNION ALL SELECT unnest(was), -1 FROM changed) AS t
                      GROUP BY term HAVING sum(d) <> 0),
           counted AS (UPDATE search_term_counts c SET records = c.records + delta.d FROM delta WHERE c.term = delta.term RETURNING c.term)
      INSERT INTO search_term_counts (term, records) SELECT term, d FROM delta WHERE term NOT IN (SELECT term FROM counted) ORDER BY term;
      RETURN NULL;
    END $$`,
    `CREATE TRIGGER records_search_update AFTER UPDATE ON records REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
      FOR EACH STATEMENT EXECUTE FUNCTION records_search_update()`,
  ];
}

/**
 * The attachments' bytes (db/postgres/files.ts): one row per stored file, content-addressed, and its
 * bytes in numbered chunks (a large scan never sits in memory whole). Already-compressed scans are
 * stored as they are (STORAGE EXTERNAL: no second compression).
 */
function fileStore(): string[] {
  return [
    `CREATE TABLE file_blobs (
      sha256 ${T} PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size >= 0),
      chunks bigint NOT NULL CHECK (chunks >= 0),
      created_at ${T} NOT NULL
    )`,
    `CREATE TABLE file_chunks (
      sha256 ${T} NOT NULL REFERENCES file_blobs (sha256) DEFERRABLE INITIALLY DEFERRED,
      seq bigint NOT NULL CHECK (seq >= 0),
      data bytea NOT NULL,
      PRIMARY KEY (sha256, seq)
    )`,
    `ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL`,
  ];
}
