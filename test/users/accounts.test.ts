// Accounts in core/users: scrypt hashes with their own salt, the lockout, the last 管理员 kept (by the
// core and again by the database), names normalised, and every change audited without the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, disableUser, enableUser, listUsers, setUserPassword, setUserRole } from '../../src/main/core/users/repository';
import { hashPassword, verifyPassword } from '../../src/main/core/users/password';
import { signIn } from '../../src/main/core/users/sign-in';
import { usernameSchema } from '../../src/shared/users';
import { raw, tableCounts, tempArchive, type TestArchive } from '../helpers/archive';
import { archiveWithAccounts, auditText, entriesSince, lastEntryId, movableClock, PASSWORD, type MovableClock } from './fixtures';

let clock: MovableClock;
let archive: TestArchive;

beforeAll(async () => {
  clock = movableClock();
  archive = await archiveWithAccounts(clock);
});
afterAll(() => archive.close());

const hashOf = (name: string) => (raw(archive.ctx).prepare('SELECT password_hash FROM users WHERE username = ?').get(name) as { password_hash: string }).password_hash;

describe('passwords', () => {
  it('are scrypt hashes with a per-user random salt, never the password', async () => {
    const [a, b] = [hashPassword(PASSWORD), hashPassword(PASSWORD)];
    expect(await a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await a).not.toBe(await b);
    expect(await verifyPassword(PASSWORD, await a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, await a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain-text-in-the-column')).toBe(false);
    expect(hashOf('admin')).not.toBe(hashOf('clerk'));
    expect(hashOf('admin')).not.toContain(PASSWORD);
  });

  it('stay out of the audit log, as do their hashes', () => {
    const text = auditText(archive.ctx);
    expect(text).not.toContain(PASSWORD);
    for (const name of ['admin', 'clerk', 'viewer']) expect(text).not.toContain(hashOf(name).split('$')[5]);
  });
});

describe('user names', () => {
  it('are compared as stored: trimmed, half-width, lower case', () => {
    expect(usernameSchema.parse('  ＡＤＭＩＮ ')).toBe('admin');
    expect(usernameSchema.parse('张三')).toBe('张三');
    expect(usernameSchema.safeParse('a').success).toBe(false);
    expect(usernameSchema.safeParse('admin; DROP TABLE users').success).toBe(false);
    expect(usernameSchema.safeParse('-admin').success).toBe(false);
  });

  it('are never re-used, even of a disabled account', async () => {
    await expect(createUser(archive.ctx, { name: 'viewer', role: '查阅', password: PASSWORD })).rejects.toThrow('用户名“viewer”已被使用');
  });
});

describe('the first account', () => {
  it('must be a 管理员, so that someone can manage the rest', async () => {
    const empty = await tempArchive();
    try {
      const before = tableCounts(empty.ctx);
      await expect(createUser(empty.ctx, { name: 'clerk', role: '档案员', password: PASSWORD })).rejects.toThrow('第一个账号必须是管理员');
      expect(tableCounts(empty.ctx)).toEqual(before);
      await createUser(empty.ctx, { name: 'boss', role: '管理员', password: PASSWORD });
      expect(await listUsers(empty.ctx)).toEqual([{ name: 'boss', display: '', role: '管理员', active: true }]);
    } finally {
      await empty.close();
    }
  });
});

describe('the last active 管理员', () => {
  it('can be neither disabled nor demoted; with a second 管理员 it can', async () => {
    const before = tableCounts(archive.ctx);
    await expect(disableUser(archive.ctx, 'admin')).rejects.toThrow('“admin”是唯一在用的管理员，不能停用');
    await expect(setUserRole(archive.ctx, 'admin', '档案员')).rejects.toThrow('不能改为档案员');
    expect(tableCounts(archive.ctx)).toEqual(before);
    await setUserRole(archive.ctx, 'clerk', '管理员');
    await setUserRole(archive.ctx, 'admin', '查阅');
    await setUserRole(archive.ctx, 'admin', '管理员');
    await setUserRole(archive.ctx, 'clerk', '档案员');
    expect((await listUsers(archive.ctx)).map((u) => [u.name, u.role])).toEqual([
      ['admin', '管理员'],
      ['clerk', '档案员'],
      ['viewer', '查阅'],
    ]);
  });

  it('is kept by the database too, whatever writes to it', () => {
    const sql = raw(archive.ctx);
    expect(() => sql.prepare(`UPDATE users SET role = '查阅' WHERE username = 'admin'`).run()).toThrow('至少要保留一个在用的管理员');
    expect(() => sql.prepare(`UPDATE users SET disabled_at = 'now' WHERE role = '管理员'`).run()).toThrow('至少要保留一个在用的管理员');
    expect(() => sql.prepare(`DELETE FROM users WHERE username = 'viewer'`).run()).toThrow('用户账号不能删除');
    expect(() => sql.prepare(`UPDATE users SET username = 'boss' WHERE username = 'admin'`).run()).toThrow('用户名不能修改');
  });
});

describe('changes to accounts', () => {
  it('are each audited with who did it, before and after — never a password or hash', async () => {
    const since = lastEntryId(archive.ctx);
    const ctx = { ...archive.ctx, actor: 'admin' };
    await createUser(ctx, { name: 'guest', role: '查阅', display: '访客', password: 'guest-password' });
    await disableUser(ctx, 'guest');
    await enableUser(ctx, 'guest');
    await setUserRole(ctx, 'guest', '档案员');
    await setUserPassword(ctx, 'guest', 'another-password');
    const entries = entriesSince(archive.ctx, since);
    expect(entries.map((e) => [e.actor, e.action, e.entity])).toEqual([
      ['admin', 'create', 'user'],
      ['admin', 'disable', 'user'],
      ['admin', 'enable', 'user'],
      ['admin', 'role', 'user'],
      ['admin', 'password', 'user'],
    ]);
    expect(JSON.parse(entries[3]!.before!)).toEqual({ name: 'guest', display: '访客', role: '查阅', active: true });
    expect(JSON.parse(entries[3]!.after!)).toEqual({ name: 'guest', display: '访客', role: '档案员', active: true });
    const text = auditText(archive.ctx);
    expect(text).not.toContain('guest-password');
    expect(text).not.toContain('another-password');
    expect(text).not.toContain('scrypt$');
  });
});

describe('signing in', () => {
  it('answers who signed in', async () => {
    expect(await signIn(archive.ctx, ' Clerk ', PASSWORD)).toMatchObject({ identity: { name: 'clerk', role: '档案员', display: '李文书' } });
  });

  it('refuses a wrong password and an unknown name alike, audited with the name tried and never the password', async () => {
    const since = lastEntryId(archive.ctx);
    await expect(signIn(archive.ctx, 'clerk', 'wrong-password')).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('用户名或密码不正确') });
    await expect(signIn(archive.ctx, 'nobody', 'wrong-password')).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('用户名或密码不正确') });
    const entries = entriesSince(archive.ctx, since);
    expect(entries.map((e) => [e.actor, e.action, JSON.parse(e.after!).reason])).toEqual([
      ['clerk', 'signInRefused', 'password'],
      ['nobody', 'signInRefused', 'unknown'],
    ]);
    expect(auditText(archive.ctx)).not.toContain('wrong-password');
    // a success clears the failures, and says so
    await signIn(archive.ctx, 'clerk', PASSWORD);
    expect(entriesSince(archive.ctx, since).at(-1)).toMatchObject({ actor: 'clerk', action: 'signIn' });
  });

  it('refuses a disabled account with the right password, saying so', async () => {
    await disableUser(archive.ctx, 'guest');
    await expect(signIn(archive.ctx, 'guest', 'another-password')).rejects.toThrow('账号“guest”已停用');
    await expect(signIn(archive.ctx, 'guest', 'not-it-at-all')).rejects.toThrow('用户名或密码不正确');
  });

  it('locks an account for 15 minutes after 5 wrong passwords in a row, even against the right one', async () => {
    for (let i = 1; i <= 4; i++) await expect(signIn(archive.ctx, 'viewer', `wrong-${i}-password`)).rejects.toThrow('用户名或密码不正确');
    await expect(signIn(archive.ctx, 'viewer', 'wrong-5-password')).rejects.toThrow('已锁定 15 分钟');
    const since = lastEntryId(archive.ctx);
    await expect(signIn(archive.ctx, 'viewer', PASSWORD)).rejects.toThrow(/因连续 5 次密码错误已锁定，请于 2025-12-31 \d\d:15 后再试/);
    expect(entriesSince(archive.ctx, since).map((e) => JSON.parse(e.after!).reason)).toEqual(['locked']);
    expect((await listUsers(archive.ctx)).find((u) => u.name === 'viewer')?.lockedUntil).toBe('2025-12-31T02:15:00.000Z');
    clock.advance(14);
    await expect(signIn(archive.ctx, 'viewer', PASSWORD)).rejects.toThrow('已锁定');
    clock.advance(2);
    expect((await signIn(archive.ctx, 'viewer', PASSWORD)).identity.name).toBe('viewer');
  });

  it('lets a 管理员 lift a lock by setting a new password', async () => {
    for (let i = 1; i <= 5; i++) await signIn(archive.ctx, 'clerk', 'wrong-password').catch(() => {});
    await expect(signIn(archive.ctx, 'clerk', PASSWORD)).rejects.toThrow('已锁定');
    await setUserPassword(archive.ctx, 'clerk', PASSWORD);
    expect((await signIn(archive.ctx, 'clerk', PASSWORD)).identity.name).toBe('clerk');
  });
});
