// Every method of the contract refuses every role below its own — generated from src/shared/api.ts, so
// a new method cannot be forgotten — through each way in: the invoke path itself, browser-mode HTTP,
// the desktop's IPC path (CoreChannel → core host), and the CLI. Refusals write nothing but their
// audit entry. Handlers are stubbed: a call that gets past the rules does no work.
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, API_METHODS, type ApiMethod, type CallReply, type TaskEvent } from '../../src/shared/api';
import type { ErrorPayload } from '../../src/shared/errors';
import { ROLES, roleAtLeast, type Role } from '../../src/shared/users';
import { closeArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';
import { SessionStore } from '../../src/main/core/users/sessions';
import { CoreChannel } from '../../src/main/core-host/channel';
import { hostCore, type HostedCore } from '../../src/main/core-host/host';
import type { FromCore, ToCore } from '../../src/main/core-host/protocol';
import { COMMANDS } from '../../src/main/cli/commands';
import { HANDLERS } from '../../src/main/handlers';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv, HandlerMap } from '../../src/main/handlers/types';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import { sanwuAs } from './cli';
import { tableCounts, tempDir } from '../helpers/archive';
import { request } from '../ui-platform/http';
import { ACCOUNT, entriesSince, lastEntryId, openAccountsArchive, PASSWORD } from './fixtures';

const REACHED = 'reached the handler';
/** The real sign-in; every other method a stub. */
const stubs = Object.fromEntries(
  API_METHODS.map((m) => [m, m.startsWith('auth.') ? HANDLERS[m] : async () => REACHED]),
) as unknown as HandlerMap;

const GUARDED = API_METHODS.filter((m) => API[m].role !== null);
const below = (need: Role) => ROLES.filter((r) => !roleAtLeast(r, need));
const atOrAbove = (need: Role) => ROLES.filter((r) => roleAtLeast(r, need));
const refusals = GUARDED.flatMap((m) => below(API[m].role!).map((role) => [m, role] as const));
const allowed = GUARDED.flatMap((m) => atOrAbove(API[m].role!).map((role) => [m, role] as const));

/** A transport: call(method, input, session) → reply. */
type Call = (method: ApiMethod, input: unknown, session?: string) => Promise<CallReply>;

interface Way {
  call: Call;
  ctx: ArchiveContext;
  /** methods this way refuses to everyone (desktop-only ones over HTTP) */
  unavailable: (m: ApiMethod) => boolean;
}

function errorOf(reply: CallReply): ErrorPayload | null {
  return reply.ok ? null : reply.error;
}

