// Every migration, bundled statically (a file-system provider cannot see files once Vite bundles main).
// Append only; never edit or reorder a landed migration.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
];
