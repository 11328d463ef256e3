// The Electron shell run for real against a stand-in `electron` module (the binary cannot be downloaded
// here): its window options, security hooks, app:// protocol, preload, IPC and core process are exercised as
// wired in src/main/shell/index.ts; the core process is hostCore on a MessageChannel instead of a utilityProcess.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, CallReply } from '../../src/shared/api';
import type { Progress } from '../../src/shared/domain';
import { desktopClient } from '../../src/renderer/src/api/desktop';
import { CSP } from '../../src/main/shell/csp';
import { tempDir } from '../helpers/archive';
import { closeArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appEvents: new Map<string, Listener>(),
    schemes: [] as unknown[],
    windows: [] as { options: { webPreferences: Record<string, unknown> }; url?: string }[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandle: new Map<string, Listener>(),
    ipcOn: new Map<string, Listener>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    opened: [] as string[],
    revealed: [] as string[],
    forks: [] as { entry: string; args: string[] }[],
    hosted: [] as Promise<unknown>[],
    menu: null as unknown,
    exposed: new Map<string, unknown>(),
    rendererOn: new Map<string, Listener>(),
    longTasksStopped: 0,
    sandboxed: false,
    userData: '',
    appPath: '',
  };
  return state;
});

vi.mock('electron', async () => {
  const { hostCore } = await import('../../src/main/core-host/host');
  const { desktopLocation } = await import('../../src/main/core/connection');
  const { HANDLERS } = await import('../../src/main/handlers');
  const { cancelled } = await import('../../src/shared/errors');
  // check.run made endless, so that cancelling it through the whole chain can be observed
  const handlers = {
    ...HANDLERS,
    'check.run': async (_ctx: unknown, _input: unknown, env: { onProgress?: Listener; signal?: AbortSignal }) => {
      for (let i = 0; ; i++) {
        env.onProgress?.({ phase: '检查', done: i, total: 1000 });
        await new Promise((r) => setTimeout(r, 20));
        if (env.signal?.aborted) {
          fake.longTasksStopped++;
          throw cancelled();
        }
      }
    },
  } as typeof HANDLERS;
  // the renderer side of IPC: what the preload talks to, delivered to ipcMain's handlers
  const rendererFrame = {
    url: 'app://sanwu/index.html',
    isDestroyed: () => false,
    send: (channel: string, ...args: unknown[]) => fake.rendererOn.get(channel)?.({}, ...args),
  };
  const rendererEvent = { sender: { id: 1 }, senderFrame: rendererFrame };
  const session = {
    setPermissionRequestHandler: (f: Listener) => (fake.permissionRequest = f),
    setPermissionCheckHandler: (f: Listener) => (fake.permissionCheck = f),
    setDevicePermissionHandler: () => {},
    protocol: { handle: (scheme: string, f: (r: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, f) },
  };
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    url?: string;
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      fake.windows.push(this);
    }
    once() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const fork = (entry: string, args: string[]) => {
    fake.forks.push({ entry, args });
    const { port1, port2 } = new MessageChannel();
    const listeners = new Map<string, Listener>();
    port1.on('message', (m) => listeners.get('message')?.(m));
    fake.hosted.push(
      hostCore(
        { postMessage: (m) => port2.postMessage(m), onMessage: (l) => port2.on('message', l) },
        // as core-host/index.ts: '' means SANWU_DB, else this computer's choice of archive
        { dir: args[0] || desktopLocation(process.env), env: process.env, version: args[1]!, actor: args[2]!, log: { info: () => {}, warn: () => {} }, handlers },
      ),
    );
    return { postMessage: (m: unknown) => port1.postMessage(m), on: (event: string, l: Listener) => listeners.set(event, l) };
  };
  return {
    app: {
      setPath: (_name: string, path: string) => (fake.userData = path),
      enableSandbox: () => (fake.sandboxed = true),
      requestSingleInstanceLock: () => true,
      on: (event: string, f: Listener) => fake.appEvents.set(event, f),
      whenReady: () => Promise.resolve(),
      getVersion: () => '0.1.0',
      getAppPath: () => fake.appPath,
      isPackaged: false,
      quit: () => {},
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => fake.schemes.push(...s), handle: () => {} },
    session: { defaultSession: session },
    BrowserWindow,
    Menu: { setApplicationMenu: (m: unknown) => (fake.menu = m), buildFromTemplate: (t: unknown) => t },
    ipcMain: {
      handle: (channel: string, f: Listener) => fake.ipcHandle.set(channel, f),
      on: (channel: string, f: Listener) => fake.ipcOn.set(channel, f),
    },
    shell: {
      openExternal: (url: string) => fake.opened.push(url),
      showItemInFolder: (path: string) => fake.revealed.push(path),
      openPath: () => Promise.resolve(''),
    },
    utilityProcess: { fork },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => fake.ipcHandle.get(channel)!(rendererEvent, ...args),
      send: (channel: string, ...args: unknown[]) => fake.ipcOn.get(channel)!(rendererEvent, ...args),
      on: (channel: string, f: Listener) => fake.rendererOn.set(channel, f),
    },
  };
});

