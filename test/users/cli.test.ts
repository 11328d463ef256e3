// The CLI with accounts, as DESIGN.md gives it: init --admin, demo --users, user …, --as with
// SANWU_USER / SANWU_PASSWORD, the audit log naming who acted; and archives without accounts as before.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { raw, tempDir } from '../helpers/archive';
import { sanwuAs } from './cli';
import { auditText } from './fixtures';

const tmp = tempDir('sanwu-users-cli-');
afterAll(() => tmp.cleanup());

const NEW = { SANWU_NEW_PASSWORD: 'boss-password-1' };

async function actors(dir: string): Promise<string[]> {
  const ctx = await openArchive(dir);
  try {
    return (raw(ctx).prepare('SELECT actor FROM audit_log ORDER BY id').all() as { actor: string }[]).map((r) => r.actor);
  } finally {
    await closeArchive(ctx);
  }
}

describe('sanwu init --admin', () => {
  const db = join(tmp.dir, 'init');

  it('refuses a 7-character password before creating anything (exit 1)', async () => {
    const run = await sanwuAs(tmp.dir, ['init', '--db', db, '--name', '幸福路街道', '--admin', 'boss'], undefined, undefined, { SANWU_NEW_PASSWORD: 'short12' });
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('管理员“boss”的密码至少 8 个字符') });
    expect((await sanwuAs(tmp.dir, ['list', '--db', db])).stderr).toContain('没有找到档案库');
  });

  it('refuses to run without a password where nobody can type one', async () => {
    const run = await sanwuAs(tmp.dir, ['init', '--db', db, '--name', '幸福路街道', '--admin', 'boss']);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('SANWU_NEW_PASSWORD') });
  });

  it('creates the archive with its first 管理员, whose password then signs in', async () => {
    const run = await sanwuAs(tmp.dir, ['init', '--db', db, '--name', '幸福路街道', '--admin', 'Boss'], undefined, undefined, NEW);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('管理员账号：boss') });
    const list = await sanwuAs(tmp.dir, ['user', 'list', '--db', db, '--json'], 'boss', 'boss-password-1');
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ users: [{ name: 'boss', display: '', role: '管理员', active: true }] });
  });

  it('then needs --as for every command, reads included (exit 1, what to do in Chinese)', async () => {
    const run = await sanwuAs(tmp.dir, ['list', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('此档案库已设置用户账号，命令行也须指明身份：请加 --as 用户名（或设环境变量 SANWU_USER）');
    expect((await sanwuAs(tmp.dir, ['list', '--db', db], 'boss')).stderr).toContain('需要用户“boss”的密码：请设置环境变量 SANWU_PASSWORD');
    expect((await sanwuAs(tmp.dir, ['list', '--db', db], 'boss', 'wrong-password')).stderr).toContain('用户名或密码不正确');
    // SANWU_USER works like --as
    expect((await sanwuAs(tmp.dir, ['list', '--db', db], undefined, 'boss-password-1', { SANWU_USER: 'boss' })).code).toBe(0);
  });
});

