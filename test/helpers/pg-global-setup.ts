// vitest's global setup: the PostgreSQL server the engine suite runs on. SANWU_TEST_PG (an admin URL)
// names one; otherwise a private cluster is started (scripts/pg-cluster.sh: own data and socket folder,
// private port, as the postgres user) and stopped afterwards. No server means a failure, never a skip.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const script = resolve(import.meta.dirname, '../../scripts/pg-cluster.sh');

const cluster = (cmd: 'start' | 'stop' | 'url', quiet = false): string =>
  execFileSync('bash', [script, cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'] }).trim();

export default function setup(project: TestProject): () => void {
  const given = process.env.SANWU_TEST_PG;
  let running: string | undefined;
  try {
    running = given ?? cluster('url', true);
  } catch {
    running = undefined;
  }
  // A cluster this run starts is stopped when it ends; one already running (a developer's) is left.
  const url = running ?? cluster('start');
  project.provide('pgAdminUrl', url);
  return () => {
    if (!running) cluster('stop');
  };
}
