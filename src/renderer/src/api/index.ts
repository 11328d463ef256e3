// The typed client every page uses: `import { api } from './api'`. The desktop app's preload provides
// window.api (an ApiBridge); without it we are in browser mode (`sanwu serve`) and talk HTTP.
import type { Api, ApiBridge } from '../../../shared/api';
import { browserClient } from './browser';
import { desktopClient } from './desktop';

declare global {
  interface Window {
    api?: ApiBridge;
  }
}

function install(): Api {
  if (window.api) return desktopClient(window.api);
  // The first page load set the session cookie: keep the token out of history and bookmarks.
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return browserClient();
}

export const api: Api = install();
export type { Api, ApiInput, ApiMethod, ApiOutput, CallOptions } from '../../../shared/api';
