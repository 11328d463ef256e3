// The process-role boundaries (DESIGN.md Architecture) are lint rules; these fixtures prove they fire.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';

const root = join(import.meta.dirname, '..', '..');
const oxlint = join(root, 'node_modules', '.bin', 'oxlint');
const tmp = tempDir('sanwu-lint-');
afterAll(() => tmp.cleanup());

interface Diagnostic {
  code: string;
  filename: string;
}

function lint(files: Record<string, string>): Map<string, string[]> {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), text);
  }
  const res = spawnSync(oxlint, ['-c', join(root, '.oxlintrc.json'), '--format', 'json', tmp.dir], { encoding: 'utf8' });
  const parsed = JSON.parse(res.stdout) as { diagnostics: Diagnostic[] };
  const byFile = new Map<string, string[]>();
  for (const d of parsed.diagnostics) {
    const file = relative(tmp.dir, resolve(d.filename)).split(sep).join('/');
    byFile.set(file, [...(byFile.get(file) ?? []), d.code]);
  }
  return byFile;
}

describe('process-role lint rules', () => {
  const result = lint({
    'src/shared/uses-node.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    'src/shared/uses-dom.ts': 'export const w = () => window.location.href;\n',
    'src/shared/clean.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
    'src/main/core/uses-electron.ts': "import { app } from 'electron';\nexport const a = app;\n",
    'src/main/core/uses-cli.ts': "import { runCli } from '../cli/main';\nexport const r = runCli;\n",
    'src/main/core/clean.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    'src/main/core/records/uses-sqlite.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    'src/main/handlers/uses-sqlite.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    'src/main/core/db/sqlite/engine.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    'src/main/core/db/sqlite/uses-cli.ts': "import { runCli } from '../../../cli/main';\nexport const r = runCli;\n",
    'src/main/core/records/uses-pg.ts': "import pg from 'pg';\nexport const p = pg;\n",
    'src/main/handlers/uses-pg.ts': "import pg from 'pg';\nexport const p = pg;\n",
    'src/main/core/db/sqlite/uses-pg.ts': "import pg from 'pg';\nexport const p = pg;\n",
    'src/main/core/db/postgres/engine.ts': "import pg from 'pg';\nexport const p = pg;\n",
    'src/main/core/db/postgres/uses-sqlite.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    'src/main/core/uses-transport.ts': "import { startServer } from '../transports/http/server';\nexport const s = startServer;\n",
    'src/main/core/uses-core-host.ts': "import { hostCore } from '../core-host/host';\nexport const h = hostCore;\n",
    'src/main/handlers/uses-electron.ts': "import { shell } from 'electron';\nexport const s = shell;\n",
    'src/main/transports/http/uses-electron.ts': "import { app } from 'electron';\nexport const a = app;\n",
    'src/main/cli/uses-electron.ts': "import { dialog } from 'electron';\nexport const d = dialog;\n",
    'src/main/core-host/uses-electron.ts': "import { utilityProcess } from 'electron/main';\nexport const u = utilityProcess;\n",
    'src/main/cli/uses-shell-window.ts': "import { createMainWindow } from '../shell/window';\nexport const w = createMainWindow;\n",
    'src/main/transports/http/clean.ts': "import { CSP } from '../../shell/csp';\nexport const c = CSP;\n",
    'src/main/transports/ipc/uses-electron.ts': "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n",
    'src/main/shell/uses-electron.ts': "import { app } from 'electron';\nexport const a = app;\n",
    'src/preload/uses-node.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    'src/renderer/src/pages/uses-db.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    'src/renderer/src/pages/uses-core.ts': "import { openArchive } from '../../../main/core/archive';\nexport const o = openArchive;\n",
    'src/renderer/src/pages/uses-fetch.ts': "export const f = () => fetch('/api/x');\n",
    'src/renderer/src/api/transport.ts': "export const f = () => fetch('/api/x');\n",
  });

  it.each([
    ['src/shared/uses-node.ts', 'eslint(no-restricted-imports)'],
    ['src/shared/uses-dom.ts', 'eslint(no-restricted-globals)'],
    ['src/main/core/uses-electron.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/uses-cli.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/records/uses-sqlite.ts', 'eslint(no-restricted-imports)'],
    ['src/main/handlers/uses-sqlite.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/db/sqlite/uses-cli.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/records/uses-pg.ts', 'eslint(no-restricted-imports)'],
    ['src/main/handlers/uses-pg.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/db/sqlite/uses-pg.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/db/postgres/uses-sqlite.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/uses-transport.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core/uses-core-host.ts', 'eslint(no-restricted-imports)'],
    ['src/main/handlers/uses-electron.ts', 'eslint(no-restricted-imports)'],
    ['src/main/transports/http/uses-electron.ts', 'eslint(no-restricted-imports)'],
    ['src/main/cli/uses-electron.ts', 'eslint(no-restricted-imports)'],
    ['src/main/core-host/uses-electron.ts', 'eslint(no-restricted-imports)'],
    ['src/main/cli/uses-shell-window.ts', 'eslint(no-restricted-imports)'],
    ['src/preload/uses-node.ts', 'eslint(no-restricted-imports)'],
    ['src/renderer/src/pages/uses-db.ts', 'eslint(no-restricted-imports)'],
    ['src/renderer/src/pages/uses-core.ts', 'eslint(no-restricted-imports)'],
    ['src/renderer/src/pages/uses-fetch.ts', 'eslint(no-restricted-globals)'],
  ])('%s is refused', (file, rule) => {
    expect(result.get(file)).toContain(rule);
  });

  it.each([
    'src/shared/clean.ts',
    'src/main/core/clean.ts',
    'src/main/core/db/sqlite/engine.ts',
    'src/main/core/db/postgres/engine.ts',
    'src/renderer/src/api/transport.ts',
    'src/main/transports/http/clean.ts',
    // the shell and the IPC transport are where electron belongs
    'src/main/transports/ipc/uses-electron.ts',
    'src/main/shell/uses-electron.ts',
  ])('%s passes', (file) => {
    expect(result.get(file)).toBeUndefined();
  });
});
