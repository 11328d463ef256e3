import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the PostgreSQL server the engine suite also runs on (started here when SANWU_TEST_PG is unset)
    globalSetup: ['test/helpers/pg-global-setup.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: forks keep each file in its own process.
    pool: 'forks',
    // the JSON report gives CI its plain "N passed, N failed" closing line
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    // Anchors (audit-log/anchor.ts) of test archives never go to the real profile; CLI runs and spawned
    // processes inherit this.
    env: { SANWU_ANCHOR_DIR: join(tmpdir(), `sanwu-test-anchors-${process.pid}`) },
    testTimeout: 60_000,
    // a page waited on by expect.poll may take seconds on a loaded 2-core runner (1 s by default)
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 120_000,
  },
});
