// Browser mode: the renderer and the contract over HTTP on 127.0.0.1 (DESIGN.md "browser mode").
// POST /api/<method> with JSON answers a CallReply; long methods answer a server-sent event stream of
// TaskEvents, and closing it cancels the task. GET /api/attachments/ID and /api/downloads/ID serve files
// to the same headers (the page fetches them into blob: URLs). The token and the signed-in session
// travel as headers only (x-sanwu-token, x-sanwu-session), never as cookies.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API, isApiMethod, type CallReply, type TaskEvent } from '../../../shared/api';
import type { Progress } from '../../../shared/domain';
import { SanwuError, toErrorPayload } from '../../../shared/errors';
import { attachmentFile } from '../../core/attachments/served';
import type { ArchiveContext } from '../../core/context';
import { ViewLog } from '../../core/lending/views';
import { SessionStore } from '../../core/users/sessions';
import { CSP, FILE_CSP } from '../../shell/csp';
import { FileOffers, type ServedFile } from '../../handlers/files';
import { invoke } from '../../handlers/invoke';
import { throttleProgress } from '../../handlers/progress';
import type { HandlerEnv, HandlerMap } from '../../handlers/types';
import { holdArchive } from '../held-archive';
import { fileHeaders, mimeTypeOf, resolveStatic } from '../../shell/static-files';
import { checkRequest, header, SESSION_HEADER } from './guard';

export interface ServeOptions {
  ctx: ArchiveContext;
  /** opens the archive again after a restore replaced it (without it, restore is the desktop's only) */
  reopen?: () => Promise<ArchiveContext>;
  /** where a restore puts the backup: the archive's folder (the default) or its postgres:// URL */
  location?: string;
  /** the built renderer (index.html and assets) */
  rendererDir: string;
  version: string;
  /** 0 or absent: a free port */
  port?: number;
  /** tests pass their own; otherwise a fresh random one */
  token?: string;
  /** the contract's handlers (tests substitute one to drive a long task) */
  handlers?: HandlerMap;
  /** where views are logged (利用); the benchmark substitutes one that logs nothing, as its floor */
  views?: Pick<ViewLog, 'note' | 'flush'>;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** waits until every file view served so far is in the log (利用) */
  flushViews(): Promise<void>;
  /** the archive served now (another one after a restore) */
  archive(): Promise<ArchiveContext>;
  close(): Promise<void>;
}

/** JSON bodies carry base64 workbooks and attachments. */
const MAX_BODY = 300 * 1024 * 1024;

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

