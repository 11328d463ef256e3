// Trust (issue 10). Record status changes only along the transitions listed in one table (the
// lifecycle adds its steps there, in its own migration).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
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
