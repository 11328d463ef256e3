// The Electron shell: thin. One hardened window on app://sanwu, the core in its own process, the
// contract over IPC. Everything it shows comes through window.api.
import { join } from 'node:path';
import { app, Menu, session, type BrowserWindow } from 'electron';
import { userDataDir } from '../core/default-location';
import { startCoreProcess } from './core-process';
import { registerIpc } from '../transports/ipc/register';
import { buildMenu } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window';

/** The built app (package.json's folder or app.asar): out/main, out/preload, out/renderer. */
const built = (...parts: string[]): string => join(app.getAppPath(), 'out', ...parts);

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
    // SANWU_DB, else this computer's choice (设置 → 连接服务器): the core process reads both itself, so a
    // server's password never travels on a command line
    const dir = '';
    const actor = process.env.USERNAME ?? process.env.USER ?? 'desktop';
    const core = startCoreProcess(built('main', 'core-host.js'), dir, app.getVersion(), actor);
    core.onReady = (d) => {
      archiveDir = d;
    };
    serveAppProtocol(session.defaultSession, built('renderer'), core);
    registerIpc(core);
    Menu.setApplicationMenu(buildMenu(() => archiveDir));
    window = createMainWindow(built('preload', 'index.cjs'));
  });
}
