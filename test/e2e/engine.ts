// Where an e2e suite's archive lives: a folder, or (SANWU_E2E_ENGINE=postgres, set by the suite's
// PostgreSQL twin, e.g. workflows-postgres.test.ts) a database of its own on the test server.
import { join } from 'node:path';
import { tempPgDatabase } from '../helpers/postgres';

export interface E2eArchive {
  /** what --db takes */
  location: string;
  /** the processes' environment additions (a server archive's working folder under the test's own) */
  env: NodeJS.ProcessEnv;
  drop: () => Promise<void>;
}

export const E2E_ENGINE = process.env.SANWU_E2E_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export async function e2eArchive(dir: string): Promise<E2eArchive> {
  if (E2E_ENGINE === 'sqlite') return { location: join(dir, 'archive'), env: {}, drop: async () => {} };
  const db = await tempPgDatabase();
  return { location: db.url, env: { XDG_CONFIG_HOME: join(dir, 'config') }, drop: db.drop };
}
