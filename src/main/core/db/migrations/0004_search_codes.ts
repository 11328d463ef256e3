// Search finds 档号 (issue 11): the search index covers the 档号 as displayed beside 题名, 责任者,
// 文号 and 备注 (rebuilt for existing archives), and an index on 件号 lets a query like 0001 find
// items by their code parts.
import { sql, type Kysely } from 'kysely';
import { searchIndexStatements } from '../search-index';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...searchIndexStatements(), ...STATEMENTS]) await sql.raw(statement).execute(db);
}

const STATEMENTS = [`CREATE INDEX records_by_item_no ON records (item_no) WHERE item_no IS NOT NULL`];
