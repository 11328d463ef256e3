// The schema's migrations, for every engine: numbered, bundled statically, applied in order.
import type { Migration } from 'kysely/migration';
import { MIGRATIONS } from './migrations';

export const SCHEMA_VERSION = MIGRATIONS.length;

export type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>;
