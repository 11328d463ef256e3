// Who may talk to `sanwu serve`: the right Host (DNS rebinding), the token (other local users and
// pages), and for POST a same-origin Origin (cross-site requests).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Verdict {
  status: 200 | 401 | 403;
  message: string;
  /** authorised by the URL's token: the response sets the session cookie */
  setCookie: boolean;
}

export const cookieName = (port: number): string => `sanwu_${port}`;

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function checkRequest(method: string, url: URL, headers: IncomingHttpHeaders, token: string, port: number): Verdict {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(headers.host ?? '')) {
    return { status: 403, message: '拒绝访问：请通过 sanwu serve 打印的 127.0.0.1 链接打开。', setCookie: false };
  }
  const byQuery = sameSecret(url.searchParams.get('token') ?? undefined, token);
  const header = headers['x-sanwu-token'];
  const authorised =
    byQuery ||
    sameSecret(Array.isArray(header) ? header[0] : header, token) ||
    sameSecret(cookieValue(headers.cookie, cookieName(port)), token);
  if (!authorised) {
    return { status: 401, message: '需要访问凭据：请打开 sanwu serve 在命令行打印的完整链接（含 token）。', setCookie: false };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const origin = headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
      return { status: 403, message: '拒绝跨站请求。', setCookie: false };
    }
  }
  return { status: 200, message: '', setCookie: byQuery };
}
