// Audit-log hash format 2: marked fields that SQL can concatenate, so a check verifies the chain without
// reading every entry into JavaScript. Existing entries keep format 1 (JSON array).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `ALTER TABLE audit_log ADD COLUMN hash_format INTEGER NOT NULL DEFAULT 1 CHECK (hash_format IN (1, 2))`,
  // Only legacy entries need the slow per-row check; on a new archive this index is empty.
  `CREATE INDEX audit_log_format1 ON audit_log (id) WHERE hash_format = 1`,
];
