// Trust (issue 10). Record status changes only along the transitions listed in one table (the
// lifecycle adds its steps there, in its own migration). The archive gets an identity, under which
// its audit log's head is anchored outside the file. And every existing row of the reconciled tables
// gets a 'baseline' audit entry recording its state as found at the upgrade, so that from then on
// every live row must equal the state its latest audit entry records.
import { sql, type Kysely } from 'kysely';
import { entryHash, GENESIS_HASH, type AuditRowInput } from '../../audit-log/append';
import { STATES, type StateEntity } from '../../audit-log/states';
import { stateSql } from '../sqlite/states';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  await recordBaseline(db as Kysely<any>);
}

/** Baseline entries in the order rows refer to each other; states in version 1. */
const BASELINE: StateEntity[] = ['community', 'roster', 'record', 'attachment', 'filing_cell'];
const PAGE = 2000;

/** A page of rows after `afterId` (by id), or every row of a table keyed otherwise (id null). */
async function statesOf(db: Kysely<any>, entity: StateEntity, afterId: number): Promise<{ id: number | null; state: string }[]> {
  const { table, key } = STATES[entity];
  const state = sql.raw(stateSql(entity, undefined, 1));
  if (key.length > 1) return (await sql<{ id: null; state: string }>`SELECT NULL AS id, ${state} AS state FROM ${sql.table(table)}`.execute(db)).rows;
  return (await sql<{ id: number; state: string }>`SELECT id, ${state} AS state FROM ${sql.table(table)} WHERE id > ${afterId} ORDER BY id LIMIT ${PAGE}`.execute(db)).rows;
}

async function recordBaseline(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  let prev = (await sql<{ hash: string }>`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`.execute(db)).rows[0]?.hash ?? GENESIS_HASH;
  for (const entity of BASELINE) {
    for (let afterId = 0; ; ) {
      const rows = await statesOf(db, entity, afterId);
      const entries = rows.map((r) => {
        const row: AuditRowInput = { at, actor: 'system', action: 'baseline', entity, entity_id: r.id, before: null, after: r.state, source: null };
        const hash = entryHash(prev, row);
        const entry = { ...row, prev_hash: prev, hash, hash_format: 2 };
        prev = hash;
        return entry;
      });
      for (let i = 0; i < entries.length; i += 500) await db.insertInto('audit_log').values(entries.slice(i, i + 500)).execute();
      const last = rows.at(-1)?.id;
      if (last === undefined || last === null) break;
      afterId = last;
    }
  }
}

const STATEMENTS = [
  // '' as from_status: the status a new record may start in. `act` names the audited act that makes the step.
  `CREATE TABLE record_status_transitions (
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    act TEXT NOT NULL,
    PRIMARY KEY (from_status, to_status)
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES ('', '未归档', 'create'), ('未归档', '在保', 'file')`,
  // The archive's identity: random, set once, never changed (its anchor is kept under it).
  `CREATE TABLE archive_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL CHECK (length(uuid) = 32),
    created_at TEXT NOT NULL
  ) STRICT`,
  `INSERT INTO archive_identity (id, uuid, created_at) VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  `CREATE TRIGGER archive_identity_no_update BEFORE UPDATE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END`,
  `CREATE TRIGGER archive_identity_no_delete BEFORE DELETE ON archive_identity BEGIN
    SELECT RAISE(ABORT, 'an archive keeps its identity');
  END`,
  `CREATE TRIGGER records_status_on_insert BEFORE INSERT ON records
    WHEN NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = '' AND to_status = NEW.status)
  BEGIN
    SELECT RAISE(ABORT, 'a record starts in a status listed in record_status_transitions');
  END`,
  `CREATE TRIGGER records_status_transition BEFORE UPDATE OF status ON records
    WHEN NEW.status IS NOT OLD.status
      AND NOT EXISTS (SELECT 1 FROM record_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status)
  BEGIN
    SELECT RAISE(ABORT, 'record status changes only along record_status_transitions');
  END`,
];
