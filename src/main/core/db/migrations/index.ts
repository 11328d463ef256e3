// Every migration, bundled statically (a file-system provider cannot see files once Vite bundles main).
// Append only; never edit or reorder a landed migration.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_audit_hash_format';
import * as m0003 from './0003_trust';
import * as m0004 from './0004_search_codes';
import * as m0007 from './0007_users_sign_in';
import * as m0008 from './0008_record_versions';
import * as m0009 from './0009_lifecycle';
import * as m0010 from './0010_district';
import * as m0011 from './0011_lending';
import * as m0012 from './0012_check_runs';
import * as m0013 from './0013_audit_hash_not_unique';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_audit_hash_format', m0002],
  ['0003_trust', m0003],
  ['0004_search_codes', m0004],
  ['0007_users_sign_in', m0007],
  ['0008_record_versions', m0008],
  ['0009_lifecycle', m0009],
  ['0010_district', m0010],
  ['0011_lending', m0011],
  ['0012_check_runs', m0012],
  ['0013_audit_hash_not_unique', m0013],
];
