// Where an archive lives: a folder (SQLite, the default) or a PostgreSQL server (`postgres://…`).
import { SanwuError } from '../../../shared/errors';

export type EngineKind = 'sqlite' | 'postgres';

/** `--db`/SANWU_DB values that name a server rather than a folder. */
export function isServerLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

export function engineKindOf(location: string): EngineKind {
  return isServerLocation(location) ? 'postgres' : 'sqlite';
}

function parsed(url: string): URL {
  try {
    return new URL(url.trim());
  } catch {
    throw new SanwuError('USAGE', `数据库地址“${redactUrl(url)}”的格式不正确。应为 postgres://用户名@服务器:端口/数据库名。`);
  }
}

/** The URL as shown to people and written to logs: the password left out. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  }
}

/** A folder-name-safe name of a server archive (host, port, database), for its local working folder. */
export function serverSlug(url: string): string {
  const u = parsed(url);
  const host = u.hostname || u.searchParams.get('host') || 'localhost';
  const port = u.port || u.searchParams.get('port') || '5432';
  const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
  return `${host}-${port}-${db}`.replace(/[^\w.\-\u4e00-\u9fff]+/g, '_').slice(0, 120);
}