/** The same generated cases for every way in. */
function rulesFor(name: string, open: () => Promise<Way>, close: () => Promise<void>): void {
  describe(name, () => {
    let way: Way;
    const sessions = new Map<Role, string>();
    beforeAll(async () => {
      way = await open();
      for (const role of ROLES) {
        const reply = await way.call('auth.signIn', { username: ACCOUNT[role], password: PASSWORD });
        if (!reply.ok) throw new Error(reply.error.message);
        sessions.set(role, (reply.value as { session: string }).session);
      }
    }, 60_000);
    afterAll(close);

    it.each(refusals)('%s refuses a signed-in %s (FORBIDDEN), writing only the audit entry', async (method, role) => {
      const counts = tableCounts(way.ctx);
      const since = lastEntryId(way.ctx);
      const error = errorOf(await way.call(method, {}, sessions.get(role)));
      if (way.unavailable(method)) return expect(error?.code).toBe('UNAVAILABLE');
      expect(error?.code).toBe('FORBIDDEN');
      expect(error?.message).toContain(`角色是${role}，无权进行这项操作`);
      expect(tableCounts(way.ctx)).toEqual({ ...counts, audit_log: counts.audit_log! + 1 });
      expect(entriesSince(way.ctx, since)).toEqual([
        expect.objectContaining({ actor: ACCOUNT[role], action: 'refused', entity: 'access', after: expect.stringContaining(`"method":"${method}"`) }),
      ]);
    });

    it.each(GUARDED)('%s refuses a call without a session, or with a forged one (AUTH_REQUIRED)', async (method) => {
      const counts = tableCounts(way.ctx);
      for (const session of [undefined, 'forged-session-id', sessions.get('管理员')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
        const error = errorOf(await way.call(method, {}, session));
        if (way.unavailable(method)) expect(error?.code).toBe('UNAVAILABLE');
        else expect(error).toMatchObject({ code: 'AUTH_REQUIRED', message: expect.stringMatching(/请先登录|请重新登录/) });
      }
      if (!way.unavailable(method)) expect(tableCounts(way.ctx)).toEqual({ ...counts, audit_log: counts.audit_log! + 3 });
    });

    it.each(allowed)('%s lets a signed-in %s through', async (method, role) => {
      const reply = await way.call(method, {}, sessions.get(role));
      const error = errorOf(reply);
      if (way.unavailable(method)) return expect(error?.code).toBe('UNAVAILABLE');
      // past the rules: the stub answers, or the empty input is refused, or (the district's work on this
      // street office's archive) the archive's kind refuses it
      if (error) expect(error.code).toBe(method.startsWith('district.') && method !== 'district.setup' ? 'CONFLICT' : 'INVALID_INPUT');
      else expect(reply).toEqual({ ok: true, value: REACHED });
    });

    it('answers app.info and auth.whoami to anyone, whoami naming the session’s account', async () => {
      expect(await way.call('app.info', {})).toEqual({ ok: true, value: REACHED });
      expect(await way.call('auth.whoami', {})).toEqual({ ok: true, value: null });
      expect(await way.call('auth.whoami', {}, sessions.get('档案员'))).toEqual({ ok: true, value: { name: 'clerk', display: '李文书', role: '档案员' } });
    });

    it('ends a session on sign-out', async () => {
      const reply = await way.call('auth.signIn', { username: 'viewer', password: PASSWORD });
      const session = (reply as { value: { session: string } }).value.session;
      expect((await way.call('records.search', {}, session)).ok).toBe(true);
      expect((await way.call('auth.signOut', {}, session)).ok).toBe(true);
      expect(errorOf(await way.call('records.search', {}, session))?.code).toBe('AUTH_REQUIRED');
    });
  });
}

// ---- the ways in ----

const tmp = tempDir('sanwu-roles-');
afterAll(() => tmp.cleanup());

const accountsArchive = (name: string): Promise<ArchiveContext> => openAccountsArchive(join(tmp.dir, name));

let direct: ArchiveContext;
const directSessions = new SessionStore();
rulesFor(
  'the invoke path (as the CLI calls it)',
  async () => {
    direct = await accountsArchive('direct');
    const env = (session?: string): HandlerEnv => ({ mode: 'cli', version: 't', sessions: directSessions, session, links: { attachment: String, download: (p) => p } });
    return { ctx: direct, call: (m, input, session) => invoke(direct, m, input, env(session), stubs), unavailable: () => false };
  },
  () => closeArchive(direct),
);

let server: RunningServer;
let served: ArchiveContext;
rulesFor(
  'browser mode over HTTP',
  async () => {
    served = await accountsArchive('served');
    server = await startServer({ ctx: served, rendererDir: tmp.dir, version: 't', handlers: stubs });
    const call: Call = async (method, input, session) => {
      const headers: Record<string, string> = { 'X-Sanwu-Token': server.token, ...(session ? { 'X-Sanwu-Session': session } : {}) };
      const res = await request(server.port, `/api/${method}`, { body: input, headers });
      expect(res.status).toBe(200);
      if (!String(res.headers['content-type']).startsWith('text/event-stream')) return JSON.parse(res.body) as CallReply;
      const events = res.body.split('\n\n').filter(Boolean).map((e) => JSON.parse(e.replace(/^data: /, '')) as TaskEvent);
      const done = events.find((e) => e.type === 'done');
      return (done as { reply: CallReply }).reply;
    };
    return { ctx: served, call, unavailable: (m) => API[m].desktopOnly };
  },
  async () => {
    await server.close();
    await closeArchive(served);
  },
);

let hosted: HostedCore | null;
const channel = new MessageChannel();
rulesFor(
  'the desktop path (IPC → core host)',
  async () => {
    const dir = join(tmp.dir, 'hosted');
    await closeArchive(await accountsArchive('hosted'));
    const core = new CoreChannel((m) => channel.port1.postMessage(m));
    channel.port1.on('message', (m: FromCore) => core.receive(m));
    hosted = await hostCore(
      { postMessage: (m) => channel.port2.postMessage(m), onMessage: (l) => channel.port2.on('message', (m: ToCore) => l(m)) },
      { dir, version: 't', actor: 'desktop-user', log: { info: () => {}, warn: () => {} }, handlers: stubs },
    );
    let task = 0;
    return { ctx: await hosted!.archive(), call: (m, input, session) => core.call(m, input, `t${++task}`, undefined, session), unavailable: () => false };
  },
  async () => {
    channel.port1.close();
    if (hosted) await closeArchive(await hosted.archive());
  },
);

// ---- the CLI: every command that opens an archive, as a user types it ----

/** Each command with the method it calls; a new command without a row fails the first test. */
const CLI: Record<string, { argv: string[]; method: ApiMethod }> = {
  demo: { argv: ['demo', '--communities', '1', '--records', '150'], method: 'demo.generate' },
  import: { argv: ['import', 'nothing.xlsx'], method: 'import.files' },
  file: { argv: ['file', '--year', '2025'], method: 'filing.run' },
  list: { argv: ['list'], method: 'records.search' },
  audit: { argv: ['audit', '--year', '2025'], method: 'audit.run' },
  attest: { argv: ['attest', '--year', '2025', '--community', '桃源社区', '--indicator', 'BJ-MZFZ-01', '--status', 'met'], method: 'audit.attest' },
  check: { argv: ['check'], method: 'check.run' },
  report: { argv: ['report', '--year', '2025', '--out', 'out'], method: 'report.write' },
  backup: { argv: ['backup', '--out', 'b.tar'], method: 'backup.write' },
  restore: { argv: ['restore', '--force', 'b.tar'], method: 'backup.restore' },
  user: { argv: ['user', 'list'], method: 'users.list' },
  appraisal: { argv: ['appraisal', 'open', '--as-of', '2025-12-31'], method: 'appraisal.open' },
  destroy: { argv: ['destroy', '--batch', '1', '--approver', 'admin', '--supervisors', '甲,乙', '--date', '2025-12-31', '--out', 'out'], method: 'destruction.approve' },
  hold: { argv: ['hold', '--record', '1', '--reason', '未结案件'], method: 'holds.set' },
  transfer: { argv: ['transfer', '--year', '2025', '--out', 'out'], method: 'transfer.write' },
  lend: { argv: ['lend', '--record', '1', '--borrower', '张三', '--purpose', '查阅'], method: 'lending.lend' },
  yearbook: { argv: ['yearbook', '--year', '2025', '--out', 'out'], method: 'yearbook.write' },
  receive: { argv: ['receive', 'package.zip'], method: 'district.receivePaths' },
  summary: { argv: ['summary', '--year', '2025', '--out', 'out'], method: 'district.summary.write' },
};
/** Commands whose named user signs in when --as is not given (destroy: its --approver). */
const SIGNS_IN_AS_NAMED = ['destroy'];
/** Commands that open no archive (template), create one (init), or serve it to signed-in pages (serve). */
const NOT_ON_AN_ARCHIVE = ['init', 'template', 'serve'];

describe('the CLI', () => {
  let cliArchive: ArchiveContext;
  let db: string;
  beforeAll(async () => {
    cliArchive = await accountsArchive('cli');
    db = cliArchive.paths.dir;
  }, 60_000);
  afterAll(() => closeArchive(cliArchive));

  it('has a row for every command on an archive', () => {
    expect(Object.keys(CLI).sort()).toEqual(Object.keys(COMMANDS).filter((c) => !NOT_ON_AN_ARCHIVE.includes(c)).sort());
  });

  const cliRefusals = Object.entries(CLI).flatMap(([command, { method }]) => below(API[method].role!).map((role) => [command, role] as const));
  it.each(cliRefusals)('sanwu %s refuses --as a %s (exit 1, nothing written but the audit entry)', async (command, role) => {
    const counts = tableCounts(cliArchive);
    const run = await sanwuAs(tmp.dir, [...CLI[command]!.argv, '--db', db], ACCOUNT[role], PASSWORD);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`角色是${role}，无权进行这项操作`);
    expect(tableCounts(cliArchive)).toEqual({ ...counts, audit_log: counts.audit_log! + 1 });
  });

  it.each(Object.keys(CLI).filter((c) => !SIGNS_IN_AS_NAMED.includes(c)))('sanwu %s without --as is refused with what to do (exit 1)', async (command) => {
    const counts = tableCounts(cliArchive);
    const run = await sanwuAs(tmp.dir, [...CLI[command]!.argv, '--db', db]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('请加 --as 用户名（或设环境变量 SANWU_USER）');
    expect(tableCounts(cliArchive)).toEqual({ ...counts, audit_log: counts.audit_log! + 1 });
  });
});
