// The typed client every page uses: `import { api } from './api'`. The desktop app's preload provides
// window.api (an ApiBridge); without it we are in browser mode (`sanwu serve`) and talk HTTP.
import type { Api, ApiBridge } from '../../../shared/api';
import { browserClient, fetchFile } from './browser';
import { credentials } from './credentials';
import { desktopClient } from './desktop';

declare global {
  interface Window {
    api?: ApiBridge;
  }
}

function install(): Api {
  if (window.api) return desktopClient(window.api);
  // The token moves from the URL into this tab's storage: out of history and bookmarks, never a cookie.
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    credentials.setToken(token);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return browserClient();
}

export const api: Api = install();
export { credentials } from './credentials';
export type { Api, ApiInput, ApiMethod, ApiOutput, CallOptions } from '../../../shared/api';

export interface PageFile {
  /** for <img>, <iframe>, <a href> */
  url: string;
  name: string | null;
  /** frees a blob: URL once it is no longer shown */
  revoke: () => void;
}

/**
 * A file URL from the contract (attachments.url, downloadUrl, errorWorkbookUrls …) as the page can use
 * it: the desktop's app:// URL as it is; in browser mode the file fetched with the headers into a blob:
 * URL (no cookie carries the right to read it).
 */
export async function pageFile(url: string, type?: string): Promise<PageFile> {
  if (api.mode === 'desktop') return { url, name: null, revoke: () => {} };
  const { blob, name } = await fetchFile(url);
  const typed = type && blob.type !== type ? new Blob([blob], { type }) : blob;
  const blobUrl = URL.createObjectURL(typed);
  return { url: blobUrl, name, revoke: () => URL.revokeObjectURL(blobUrl) };
}
