// Accounts that sign in (DESIGN.md "Who acts"): failed sign-ins and the lock they cause, when the
// password was last set; accounts are never deleted or renamed (the audit log names them), and the last
// active 管理员 can be neither disabled nor demoted — the core refuses it first, the database again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `ALTER TABLE users ADD COLUMN failed_signins INTEGER NOT NULL DEFAULT 0 CHECK (failed_signins >= 0)`,
  `ALTER TABLE users ADD COLUMN locked_until TEXT`,
  `ALTER TABLE users ADD COLUMN password_set_at TEXT`,
  `CREATE TRIGGER users_no_delete BEFORE DELETE ON users
   BEGIN SELECT RAISE(ABORT, '用户账号不能删除，只能停用。'); END`,
  `CREATE TRIGGER users_no_rename BEFORE UPDATE OF username ON users WHEN NEW.username IS NOT OLD.username
   BEGIN SELECT RAISE(ABORT, '用户名不能修改（操作日志以用户名记录操作人）。'); END`,
  `CREATE TRIGGER users_keep_one_admin BEFORE UPDATE OF role, disabled_at ON users
   WHEN OLD.role = '管理员' AND OLD.disabled_at IS NULL
    AND (NEW.role IS NOT '管理员' OR NEW.disabled_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM users WHERE role = '管理员' AND disabled_at IS NULL AND id <> OLD.id)
   BEGIN SELECT RAISE(ABORT, '至少要保留一个在用的管理员。'); END`,
];
