// Databases of the tests' own on the test server (pg-global-setup.ts): each test file creates the ones
// it needs, owned by an unprivileged role as an office's DBA would set it up, and drops them after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The role archives are opened as: may log in and own its database, nothing more. */
export const APP_ROLE = 'sanwu_app';

let adminUrl: string | undefined;

/** The server's admin URL: vitest's global setup provides it; benches set it (setPgAdminUrl). */
export function pgAdminUrl(): string {
  return adminUrl ?? inject('pgAdminUrl');
}

export function setPgAdminUrl(url: string): void {
  adminUrl = url;
}

/** `url` with another user and database. */
export function urlFor(url: string, user: string, database: string): string {
  const u = new URL(url);
  u.username = user;
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
  const client = new pg.Client({ connectionString: urlFor(pgAdminUrl(), 'postgres', database) });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function ensureRole(): Promise<void> {
  try {
    await adminQuery(`CREATE ROLE ${APP_ROLE} LOGIN`);
  } catch (e) {
    if ((e as { code?: string }).code !== '42710' && (e as { code?: string }).code !== '23505') throw e;
  }
}

export interface TempDatabase {
  name: string;
  /** the archive's URL, as the app role */
  url: string;
  drop: () => Promise<void>;
}

/** A new empty database (UTF-8, C.UTF-8 unless `locale` says otherwise) owned by the app role. */
export async function tempPgDatabase(options: { locale?: string; encoding?: string } = {}): Promise<TempDatabase> {
  await ensureRole();
  const name = `sanwu_t_${randomBytes(6).toString('hex')}`;
  const locale = options.locale ?? 'C.UTF-8';
  await adminQuery(`CREATE DATABASE ${name} OWNER ${APP_ROLE} TEMPLATE template0 ENCODING '${options.encoding ?? 'UTF8'}' LOCALE '${locale}'`);
  return {
    name,
    url: urlFor(pgAdminUrl(), APP_ROLE, name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
