// Who may talk to `sanwu serve`: the right Host (DNS rebinding); for the API the start token (other
// local users and pages), sent as the header x-sanwu-token (or ?token=); for POST a same-origin Origin
// (cross-site requests). Nothing is ever put in a cookie: cookies are not port-scoped, so every other
// server on 127.0.0.1 would receive it.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Verdict {
  status: 200 | 401 | 403;
  message: string;
}

export const TOKEN_HEADER = 'x-sanwu-token';
export const SESSION_HEADER = 'x-sanwu-session';

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The page and its assets are the public build: only the API needs the token. */
export function checkRequest(method: string, url: URL, headers: IncomingHttpHeaders, token: string, port: number): Verdict {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(headers.host ?? '')) {
    return { status: 403, message: '拒绝访问：请通过 sanwu serve 打印的 127.0.0.1 链接打开。' };
  }
  if (!url.pathname.startsWith('/api/')) return { status: 200, message: '' };
  const authorised = sameSecret(header(headers, TOKEN_HEADER), token) || sameSecret(url.searchParams.get('token') ?? undefined, token);
  if (!authorised) {
    return { status: 401, message: '需要访问凭据：请打开 sanwu serve 在命令行打印的完整链接（含 token）。' };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const origin = headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
      return { status: 403, message: '拒绝跨站请求。' };
    }
  }
  return { status: 200, message: '' };
}
