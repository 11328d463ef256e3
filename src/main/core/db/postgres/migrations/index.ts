// PostgreSQL's migrations, bundled statically; numbered on their own, beside SQLite's (db/migrations).
// Append only; never edit or reorder a landed migration. A new SQLite migration needs its counterpart
// here (test/schema/parity.test.ts fails until both engines reach the same logical schema).
import type { MigrationList } from '../../migrate';
import * as m0001 from './0001_initial';

export const PG_MIGRATIONS: MigrationList = [['0001_initial', m0001]];

/** The SQLite migration whose schema PostgreSQL's latest one equals (tables, columns, constraints). */
export const PG_MATCHES_SQLITE = '0008_record_versions';
