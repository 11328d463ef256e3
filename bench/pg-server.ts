// The PostgreSQL server a benchmark runs on: SANWU_TEST_PG, or the private cluster of
// scripts/pg-cluster.sh (started here if it is not running, and stopped again when the bench ends).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { setPgAdminUrl } from '../test/helpers/postgres';

const script = join(import.meta.dirname, '..', 'scripts', 'pg-cluster.sh');
const cluster = (cmd: string): string => execFileSync('bash', [script, cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

export async function withPgServer<T>(fn: () => Promise<T>): Promise<T> {
  let started = false;
  let url = process.env.SANWU_TEST_PG;
  if (!url) {
    try {
      url = cluster('url');
    } catch {
      url = cluster('start');
      started = true;
    }
  }
  setPgAdminUrl(url);
  try {
    return await fn();
  } finally {
    if (started) cluster('stop');
  }
}
