// The committed schema snapshot: a migration that changes the schema must update it on purpose
// (`npm run schema:snapshot`), so drift is always visible in review.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

const SNAPSHOT = join(import.meta.dirname, 'schema.snapshot.sql');
let a: TestArchive;
beforeAll(async () => {
  a = await tempArchive();
});
afterAll(async () => {
  await a.close();
});

function dumpSchema(): string {
  const rows = raw(a.ctx)
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string }[];
  const pragmas = ['application_id', 'user_version'].map((p) => `-- ${p} = ${raw(a.ctx).pragma(p, { simple: true })}`);
  return `${[...pragmas, ...rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`)].join('\n')}\n`;
}

it('matches the committed schema snapshot', () => {
  const actual = dumpSchema();
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
  expect(existsSync(SNAPSHOT), 'no committed snapshot: run npm run schema:snapshot').toBe(true);
  expect(actual).toBe(readFileSync(SNAPSHOT, 'utf8'));
});
