// The audit log's hash column loses its UNIQUE index. Nothing looks an entry up by its hash (by id,
// always), and uniqueness added nothing to tamper evidence: each entry's hash covers the one before it,
// the chain is verified whole and its head is anchored outside the file. The index cost every append a
// random-key insert: a third of a 100,000-row import's audit writing (bench/import.bench.ts). SQLite
// drops a column constraint only by rebuilding the table: the rows are copied as they are (ids, hashes
// and all), then the indexes and the append-only triggers are made again, word for word.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const COLUMNS = 'id, at, actor, action, entity, entity_id, before, after, source, prev_hash, hash, hash_format';

const STATEMENTS = [
  `CREATE TABLE audit_log_rebuilt (
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
  ) STRICT`,
  `INSERT INTO audit_log_rebuilt (${COLUMNS}) SELECT ${COLUMNS} FROM audit_log ORDER BY id`,
  // DROP TABLE deletes without firing the table's triggers (they go with it)
  `DROP TABLE audit_log`,
  `ALTER TABLE audit_log_rebuilt RENAME TO audit_log`,
  `CREATE INDEX audit_by_entity ON audit_log (entity, entity_id)`,
  `CREATE INDEX audit_log_format1 ON audit_log (id) WHERE hash_format = 1`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END`,
];
