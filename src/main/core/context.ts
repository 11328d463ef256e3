// What every core function receives: the open archive and its parameters. No globals.
import type { Identity } from '../../shared/users';
import type { AnchorStore } from './audit-log/anchor';
import type { ReadDb, WriteDb } from './db/handles';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ArchivePaths {
  /** the archive folder; for a server archive, its local working folder */
  dir: string;
  /** archive.sqlite; for a server archive, its URL without the password */
  database: string;
  /** the attachment store; for a server archive, the local cache of files handed out */
  files: string;
  backups: string;
  /** a server archive's URL (without the password); absent for a folder */
  server?: string;
}

export interface ArchiveContext {
  paths: ArchivePaths;
  /** Reads: committed data only, on a connection of its own that never waits for a writer. */
  db: ReadDb;
  /** Writes: one transaction at a time, each waiting its turn. */
  write: WriteDb;
  /** Closes both connections (closeArchive). */
  close: () => Promise<void>;
  /** Where the audit log's head is anchored, outside the archive (null: not anchored). */
  anchors: AnchorStore | null;
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
