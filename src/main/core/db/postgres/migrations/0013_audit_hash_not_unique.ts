// SQLite's 0013_audit_hash_not_unique on PostgreSQL: the audit log's hash column loses its UNIQUE
// constraint (that migration says why); the rows, their order and the append-only triggers stay.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE audit_log DROP CONSTRAINT audit_log_hash_key').execute(db);
}
