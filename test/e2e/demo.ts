// Demo archives for the e2e tests and the UI benchmark: `sanwu demo`, whose --json output names the
// gaps it planted.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const YEAR = 2025;
const ROOT = join(import.meta.dirname, '../..');

export interface Demo {
  gaps: { community: string; gap: string; description: string }[];
}

/** Fills `dir` (created if needed) with one demo year; `records` is per community. */
export function createDemo(dir: string, options: { year?: number; communities?: number; records?: number; env?: NodeJS.ProcessEnv } = {}): Demo {
  const { year = YEAR, communities = 3, records = 150 } = options;
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/sanwu.js'), 'demo', '--db', dir, '--year', String(year), '--communities', String(communities), '--records', String(records), '--json'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 600_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } },
  );
  return JSON.parse(out) as Demo;
}