const tmp = tempDir();
const archiveDir = join(tmp.dir, 'archive');

beforeAll(async () => {
  // the built app's layout: the page as electron-vite writes it under out/renderer
  fake.appPath = join(tmp.dir, 'app');
  mkdirSync(join(fake.appPath, 'out/renderer'), { recursive: true });
  copyFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), join(fake.appPath, 'out/renderer/index.html'));
  process.env.SANWU_DB = archiveDir;
  await import('../../src/main/shell/index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  await fake.hosted[0];
});

afterAll(async () => {
  delete process.env.SANWU_DB;
  const hosted = (await fake.hosted[0]) as { archive(): Promise<ArchiveContext> } | null;
  if (hosted) await closeArchive(await hosted.archive());
  tmp.cleanup();
});

const frame = (url: string) => ({ url, isDestroyed: () => false, send: vi.fn() });
const call = (method: string, input: unknown, url = 'app://sanwu/index.html'): Promise<CallReply> =>
  fake.ipcHandle.get('sanwu:call')!({ sender: { id: 7 }, senderFrame: frame(url) }, method, input, `task-${Math.random()}`) as Promise<CallReply>;

describe('the shell, started', () => {
  it('opens one sandboxed, isolated window on app://sanwu with the CommonJS preload', () => {
    const [win] = fake.windows;
    expect(win!.url).toBe('app://sanwu/index.html');
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win!.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(fake.sandboxed).toBe(true);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.userData).toMatch(/SanwuArchive$/);
    expect(fake.menu).toEqual(expect.arrayContaining([expect.objectContaining({ label: '文件' })]));
  });

  it('runs the core in its own process on the archive folder (SANWU_DB, read by the core: no location on its command line)', async () => {
    expect(fake.forks).toHaveLength(1);
    expect(fake.forks[0]!.entry).toBe(join(fake.appPath, 'out/main/core-host.js'));
    expect(fake.forks[0]!.args.slice(0, 2)).toEqual(['', '0.1.0']);
    const hosted = (await fake.hosted[0]) as { archive(): Promise<ArchiveContext> };
    expect((await hosted.archive()).paths.dir).toBe(archiveDir);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    fake.permissionRequest!(null, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(fake.permissionCheck!()).toBe(false);
  });

  it('denies navigation, redirects, webviews and new windows on every web contents', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener = () => null;
    const contents = { on: (e: string, f: Listener) => handlers.set(e, f), setWindowOpenHandler: (f: Listener) => (openHandler = f) };
    fake.appEvents.get('web-contents-created')!({}, contents);
    const prevented = (event: string, ...args: unknown[]) => {
      const e = { preventDefault: vi.fn(), url: args[0] };
      handlers.get(event)!(e, ...args);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'https://www.gov.cn/zhengce/')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(prevented('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-frame-navigate', 'app://sanwu/attachments/1')).toBe(false);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://www.gov.cn/zhengce/', 'https://www.gov.cn/']);
  });
});

