// What every core function receives: the open archive and its parameters. No globals.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Identity } from '../../shared/users';
import type { DB } from './db/schema';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ArchivePaths {
  dir: string;
  database: string;
  files: string;
  backups: string;
}

export interface ArchiveContext {
  paths: ArchivePaths;
  /** The raw connection, for hot paths (bulk insert, search, backup) inside Kysely's transactions. */
  sqlite: Database.Database;
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  /** Who is acting, written to the audit log: the signed-in account's name, else the OS user. */
  actor: string;
  /** The signed-in account (absent on an archive without accounts): its role and display name. */
  user?: Identity;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Local calendar day, YYYY-MM-DD (the field rules' "today"). */
export { isoDay } from '../../shared/fields/dates';

export function nowIso(ctx: Pick<ArchiveContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
