// Search finds 档号 (issue 11): indexes of the 档号 as displayed beside the record text's (filled for
// existing archives), and an index on 件号 so that a query like 0001 finds items by their code parts.
import { sql, type Kysely } from 'kysely';
import { codeIndexStatements } from '../search-index';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...codeIndexStatements(), ...STATEMENTS]) await sql.raw(statement).execute(db);
}

const STATEMENTS = [`CREATE INDEX records_by_item_no ON records (item_no) WHERE item_no IS NOT NULL`];