describe('app:// and IPC', () => {
  const fetchApp = (url: string) => fake.protocolHandlers.get('app')!(new Request(url));

  it('serves the renderer with the CSP header and refuses traversal', async () => {
    const page = await fetchApp('app://sanwu/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await fetchApp('app://sanwu/..%2f..%2fpackage.json')).status).toBe(403);
    expect((await fetchApp('app://other/index.html')).status).toBe(403);
  });

  it('answers the contract for its own page only', async () => {
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', archiveDir, office: null } });
    expect(await call('app.info', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { message: '拒绝来自未知页面的请求。' } });
    expect(await call('no.such.method', {})).toMatchObject({ ok: false });
  });

  it('serves an attachment added through IPC at its app:// URL', async () => {
    await call('office.save', { name: '幸福路街道' });
    await call('communities.save', { code: 'S101', name: '桃源社区' });
    const record = await call('records.create', { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-04-01' });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const added = await call('attachments.add', { recordId: (record as { value: { id: number } }).value.id, name: '照片.png', dataBase64: png.toString('base64') });
    const url = await call('attachments.url', { id: (added as { value: { id: number } }).value.id });
    expect(url).toMatchObject({ ok: true, value: expect.stringMatching(/^app:\/\/sanwu\/attachments\/\d+$/) });
    const res = await fetchApp((url as { value: string }).value);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it('reveals a finished file in the folder through the shell', async () => {
    const inside = join(archiveDir, 'archive.sqlite');
    expect(await call('shell.showInFolder', { path: inside })).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(fake.revealed).toEqual([inside]));
  });
});

describe('renderer → preload → IPC → core process', () => {
  it('exposes only api, and the desktop client works through it, with progress and cancel', async () => {
    await import('../../src/preload/index');
    expect([...fake.exposed.keys()]).toEqual(['api']);
    const api = desktopClient(fake.exposed.get('api') as ApiBridge);
    expect(await api.call('communities.list', {})).toEqual([expect.objectContaining({ name: '桃源社区' })]);
    await expect(api.call('records.get', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const controller = new AbortController();
    const seen: Progress[] = [];
    const check = api.call('check.run', {}, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 3) controller.abort();
      },
    });
    await expect(check).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen[0]).toMatchObject({ phase: '检查', total: 1000 });
    expect(fake.longTasksStopped).toBe(1);
  });
});

describe('signing in on the desktop (last: the archive gets accounts here)', () => {
  it('carries the session from the page through the preload with every call; without it calls are refused', async () => {
    const bridge = fake.exposed.get('api') as ApiBridge;
    let session: string | undefined;
    const api = desktopClient(bridge, () => session);
    // no accounts yet: the first 管理员 may be created by whoever opened the app
    await api.call('users.add', { name: 'admin', role: '管理员', display: '王档案', password: 'desktop-pass-1' });
    await expect(api.call('communities.list', {})).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(await api.call('app.info', {})).toMatchObject({ accounts: true });
    await expect(api.call('auth.signIn', { username: 'admin', password: 'wrong-password' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    session = (await api.call('auth.signIn', { username: 'admin', password: 'desktop-pass-1' })).session;
    expect(await api.call('auth.whoami', {})).toEqual({ name: 'admin', display: '王档案', role: '管理员' });
    expect(await api.call('communities.list', {})).toEqual([expect.objectContaining({ name: '桃源社区' })]);
    // the audit log names the account
    await api.call('records.update', { id: 1, patch: { title: '居民会议记录（改）' } });
    expect((await api.call('records.get', { id: 1 })).history[0]).toMatchObject({ actor: 'admin', actorDisplay: '王档案' });
    await api.call('auth.signOut', {});
    await expect(api.call('communities.list', {})).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
