// The results of 档案检查 (issue 19): each run's whole result is kept, so the page shows the last one
// until the next check (who ran it and when), and nothing is lost by leaving the page. Append-only:
// a run is never changed or removed; its audit entry (action 'check') is written in the same
// transaction and names the run.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE check_runs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    full_check INTEGER NOT NULL CHECK (full_check IN (0, 1)),
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    result TEXT NOT NULL CHECK (json_valid(result))
  ) STRICT`,
  `CREATE TRIGGER check_runs_no_update BEFORE UPDATE ON check_runs
   BEGIN SELECT RAISE(ABORT, '检查结果是历史记录，不能修改。'); END`,
  `CREATE TRIGGER check_runs_no_delete BEFORE DELETE ON check_runs
   BEGIN SELECT RAISE(ABORT, '检查结果是历史记录，不能删除。'); END`,
];
