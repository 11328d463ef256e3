// The Electron security baseline for every web contents and the session: no navigation, redirects,
// webviews or new windows; no permissions; only allow-listed https links leave for the system browser.
import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternal, isAppUrl } from './app-url';

function openIfAllowed(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url);
  });
  contents.on('will-frame-navigate', (event) => {
    // the page's own frames (attachment previews) may load app:// files; nothing else
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
