// Which archive this computer's desktop app opens: the folder in the user's data folder, or a server
// chosen under 设置 → 连接服务器 (kept in connection.json there, readable by this user only — never in an
// archive). SANWU_DB, when set, overrides both.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SanwuError } from '../../shared/errors';
import { isServerLocation, openPostgresDatabase, redactUrl } from './db';
import { databaseState } from './db/postgres/migrate';
import type { DB } from './db/schema';
import { defaultArchiveDir, serverWorkDir, userDataDir } from './default-location';

const connectionSchema = z.object({ server: z.string().refine(isServerLocation).nullable() });

export const connectionFile = (env: NodeJS.ProcessEnv): string => join(userDataDir(env), 'connection.json');

/** The server saved for this computer, or null (a damaged file counts as none). */
export function savedServer(env: NodeJS.ProcessEnv): string | null {
  const file = connectionFile(env);
  if (!existsSync(file)) return null;
  try {
    return connectionSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).server;
  } catch {
    return null;
  }
}

/** Saves (or, with null, forgets) this computer's server; written whole or not at all. */
export function saveServer(env: NodeJS.ProcessEnv, server: string | null): void {
  const file = connectionFile(env);
  mkdirSync(userDataDir(env), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, JSON.stringify({ server }), { mode: 0o600 });
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The archive the desktop app opens: SANWU_DB, else the saved server, else the folder in the user's data. */
export function desktopLocation(env: NodeJS.ProcessEnv): string {
  return env.SANWU_DB ?? savedServer(env) ?? defaultArchiveDir(env);
}

export interface ServerProbe {
  /** archive: one of ours; empty: a new archive can be made there; foreign: something else */
  state: 'archive' | 'empty' | 'foreign';
  office: string | null;
}

/** Connects to `url` and looks at what the database holds, changing nothing. */
export async function probeServer(env: NodeJS.ProcessEnv, url: string): Promise<ServerProbe> {
  if (!isServerLocation(url)) throw new SanwuError('INVALID_INPUT', '服务器地址应以 postgres:// 开头。');
  const database = await openPostgresDatabase(url, { cacheDir: join(serverWorkDir(env, url), 'cache') });
  try {
    const state = await databaseState(database.read as unknown as Kysely<DB>);
    if (state !== 'archive') return { state, office: null };
    const office = await database.read.selectFrom('street_office').select('name').executeTakeFirst();
    return { state, office: office?.name ?? null };
  } finally {
    await database.close();
  }
}

/** A location as it may be shown: a folder, or a server's URL without its password. */
export const shownLocation = (location: string): string => (isServerLocation(location) ? redactUrl(location) : location);
