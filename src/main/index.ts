// The Electron shell: thin. One hardened window on app://sanwu, the core in its own process, the
// contract over IPC. Everything it shows comes through window.api.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, session, type BrowserWindow } from 'electron';
import { defaultArchiveDir, userDataDir } from './core/default-location';
import { startCoreProcess } from './core-process';
import { registerIpc } from './ipc/register';
import { buildMenu } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));

// The same folder the CLI uses by default (core/default-location.ts).
app.setPath('userData', userDataDir(process.env));
app.enableSandbox();
registerAppScheme();
hardenApp();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let archiveDir: string | null = null;
  let window: BrowserWindow | null = null;
  // One window only: a second launch brings the first forward.
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const dir = process.env.SANWU_DB ?? defaultArchiveDir(process.env);
    const actor = process.env.USERNAME ?? process.env.USER ?? 'desktop';
    const core = startCoreProcess(join(here, 'worker.js'), dir, app.getVersion(), actor);
    core.onReady = (d) => {
      archiveDir = d;
    };
    serveAppProtocol(session.defaultSession, join(here, '../renderer'), core);
    registerIpc(core);
    Menu.setApplicationMenu(buildMenu(() => archiveDir));
    window = createMainWindow(join(here, '../preload/index.cjs'));
  });
}
