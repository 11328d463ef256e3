// Attacks on sign-in over browser-mode HTTP, as a script on this computer would make them: each is
// refused with a Chinese message, writes nothing but its audit entry, and the entry never holds a password.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReply } from '../../src/shared/api';
import { closeArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import { tableCounts, tempDir } from '../helpers/archive';
import { request } from '../ui-platform/http';
import { auditText, entriesSince, lastEntryId, movableClock, openAccountsArchive, PASSWORD } from './fixtures';

const tmp = tempDir('sanwu-attacks-');
const clock = movableClock();
let ctx: ArchiveContext;
let other: ArchiveContext;
let server: RunningServer;
let otherServer: RunningServer;

beforeAll(async () => {
  ctx = await openAccountsArchive(join(tmp.dir, 'a'), clock);
  other = await openAccountsArchive(join(tmp.dir, 'b'));
  server = await startServer({ ctx, rendererDir: tmp.dir, version: 't' });
  otherServer = await startServer({ ctx: other, rendererDir: tmp.dir, version: 't' });
}, 60_000);

afterAll(async () => {
  await server.close();
  await otherServer.close();
  await closeArchive(ctx);
  await closeArchive(other);
  tmp.cleanup();
});

async function call(method: string, body: unknown, session?: string, to = server): Promise<CallReply> {
  const res = await request(to.port, `/api/${method}`, { body, headers: { 'X-Sanwu-Token': to.token, ...(session ? { 'X-Sanwu-Session': session } : {}) } });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as CallReply;
}

async function signIn(username: string, password = PASSWORD, to = server): Promise<string> {
  const reply = await call('auth.signIn', { username, password }, undefined, to);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.value as { session: string }).session;
}

/** The call is refused with `code` and a Chinese `message`; only the audit log grew, by one entry about it. */
async function refusedAndAudited(method: string, body: unknown, session: string | undefined, code: string, message: RegExp | string): Promise<Record<string, unknown>> {
  const counts = tableCounts(ctx);
  const since = lastEntryId(ctx);
  const reply = await call(method, body, session);
  expect(reply).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  expect(tableCounts(ctx)).toEqual({ ...counts, audit_log: counts.audit_log! + 1 });
  const [entry, ...more] = entriesSince(ctx, since);
  expect(more).toEqual([]);
  return { ...entry, after: JSON.parse(entry!.after!) as unknown };
}

