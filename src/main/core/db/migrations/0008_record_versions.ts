// Record versions (issue 16): every change of a record counts as a new version, so an edit made from a
// stale copy (someone else changed the record since it was opened) is refused instead of overwriting
// theirs. The trigger bumps the version when an UPDATE leaves it as it was. And the search indexes'
// vocabularies (fts5vocab, views of the indexes, nothing stored): how many records hold a trigram or a
// character pair, read without decoding its list of records (search totals, db/sqlite/search.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `ALTER TABLE records ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)`,
  `CREATE TRIGGER records_version AFTER UPDATE ON records WHEN NEW.version = OLD.version
   BEGIN UPDATE records SET version = OLD.version + 1 WHERE id = NEW.id; END`,
  `CREATE VIRTUAL TABLE records_fts_vocab USING fts5vocab(records_fts, 'row')`,
  `CREATE VIRTUAL TABLE records_grams_vocab USING fts5vocab(records_grams, 'row')`,
];