describe('sanwu user', () => {
  const db = join(tmp.dir, 'init');
  const as = (argv: string[], user = 'boss', password = 'boss-password-1', env: Record<string, string> = {}) => sanwuAs(tmp.dir, [...argv, '--db', db], user, password, env);

  it('adds accounts (a 7-character password refused and audited), lists, changes roles', async () => {
    const short = await as(['user', 'add', '--name', 'clerk', '--role', '档案员'], 'boss', 'boss-password-1', { SANWU_NEW_PASSWORD: 'abc1234' });
    expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining('密码至少 8 个字符') });
    expect((await as(['user', 'add', '--name', 'clerk', '--role', '档案员', '--display', '李文书'], 'boss', 'boss-password-1', { SANWU_NEW_PASSWORD: 'clerk-password' })).code).toBe(0);
    expect((await as(['user', 'add', '--name', 'viewer', '--role', '查阅'], 'boss', 'boss-password-1', { SANWU_NEW_PASSWORD: 'viewer-password' })).code).toBe(0);
    expect((await as(['user', 'add', '--name', 'x', '--role', '查阅'])).code).toBe(2);
    expect((await as(['user', 'add', '--name', 'guest', '--role', '访客'])).stderr).toContain('--role 角色应为 查阅、档案员、管理员 之一');
    const list = JSON.parse((await as(['user', 'list', '--json'])).stdout) as { users: unknown[] };
    expect(list.users).toEqual([
      { name: 'boss', display: '', role: '管理员', active: true },
      { name: 'clerk', display: '李文书', role: '档案员', active: true },
      { name: 'viewer', display: '', role: '查阅', active: true },
    ]);
    expect((await as(['user', 'role', '--name', 'viewer', '--role', '档案员'])).stdout).toContain('角色现在是档案员');
    expect((await as(['user', 'role', '--name', 'viewer', '--role', '查阅'])).code).toBe(0);
  });

  it('keeps the last 管理员 and refuses a 查阅 managing accounts', async () => {
    expect(await as(['user', 'disable', '--name', 'boss'])).toMatchObject({ code: 1, stderr: expect.stringContaining('唯一在用的管理员') });
    expect(await as(['user', 'list'], 'viewer', 'viewer-password')).toMatchObject({ code: 1, stderr: expect.stringContaining('无权') });
    expect(await as(['user', 'passwd', '--name', 'clerk'], 'viewer', 'viewer-password', { SANWU_NEW_PASSWORD: 'taken-over-1' })).toMatchObject({ code: 1 });
  });

  it('lets anyone change their own password, proven by the one they signed in with', async () => {
    expect((await as(['user', 'passwd', '--name', 'viewer'], 'viewer', 'viewer-password', { SANWU_NEW_PASSWORD: 'viewer-password-2' })).code).toBe(0);
    expect((await as(['list'], 'viewer', 'viewer-password')).code).toBe(1);
    expect((await as(['list'], 'viewer', 'viewer-password-2')).code).toBe(0);
  });

  it('disables and enables an account', async () => {
    expect((await as(['user', 'disable', '--name', 'viewer'])).stdout).toContain('已停用');
    expect((await as(['list'], 'viewer', 'viewer-password-2')).stderr).toContain('账号“viewer”已停用');
    expect((await as(['user', 'enable', '--name', 'viewer'])).stdout).toContain('在用');
  });

  it('names who acted in the audit log, never a password', async () => {
    const who = await actors(db);
    // init (office, first 管理员) ran before there were accounts: the OS user's; after it, only accounts
    expect(who.slice(0, 2)).toEqual(['os-user', 'os-user']);
    expect(who.slice(2)).toEqual(expect.arrayContaining(['boss', 'viewer']));
    expect(who.slice(2)).not.toContain('os-user');
    const ctx = await openArchive(db);
    try {
      expect(auditText(ctx)).not.toMatch(/boss-password|clerk-password|viewer-password|abc1234|taken-over/);
    } finally {
      await closeArchive(ctx);
    }
  });
});

describe('sanwu demo --users', () => {
  it('creates admin, clerk and viewer with SANWU_PASSWORD; the clerk files as clerk, the viewer may only read', { timeout: 120_000 }, async () => {
    const db = join(tmp.dir, 'demo');
    const run = await sanwuAs(tmp.dir, ['demo', '--db', db, '--communities', '1', '--records', '150', '--users', '--json'], undefined, 'demo-password');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { users: { name: string; role: string }[]; password?: string };
    expect(out.users.map((u) => [u.name, u.role])).toEqual([
      ['admin', '管理员'],
      ['clerk', '档案员'],
      ['viewer', '查阅'],
    ]);
    expect(out.password).toBeUndefined();
    expect((await sanwuAs(tmp.dir, ['file', '--db', db, '--year', '2025'], 'clerk', 'demo-password')).code).toBe(0);
    expect((await sanwuAs(tmp.dir, ['list', '--db', db, '--limit', '1'], 'viewer', 'demo-password')).code).toBe(0);
    expect((await sanwuAs(tmp.dir, ['file', '--db', db, '--year', '2024'], 'viewer', 'demo-password')).stderr).toContain('角色是查阅，无权');
    const who = await actors(db);
    expect(who.filter((a) => a === 'clerk').length).toBeGreaterThan(100);
    // the demo itself (no accounts yet when it ran) is the OS user's
    expect(who[0]).toBe('os-user');
  });

  it('without SANWU_PASSWORD generates one and prints it once', { timeout: 120_000 }, async () => {
    const db = join(tmp.dir, 'demo2');
    const run = await sanwuAs(tmp.dir, ['demo', '--db', db, '--communities', '1', '--records', '150', '--users']);
    expect(run.code, run.stderr).toBe(0);
    const password = /它们的密码是 ([a-z0-9]{12})/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    expect((await sanwuAs(tmp.dir, ['list', '--db', db, '--limit', '1'], 'admin', password)).code).toBe(0);
  });
});

describe('an archive without accounts', () => {
  it('works as before without --as, and says so when --as is given', async () => {
    const db = join(tmp.dir, 'plain');
    expect((await sanwuAs(tmp.dir, ['init', '--db', db, '--name', '幸福路街道'])).code).toBe(0);
    expect((await sanwuAs(tmp.dir, ['list', '--db', db])).code).toBe(0);
    const as = await sanwuAs(tmp.dir, ['list', '--db', db], 'someone', 'whatever-1');
    expect(as).toMatchObject({ code: 0, stderr: expect.stringContaining('此档案库还没有用户账号，--as 不起作用') });
  });
});
