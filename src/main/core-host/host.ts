// The core side: opens the archive and answers calls, off the Electron main thread (a utilityProcess),
// so a report never freezes the window. Every call may run concurrently; each long one can be cancelled.
// A restore swaps the archive: calls arriving meanwhile wait for the reopened one.
import { SanwuError, toErrorPayload } from '../../shared/errors';
import { closeArchive, openArchive } from '../core/archive';
import { saveServer, shownLocation } from '../core/connection';
import { isServerLocation } from '../core/db/location';
import { defaultArchiveDir, serverWorkDir } from '../core/default-location';
import { attachmentFile } from '../core/attachments/served';
import type { ArchiveContext, Logger } from '../core/context';
import { ViewLog } from '../core/lending/views';
import { SessionStore } from '../core/users/sessions';
import { FileOffers } from '../handlers/files';
import { invoke } from '../handlers/invoke';
import { throttleProgress } from '../handlers/progress';
import type { HandlerEnv, HandlerMap } from '../handlers/types';
import { APP_ORIGIN } from '../shell/app-url';
import type { CorePort, ToCore } from './protocol';
import { ViewTickets } from './view-tickets';

export interface HostOptions {
  /** the archive: a folder, or a postgres:// URL */
  dir: string;
  /** a server archive's local working folder */
  workDir?: string;
  /** desktop: the process environment, for this computer's choice of archive (设置 → 连接服务器) */
  env?: NodeJS.ProcessEnv;
  version: string;
  actor: string;
  log: Logger;
  /** where the audit log's anchor is kept, outside the archive (default-location.ts) */
  anchorDir?: string | null;
  /** the contract's handlers (tests substitute one to drive a long task) */
  handlers?: HandlerMap;
}

export interface HostedCore {
  /** the archive in use now (another one after a restore) */
  archive(): Promise<ArchiveContext>;
  /** waits until every view served so far is in the log */
  flushViews(): Promise<void>;
}

export async function hostCore(port: CorePort, options: HostOptions): Promise<HostedCore | null> {
  const offers = new FileOffers();
  // the archive's sign-ins: a restored archive has its own accounts, so they end with the swap
  const sessions = new SessionStore();
  const running = new Map<string, AbortController>();
  // 利用: attachment links name their viewer; the views of each open archive are logged in batches
  const tickets = new ViewTickets();
  const views = new WeakMap<ArchiveContext, ViewLog>();
  const viewLog = (ctx: ArchiveContext): ViewLog => {
    let log = views.get(ctx);
    if (!log) views.set(ctx, (log = new ViewLog(ctx)));
    return log;
  };
  let location = options.dir;
  const openAt = (where: string) =>
    openArchive(where, { create: true, actor: options.actor, log: options.log, workDir: isServerLocation(where) && options.env ? serverWorkDir(options.env, where) : options.workDir, anchorDir: options.anchorDir });
  const open = () => openAt(location);
  let current = open();

  /** 连接服务器: the new archive opened first; only then is the old one closed and the choice saved. */
  async function switchTo(env: NodeJS.ProcessEnv, server: string | null): Promise<{ engine: 'sqlite' | 'postgres'; location: string }> {
    const next = server ?? defaultArchiveDir(env);
    const opened = await openAt(next);
    const old = await current.catch(() => null);
    current = Promise.resolve(opened);
    location = next;
    sessions.clear();
    tickets.clear();
    if (old) {
      await views.get(old)?.flush();
      await closeArchive(old);
    }
    saveServer(env, server);
    return { engine: server === null ? 'sqlite' : 'postgres', location: shownLocation(next) };
  }

  async function replaceArchive<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const ctx = await current;
    let reopened!: (c: Promise<ArchiveContext>) => void;
    current = new Promise<ArchiveContext>((resolve) => (reopened = (c) => resolve(c)));
    await views.get(ctx)?.flush();
    await closeArchive(ctx);
    sessions.clear();
    tickets.clear();
    try {
      return await work(location);
    } finally {
      reopened(open());
    }
  }

  const envFor = (taskId: string, signal: AbortSignal, session: string | undefined): HandlerEnv => ({
    mode: 'desktop',
    version: options.version,
    sessions,
    session,
    signal,
    onProgress: throttleProgress((progress) => port.postMessage({ type: 'progress', taskId, progress })),
    links: {
      attachment: (id, viewer) => `${APP_ORIGIN}/attachments/${id}?v=${tickets.issue(id, viewer, session)}`,
      download: (path, name) => `${APP_ORIGIN}/downloads/${offers.offer(path, name)}`,
    },
    reveal: (path) => port.postMessage({ type: 'reveal', path }),
    replaceArchive,
    ...(options.env ? { connection: { env: options.env, switchTo: (server: string | null) => switchTo(options.env!, server) } } : {}),
  });

  async function handle(ctx: ArchiveContext, m: ToCore): Promise<void> {
    if (m.type === 'cancel') {
      running.get(m.taskId)?.abort();
    } else if (m.type === 'call') {
      const controller = new AbortController();
      running.set(m.taskId, controller);
      try {
        const reply = await invoke(ctx, m.method, m.input, envFor(m.taskId, controller.signal, m.session), options.handlers);
        port.postMessage({ type: 'reply', taskId: m.taskId, reply });
      } finally {
        running.delete(m.taskId);
      }
    } else {
      try {
        if (m.kind === 'downloads') {
          port.postMessage({ type: 'file', requestId: m.requestId, file: offers.get(m.id) });
          return;
        }
        const id = Number(m.id);
        const ticket = tickets.get(id, m.ticket);
        if (ticket === undefined) throw new SanwuError('NOT_FOUND', '这个附件链接已失效（档案库已重新打开，或链接不是本程序给出的）。请在档案中重新打开该附件。');
        // a link given under a sign-in serves only while it lasts (signed out, timed out, password reset)
        if (ticket.session !== undefined && typeof sessions.use(ticket.session, ctx.clock.now()) !== 'object') {
          throw new SanwuError('NOT_FOUND', '这个附件链接已失效（已退出登录或登录已过期）。请登录后在档案中重新打开该附件。');
        }
        const file = await attachmentFile(ctx, id);
        port.postMessage({ type: 'file', requestId: m.requestId, file });
        viewLog(ctx).note(ticket.viewer, id);
      } catch (e) {
        port.postMessage({ type: 'file', requestId: m.requestId, file: null, error: toErrorPayload(e) });
      }
    }
  }

  /** No archive to answer with (it failed to open): every request still gets its answer. */
  function refuse(m: ToCore, e: unknown): void {
    const error = toErrorPayload(e);
    if (m.type === 'call') port.postMessage({ type: 'reply', taskId: m.taskId, reply: { ok: false, error } });
    else if (m.type === 'file') port.postMessage({ type: 'file', requestId: m.requestId, file: null, error });
  }

  // Listen at once: messages sent while the archive opens wait for it instead of being lost.
  port.onMessage((m) => {
    current
      .then((ctx) => handle(ctx, m), (e: unknown) => refuse(m, e))
      .catch((e: unknown) => options.log.warn(String((e as Error).stack ?? e)));
  });
  try {
    const ctx = await current;
    port.postMessage({ type: 'ready', archiveDir: ctx.paths.dir });
    return { archive: () => current, flushViews: async () => viewLog(await current).flush() };
  } catch (e) {
    port.postMessage({ type: 'failed', error: toErrorPayload(e) });
    return null;
  }
}