/** Whether the file's bytes were sent (a GET of a file that is there). */
function sendFile(req: IncomingMessage, res: ServerResponse, file: ServedFile, download: boolean): boolean {
  if (!existsSync(file.path)) {
    sendText(res, 404, `文件“${file.name}”在档案文件夹中找不到，请运行 sanwu check 检查。`);
    return false;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, ...fileHeaders(file.mediaType, file.name, download), 'Content-Security-Policy': FILE_CSP, 'Content-Length': statSync(file.path).size });
  if (req.method === 'HEAD') {
    res.end();
    return false;
  }
  createReadStream(file.path).pipe(res);
  return true;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SanwuError('INVALID_INPUT', '上传的内容超过 300 MB，请分批导入或压缩扫描件后再试。');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SanwuError('INVALID_INPUT', '请求内容不是有效的 JSON。');
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { rendererDir, version } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const offers = new FileOffers();
  const sessions = new SessionStore();
  // a restored archive has its own accounts: the sign-ins end with the swap
  const held = holdArchive(options.ctx, options.location ?? options.ctx.paths.dir, options.reopen ?? (() => Promise.resolve(options.ctx)), () => sessions.clear());
  const running = new Set<AbortController>();
  // one view log per archive served (a restore serves another)
  const viewLogs = new Map<ArchiveContext, Pick<ViewLog, 'note' | 'flush'>>();
  const viewsOf = (ctx: ArchiveContext): Pick<ViewLog, 'note' | 'flush'> => {
    let log = options.views ?? viewLogs.get(ctx);
    if (!log) viewLogs.set(ctx, (log = new ViewLog(ctx)));
    return log;
  };
  const flushViews = async (): Promise<void> => {
    await options.views?.flush();
    for (const log of viewLogs.values()) await log.flush();
  };
  let port = 0;

  const envFor = (session: string | undefined, onProgress?: (p: Progress) => void, signal?: AbortSignal): HandlerEnv => ({
    mode: 'browser',
    version,
    sessions,
    session,
    onProgress,
    signal,
    links: {
      attachment: (id) => `/api/attachments/${id}`,
      download: (path, name) => `/api/downloads/${offers.offer(path, name, session)}`,
    },
    ...(options.reopen ? { replaceArchive: held.replace } : {}),
  });

  /** A stored attachment, to a caller the contract lets see it (attachments.url's rule), who that is, and the archive. */
  async function attachment(id: number, session: string | undefined): Promise<{ file: ServedFile; viewer: string; ctx: ArchiveContext }> {
    const ctx = await held.current();
    const env = envFor(session);
    let viewer = '';
    const noteViewer = (aid: number, who: string): string => {
      viewer = who;
      return env.links.attachment(aid, who);
    };
    const asked: HandlerEnv = { ...env, links: { ...env.links, attachment: noteViewer } };
    const reply = await invoke(ctx, 'attachments.url', { id }, asked, options.handlers);
    if (!reply.ok) throw new SanwuError(reply.error.code, reply.error.message);
    return { file: await attachmentFile(ctx, id), viewer, ctx };
  }

  async function callLong(method: string, input: unknown, session: string | undefined, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    running.add(controller);
    let finished = false;
    res.on('close', () => {
      if (!finished) controller.abort();
    });
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    const send = (event: TaskEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    const onProgress = throttleProgress((progress) => send({ type: 'progress', progress }));
    try {
      const reply = await invoke(await held.current(), method, input, envFor(session, onProgress, controller.signal), options.handlers);
      finished = true;
      send({ type: 'done', reply });
      res.end();
    } finally {
      running.delete(controller);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const get = req.method === 'GET' || req.method === 'HEAD';
    const session = header(req.headers, SESSION_HEADER);
    const file = /^\/api\/(attachments|downloads)\/([A-Za-z0-9]+)$/.exec(path);
    if (file && get) {
      const [, kind, id] = file;
      try {
        if (kind === 'attachments') {
          const { file, viewer, ctx } = await attachment(Number(id), session);
          // 利用: logged after the bytes start on their way, in a batch; the view never waits for it
          if (sendFile(req, res, file, false) && viewer) viewsOf(ctx).note(viewer, Number(id));
        } else sendFile(req, res, offers.get(id!, session), true);
      } catch (e) {
        const error = toErrorPayload(e);
        sendText(res, error.code === 'AUTH_REQUIRED' ? 401 : error.code === 'FORBIDDEN' ? 403 : 404, error.message);
      }
      return;
    }
    const method = path.slice('/api/'.length);
    if (req.method !== 'POST' || !isApiMethod(method)) {
      return sendJson(res, 404, { ok: false, error: toErrorPayload(new SanwuError('NOT_FOUND', `没有接口 ${req.method} ${path}。`)) });
    }
    let input: unknown;
    try {
      input = await readBody(req);
    } catch (e) {
      return sendJson(res, 413, { ok: false, error: toErrorPayload(e) } satisfies CallReply);
    }
    if (API[method].long) return callLong(method, input, session, res);
    sendJson(res, 200, await invoke(await held.current(), method, input, envFor(session), options.handlers));
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    const file = resolveStatic(rendererDir, path);
    if (!file) return sendText(res, 403, '拒绝访问。');
    if (!existsSync(file) || !statSync(file).isFile()) return sendText(res, 404, '找不到该页面。');
    const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Content-Length': statSync(file).size };
    if (file.endsWith('.html')) Object.assign(headers, { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' });
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(req.method ?? 'GET', url, req.headers, token, port);
    if (verdict.status !== 200) return sendText(res, verdict.status, verdict.message);
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url.pathname)
      : req.method === 'GET' || req.method === 'HEAD'
        ? Promise.resolve(handleStatic(req, res, url.pathname))
        : Promise.resolve(sendText(res, 405, '不支持的请求方法。'));
    work.catch(async (e: unknown) => {
      (await held.current()).log.warn(`serve ${req.method} ${url.pathname}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorPayload(e) });
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new SanwuError('CONFLICT', `端口 ${options.port} 已被占用。请换一个 --port，或用 --port 0 自动选择。`) : e),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    flushViews,
    archive: held.current,
    close: async () => {
      await new Promise<void>((done) => {
        for (const c of running) c.abort();
        server.close(() => done());
        server.closeAllConnections();
      });
      await flushViews();
    },
  };
}
