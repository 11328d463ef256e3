// SQLite's 0012_check_runs on PostgreSQL: each 档案检查's whole result, append-only (the same refusals).
// The JSON is checked by its cast (PostgreSQL 15 has no IS JSON): text that is not JSON is refused.
import { sql, type Kysely } from 'kysely';
import { ID, nextId, refuse, T } from './ddl';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE check_runs (
    id ${ID},
    at ${T} NOT NULL,
    actor ${T} NOT NULL,
    full_check bigint NOT NULL CHECK (full_check IN (0, 1)),
    ok bigint NOT NULL CHECK (ok IN (0, 1)),
    result ${T} NOT NULL CHECK (result::json IS NOT NULL)
  )`,
  ...nextId('check_runs'),
  refuse('check_runs_no_update', '检查结果是历史记录，不能修改。'),
  refuse('check_runs_no_delete', '检查结果是历史记录，不能删除。'),
  `CREATE TRIGGER check_runs_no_update BEFORE UPDATE ON check_runs FOR EACH ROW EXECUTE FUNCTION check_runs_no_update()`,
  `CREATE TRIGGER check_runs_no_delete BEFORE DELETE ON check_runs FOR EACH ROW EXECUTE FUNCTION check_runs_no_delete()`,
  `CREATE TRIGGER check_runs_no_truncate BEFORE TRUNCATE ON check_runs FOR EACH STATEMENT EXECUTE FUNCTION check_runs_no_delete()`,
];
