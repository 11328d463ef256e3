// app://sanwu/… — the desktop app's own origin (instead of file://): what each URL may name.
import { resolveStatic } from './static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sanwu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type AppRoute =
  | { kind: 'static'; path: string }
  | { kind: 'attachments'; id: string; ticket?: string }
  | { kind: 'downloads'; id: string };

/** null: refused (another host, traversal, malformed). */
export function routeAppUrl(rendererDir: string, raw: string): AppRoute | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const file = /^\/(attachments|downloads)\/([A-Za-z0-9]+)$/.exec(url.pathname);
  if (file?.[1] === 'attachments') {
    const ticket = url.searchParams.get('v');
    return { kind: 'attachments', id: file[2]!, ...(ticket && /^[A-Za-z0-9_-]{1,64}$/.test(ticket) ? { ticket } : {}) };
  }
  if (file) return { kind: 'downloads', id: file[2]! };
  const path = resolveStatic(rendererDir, url.pathname);
  return path ? { kind: 'static', path } : null;
}

/** A URL of the app's own origin. */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is answered only for our own page (not a frame or page that got loaded some other way). */
export const isTrustedSender = (frameUrl: string | undefined): boolean => isAppUrl(frameUrl);

/** Sites the app may open in the system browser (the seed documents' publishers); https only. */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['www.gov.cn', 'www.mca.gov.cn', 'www.moj.gov.cn', 'www.saac.gov.cn', 'www.12371.cn'];

export function isAllowedExternal(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_ALLOWLIST.includes(url.hostname);
  } catch {
    return false;
  }
}
