// The shape of one `sanwu` command, and opening the archive it names.
import { resolve } from 'node:path';
import { closeArchive, openArchive, type OpenOptions } from '../core/archive';
import type { ArchiveContext } from '../core/context';
import { isServerLocation } from '../core/db/location';
import { defaultAnchorDir, defaultArchiveDir, serverWorkDir } from '../core/default-location';
import type { FlagSpecs, ParsedArgs } from './args';
import type { CliIO } from './io';

export interface Command {
  summary: string;
  usage: string;
  flags: FlagSpecs;
  positionals?: boolean;
  /** returns the exit code */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** Every command on an archive: where it is, and who acts (`--as`, needed once it has accounts). */
export const DB_FLAG = { db: { type: 'string' }, as: { type: 'string' } } as const satisfies FlagSpecs;

/** The archive named by --db, SANWU_DB or the default: a folder (resolved) or a `postgres://` URL. */
export function archiveDir(args: ParsedArgs, io: CliIO): string {
  const location = (args.flags.db as string | undefined) ?? io.env.SANWU_DB ?? defaultArchiveDir(io.env);
  return isServerLocation(location) ? location.trim() : resolve(io.cwd, location);
}

export { shownLocation } from '../core/connection';

/** Who acts on an archive without accounts: the OS user (SANWU_ACTOR overrides it, for tests and scripts). */
export const osActor = (io: CliIO): string => io.env.SANWU_ACTOR ?? io.env.USERNAME ?? io.env.USER ?? 'cli';

/** Opens the archive a command names (`--db`, SANWU_DB, the default folder, a postgres:// URL), as every command does. */
export function openNamedArchive(args: ParsedArgs, io: CliIO, options: OpenOptions = {}): Promise<ArchiveContext> {
  const location = archiveDir(args, io);
  return openArchive(location, {
    workDir: isServerLocation(location) ? serverWorkDir(io.env, location) : undefined,
    clock: io.clock,
    actor: osActor(io),
    log: { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`警告：${m}\n`) },
    anchorDir: defaultAnchorDir(io.env),
    ...options,
  });
}

export async function withArchive<T>(
  args: ParsedArgs,
  io: CliIO,
  fn: (ctx: ArchiveContext) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const ctx = await openNamedArchive(args, io, options);
  try {
    return await fn(ctx);
  } finally {
    await closeArchive(ctx);
  }
}
