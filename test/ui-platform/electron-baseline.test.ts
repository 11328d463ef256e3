// The Electron security baseline, asserted from the shell's code and config (the Electron binary
// cannot be downloaded here, so the shell is checked as written).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/main/shell/csp';

const root = join(import.meta.dirname, '../..');
const source = (path: string): string => readFileSync(join(root, path), 'utf8');
/** The code without comments, so a commented-out line does not count. */
const code = (path: string): string => source(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('the window', () => {
  const win = code('src/main/shell/window.ts');

  it('isolates the page: contextIsolation, sandbox, no Node, web security on', () => {
    expect(win).toMatch(/contextIsolation:\s*true/);
    expect(win).toMatch(/sandbox:\s*true/);
    expect(win).toMatch(/nodeIntegration:\s*false/);
    expect(win).toMatch(/nodeIntegrationInWorker:\s*false/);
    expect(win).toMatch(/nodeIntegrationInSubFrames:\s*false/);
    expect(win).toMatch(/webSecurity:\s*true/);
    expect(win).toMatch(/allowRunningInsecureContent:\s*false/);
    expect(win).toMatch(/webviewTag:\s*false/);
    expect(win).not.toMatch(/experimentalFeatures|enableBlinkFeatures|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('loads app://sanwu, never file://', () => {
    expect(win).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(code('src/main/shell/app-url.ts')).toMatch(/APP_ORIGIN = `\$\{APP_SCHEME\}:\/\/\$\{APP_HOST\}`/);
    for (const f of ['src/main/shell/index.ts', 'src/main/shell/window.ts', 'src/main/shell/protocol.ts']) expect(code(f)).not.toMatch(/file:\/\/|loadFile\(/);
  });
});

describe('the app', () => {
  const index = code('src/main/shell/index.ts');
  const security = code('src/main/shell/security.ts');

  it('hardens every web contents and the session before any window exists', () => {
    expect(index).toMatch(/app\.enableSandbox\(\)/);
    expect(index).toMatch(/hardenApp\(\)/);
    expect(index).toMatch(/hardenSession\(session\.defaultSession\)/);
    expect(index.indexOf('hardenSession(')).toBeLessThan(index.indexOf('createMainWindow('));
    expect(security).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenContents\(contents\)\)/);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    expect(security).toMatch(/on\('will-navigate', \(event, url\) => \{\s*event\.preventDefault\(\);/);
    expect(security).toMatch(/on\('will-redirect', \(event\) => event\.preventDefault\(\)\)/);
    expect(security).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(security).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{[\s\S]*?return \{ action: 'deny' \};\s*\}\)/);
    expect(security).not.toMatch(/action: 'allow'/);
  });

  it('denies every permission request and check', () => {
    expect(security).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(security).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('opens external links only through the https allow-list', () => {
    const calls = security.match(/shell\.openExternal\([^)]*\)/g) ?? [];
    expect(calls).toHaveLength(1);
    expect(security).toMatch(/if \(isAllowedExternal\(url\)\) void shell\.openExternal\(url\);/);
    for (const f of ['src/main/shell/index.ts', 'src/main/shell/window.ts', 'src/main/shell/menu.ts', 'src/main/shell/protocol.ts', 'src/main/shell/core-process.ts']) {
      expect(code(f), f).not.toMatch(/openExternal/);
    }
  });

  it('registers app:// as a privileged standard scheme before ready, and serves it through the traversal guard', () => {
    const protocol = code('src/main/shell/protocol.ts');
    expect(protocol).toMatch(/registerSchemesAsPrivileged\(\[\s*\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/);
    expect(index.indexOf('registerAppScheme()')).toBeLessThan(index.indexOf('app.whenReady()'));
    expect(protocol).toMatch(/const route = routeAppUrl\(rendererDir, request\.url\);\s*if \(!route\) return text\(403/);
    expect(protocol).toMatch(/'Content-Security-Policy': CSP/);
  });

  it('answers IPC only for its own page and runs the core in another process', () => {
    const ipc = code('src/main/transports/ipc/register.ts');
    expect(ipc.match(/isTrustedSender\(event\.senderFrame\?\.url\)/g)).toHaveLength(2);
    expect(ipc).toMatch(/!isApiMethod\(method\)/);
    expect(code('src/main/shell/core-process.ts')).toMatch(/utilityProcess\.fork\(/);
    expect(index).not.toMatch(/core\/archive|openArchive/);
  });

  it('reveals finished packages with showItemInFolder', () => {
    expect(code('src/main/shell/core-process.ts')).toMatch(/channel\.onReveal = \(path\) => shell\.showItemInFolder\(path\)/);
  });
});

describe('the preload', () => {
  const preload = code('src/preload/index.ts');

  it('exposes only window.api, never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('api', api\);/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/ipcRenderer:\s|\.\.\.ipcRenderer|on:\s*ipcRenderer|send:\s*ipcRenderer/);
  });

  it('is built as CommonJS for the sandbox, with only type imports besides electron', () => {
    const imports = [...preload.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['./channels', 'electron']);
    expect(code('src/preload/channels.ts')).not.toMatch(/^import /m);
    const config = code('electron.vite.config.ts');
    expect(config).toMatch(/preload: \{[\s\S]*?output: \{ format: 'cjs', entryFileNames: '\[name\]\.cjs' \}/);
    expect(code('src/main/shell/index.ts')).toMatch(/built\('preload', 'index\.cjs'\)/);
  });
});

describe('the content security policy', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v.join(' ')]));

  it('allows scripts only from the app itself and nothing plugin-like', () => {
    const csp = directives(CSP);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('is repeated in index.html (all but frame-ancestors, which a <meta> cannot carry)', () => {
    const html = source('src/renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = directives(CSP);
    expected.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(expected);
  });
});

describe('the installer', () => {
  const require = createRequire(import.meta.url);
  const yaml = require('js-yaml') as { load(s: string): Record<string, unknown> };
  const config = yaml.load(source('electron-builder.yml')) as {
    productName: string;
    asarUnpack: string[];
    npmRebuild: boolean;
    win: { target: { target: string; arch: string[] }[]; requestedExecutionLevel: string };
    nsis: { perMachine: boolean; allowElevation: boolean; shortcutName: string };
  };

  it('is a per-user Windows x64 NSIS installer with better-sqlite3 unpacked and not rebuilt', () => {
    expect(config.productName).toBe('SanwuArchive');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, shortcutName: '三务档案' });
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
    const prebuild = join(root, 'node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(readFileSync(prebuild).subarray(0, 2).toString('latin1')).toBe('MZ');
  });

  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });
});
