// PostgreSQL's migrations, bundled statically, beside SQLite's (db/migrations). 0001_initial is
// SQLite's 0001–0008 at once; every later one mirrors the SQLite migration of the SAME name (SQLite's
// 0009_lifecycle → PostgreSQL's 0009_lifecycle), so issues adding migrations at once never collide.
// Append only; never edit or reorder a landed migration. A new SQLite migration needs its counterpart
// here (test/schema/parity.test.ts fails until both engines reach the same logical schema).
import type { MigrationList } from '../../migrate';
import * as m0001 from './0001_initial';
import * as m0009 from './0009_lifecycle';
import * as m0010 from './0010_district';
import * as m0011 from './0011_lending';
import * as m0012 from './0012_check_runs';
import * as m0013 from './0013_audit_hash_not_unique';

export const PG_MIGRATIONS: MigrationList = [
  ['0001_initial', m0001],
  ['0009_lifecycle', m0009],
  ['0010_district', m0010],
  ['0011_lending', m0011],
  ['0012_check_runs', m0012],
  ['0013_audit_hash_not_unique', m0013],
];

/** The SQLite migration 0001_initial brings PostgreSQL level with. */
const INITIAL_MATCHES = '0008_record_versions';

/** The SQLite migration whose schema PostgreSQL's latest one equals (tables, columns, constraints). */
export const PG_MATCHES_SQLITE = PG_MIGRATIONS.length === 1 ? INITIAL_MATCHES : PG_MIGRATIONS.at(-1)![0];
