// Loosening a table's CHECK constraint in place, by SQLite's documented procedure for changes every
// existing row already satisfies (https://sqlite.org/lang_altertable.html#otheralter): the stored
// CREATE TABLE text is edited and the schema version bumped, inside the migration's transaction.
// Rebuilding the table instead would drop and recreate its triggers, indexes and the search index's
// content link, and could not turn foreign keys off inside the transaction.
import type { Kysely } from 'kysely';
import { withRaw } from './driver';

/** Replaces `from` by `to` in `table`'s CREATE TABLE text; refuses (throws) when `from` is not in it exactly once. */
export function editTableSql(trx: Kysely<unknown>, table: string, from: string, to: string): Promise<void> {
  return withRaw(trx, (raw) => {
    const text = raw.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
    if (!text || text.split(from).length !== 2) throw new Error(`the table ${table} does not hold the expected definition`);
    const version = raw.pragma('schema_version', { simple: true }) as number;
    raw.unsafeMode(true);
    try {
      raw.pragma('writable_schema = ON');
      raw.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`).run(text.replace(from, to), table);
      raw.pragma(`schema_version = ${version + 1}`);
    } finally {
      raw.pragma('writable_schema = OFF');
      raw.unsafeMode(false);
    }
    const problems = raw.pragma(`quick_check(${table})`, { simple: true });
    if (problems !== 'ok') throw new Error(`the edited schema does not check: ${String(problems)}`);
  });
}
