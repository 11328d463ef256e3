// 设置 → 连接服务器: which archive the app uses (a folder, or a PostgreSQL server several clerks share).
import type { ConnectionInfo } from '../../shared/api';
import { probeServer, savedServer, shownLocation } from '../core/connection';
import type { ArchiveContext } from '../core/context';
import { engineOf, redactUrl } from '../core/db';
import type { HandlerEnv, Handlers } from './types';
import { desktopOnly } from './unavailable';

function info(ctx: ArchiveContext, env: HandlerEnv): ConnectionInfo {
  const saved = env.connection ? savedServer(env.connection.env) : null;
  return {
    engine: engineOf(ctx.db).kind,
    location: ctx.paths.server ?? shownLocation(ctx.paths.dir),
    saved: saved === null ? null : redactUrl(saved),
    switchable: env.connection !== undefined,
  };
}

export const connectionHandlers: Handlers<'connection.get' | 'connection.test' | 'connection.set'> = {
  'connection.get': async (ctx, _input, env) => info(ctx, env),
  'connection.test': async (_ctx, { server }, env) => {
    if (!env.connection) throw desktopOnly('connection.test');
    return probeServer(env.connection.env, server);
  },
  'connection.set': async (_ctx, { server }, env) => {
    if (!env.connection) throw desktopOnly('connection.set');
    const now = await env.connection.switchTo(server);
    return { ...now, saved: server === null ? null : redactUrl(server), switchable: true };
  },
};
