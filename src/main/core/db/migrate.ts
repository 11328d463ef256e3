// The schema's migrations, for every engine: numbered, bundled statically, applied in order.
import type { Migration } from 'kysely/migration';
import { SanwuError } from '../../../shared/errors';
import type { Trx } from './handles';
import { MIGRATIONS } from './migrations';

export const SCHEMA_VERSION = MIGRATIONS.length;

export type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>;

export interface MigrationPlan {
  applied: string[];
  pending: string[];
}

/** What to apply, given what the archive has; an archive with migrations this version lacks is refused. */
export function planOf(applied: string[], migrations: MigrationList): MigrationPlan {
  const known = new Set(migrations.map(([name]) => name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new SanwuError(
      'ARCHIVE_NEWER',
      `这个档案库由更新版本的三务档案创建（含本版本不认识的结构 ${unknown.join('、')}），为防止损坏已拒绝打开。请升级软件后再打开。`,
    );
  }
  const done = new Set(applied);
  return { applied, pending: migrations.map(([n]) => n).filter((n) => !done.has(n)) };
}

export interface MigrateOptions {
  /** runs in the same transaction after the schema is in place (creating an archive: its first rows) */
  initialize?: (trx: Trx) => Promise<void>;
  /** called only when something is pending, before the transaction (the upgrade's safety copy) */
  beforeUpgrade?: (plan: MigrationPlan) => Promise<void>;
}