describe('signing in over HTTP', () => {
  it('answers the account and a session for the header x-sanwu-session', async () => {
    const reply = await call('auth.signIn', { username: 'clerk', password: PASSWORD });
    expect(reply).toMatchObject({ ok: true, value: { name: 'clerk', display: '李文书', role: '档案员', session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
    expect(await call('auth.whoami', {}, (reply as { value: { session: string } }).value.session)).toEqual({ ok: true, value: { name: 'clerk', display: '李文书', role: '档案员' } });
  });

  it('refuses a wrong password, audited without it', async () => {
    const entry = await refusedAndAudited('auth.signIn', { username: 'clerk', password: 'not-the-password' }, undefined, 'AUTH_FAILED', /^用户名或密码不正确/);
    expect(entry).toMatchObject({ actor: 'clerk', action: 'signInRefused', after: { name: 'clerk', reason: 'password', failures: 1 } });
    expect(auditText(ctx)).not.toContain('not-the-password');
  });

  it('refuses an unknown user the same way', async () => {
    const entry = await refusedAndAudited('auth.signIn', { username: 'mallory', password: 'guess-guess' }, undefined, 'AUTH_FAILED', /^用户名或密码不正确/);
    expect(entry).toMatchObject({ actor: 'mallory', after: { name: 'mallory', reason: 'unknown' } });
    expect(auditText(ctx)).not.toContain('guess-guess');
  });

  it('refuses a disabled user, and ends the sessions it had', async () => {
    const admin = await signIn('admin');
    expect((await call('users.add', { name: 'temp', role: '查阅', password: 'temp-password' }, admin)).ok).toBe(true);
    const temp = await signIn('temp', 'temp-password');
    expect((await call('records.search', {}, temp)).ok).toBe(true);
    expect((await call('users.disable', { name: 'temp' }, admin)).ok).toBe(true);
    await refusedAndAudited('records.search', {}, temp, 'AUTH_REQUIRED', /请重新登录/);
    const entry = await refusedAndAudited('auth.signIn', { username: 'temp', password: 'temp-password' }, undefined, 'AUTH_FAILED', '账号“temp”已停用');
    expect(entry).toMatchObject({ after: { reason: 'disabled' } });
  });

  it('locks an account after 5 wrong passwords for 15 minutes', async () => {
    for (let i = 0; i < 4; i++) expect((await call('auth.signIn', { username: 'viewer', password: 'wrong-password' })).ok).toBe(false);
    const locking = await refusedAndAudited('auth.signIn', { username: 'viewer', password: 'wrong-password' }, undefined, 'AUTH_FAILED', /已锁定 15 分钟/);
    expect(locking).toMatchObject({ after: { reason: 'locked-now', failures: 5 } });
    await refusedAndAudited('auth.signIn', { username: 'viewer', password: PASSWORD }, undefined, 'AUTH_FAILED', /已锁定，请于/);
    clock.advance(16);
    expect((await call('auth.signIn', { username: 'viewer', password: PASSWORD })).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('refuses a forged session', async () => {
    const entry = await refusedAndAudited('records.search', {}, 'a'.repeat(43), 'AUTH_REQUIRED', '登录凭据无效');
    expect(entry).toMatchObject({ actor: '（未登录）', action: 'refused', entity: 'access', after: { method: 'records.search', code: 'AUTH_REQUIRED' } });
  });

  it('refuses a session unused for 30 minutes', async () => {
    const session = await signIn('clerk');
    clock.advance(29);
    expect((await call('records.search', {}, session)).ok).toBe(true);
    clock.advance(31);
    await refusedAndAudited('records.search', {}, session, 'AUTH_REQUIRED', '已超过 30 分钟未操作，登录已失效，请重新登录');
  });

  it('refuses a session of another archive, though it has the same accounts', async () => {
    const elsewhere = await signIn('admin', PASSWORD, otherServer);
    expect((await call('records.search', {}, elsewhere, otherServer)).ok).toBe(true);
    await refusedAndAudited('records.search', {}, elsewhere, 'AUTH_REQUIRED', '登录凭据无效');
    await refusedAndAudited('users.add', { name: 'intruder', role: '管理员', password: 'intruder-pw' }, elsewhere, 'AUTH_REQUIRED', '登录凭据无效');
    // and the other server's token is no token here
    expect((await request(server.port, '/api/app.info', { body: {}, headers: { 'X-Sanwu-Token': otherServer.token } })).status).toBe(401);
  });

  it('takes a new role at once', async () => {
    const admin = await signIn('admin');
    const clerk = await signIn('clerk');
    expect((await call('codeTemplate.set', { template: '{全宗号}-{门类}·{年度}-{保管期限}-{件号}' }, clerk)).ok).toBe(false);
    expect((await call('users.setRole', { name: 'clerk', role: '查阅' }, admin)).ok).toBe(true);
    await refusedAndAudited('records.void', { id: 1, reason: '重复' }, clerk, 'FORBIDDEN', '角色是查阅');
    expect((await call('users.setRole', { name: 'clerk', role: '档案员' }, admin)).ok).toBe(true);
  });
});

describe('a 查阅 calling write methods directly', () => {
  it('is refused, nothing written, the attempt audited with its name', async () => {
    const viewer = await signIn('viewer');
    expect((await call('communities.list', {}, viewer)).ok).toBe(true);
    const entry = await refusedAndAudited(
      'records.create',
      { communityId: 1, affair: '居务', kind: '居民会议', title: '查阅员偷偷新建', date: '2025-05-01' },
      viewer,
      'FORBIDDEN',
      '当前账号“viewer”的角色是查阅，无权进行这项操作（需要档案员或管理员）',
    );
    expect(entry).toMatchObject({ actor: 'viewer', after: { method: 'records.create', code: 'FORBIDDEN' } });
    await refusedAndAudited('users.add', { name: 'friend', role: '管理员', password: 'friend-password' }, viewer, 'FORBIDDEN', '需要管理员');
    expect(auditText(ctx)).not.toContain('friend-password');
  });
});

describe('passwords of 7 characters', () => {
  it('are refused for a new account, a reset and one’s own change, audited without the password', async () => {
    const admin = await signIn('admin');
    const entry = await refusedAndAudited('users.add', { name: 'shorty', role: '查阅', password: 'abc1234' }, admin, 'INVALID_INPUT', '密码至少 8 个字符');
    expect(entry).toMatchObject({ actor: 'admin', action: 'refused', after: { method: 'users.add', code: 'INVALID_INPUT' } });
    await refusedAndAudited('users.setPassword', { name: 'clerk', password: 'abc1234' }, admin, 'INVALID_INPUT', '密码至少 8 个字符');
    const viewer = await signIn('viewer');
    await refusedAndAudited('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'abc1234' }, viewer, 'INVALID_INPUT', '密码至少 8 个字符');
    await refusedAndAudited('auth.changePassword', { oldPassword: 'not-my-password', newPassword: 'long-enough-1' }, viewer, 'AUTH_FAILED', '原密码不正确');
    expect(auditText(ctx)).not.toMatch(/abc1234|not-my-password|long-enough-1/);
  });

  it('an 8-character one is taken, and signs in', async () => {
    const viewer = await signIn('viewer');
    expect(await call('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'abcd1234' }, viewer)).toEqual({ ok: true, value: null });
    await signIn('viewer', 'abcd1234');
  });
});

describe('the last 管理员 over HTTP', () => {
  it('cannot disable or demote itself', async () => {
    const admin = await signIn('admin');
    await refusedAndAudited('users.disable', { name: 'admin' }, admin, 'CONFLICT', '唯一在用的管理员');
    await refusedAndAudited('users.setRole', { name: 'admin', role: '查阅' }, admin, 'CONFLICT', '唯一在用的管理员');
  });
});

describe('files with accounts', () => {
  it('are served only to a signed-in session, whatever the attachment', async () => {
    const clerk = await signIn('clerk');
    const record = (await call('records.create', { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-04-01' }, clerk)) as { value: { id: number } };
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const added = (await call('attachments.add', { recordId: record.value.id, name: '照片.png', dataBase64: png.toString('base64') }, clerk)) as { value: { id: number } };
    const token = { 'X-Sanwu-Token': server.token };
    const get = (id: number, session?: string) => request(server.port, `/api/attachments/${id}`, { headers: { ...token, ...(session ? { 'X-Sanwu-Session': session } : {}) } });
    expect((await get(added.value.id)).status).toBe(401);
    expect((await get(99999)).status).toBe(401);
    const viewer = await signIn('viewer', 'abcd1234');
    expect((await get(added.value.id, viewer)).status).toBe(200);
    expect((await get(99999, viewer)).status).toBe(404);
  });

  it('offers downloads to the session that made them only', async () => {
    const admin = await signIn('admin');
    const backup = (await call('backup.create', {}, admin)) as { value: { download: string } };
    const fetch = (session: string) => request(server.port, backup.value.download, { headers: { 'X-Sanwu-Token': server.token, 'X-Sanwu-Session': session } });
    expect((await fetch(admin)).status).toBe(200);
    expect((await fetch(await signIn('clerk'))).status).toBe(404);
  });
});
