// Migration 0007 on an archive made before it: existing accounts keep their rows and gain the sign-in
// columns (no failures, no lock); the account rules (no delete, no rename, one 管理员 kept) hold at once.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { hashPassword } from '../../src/main/core/users/password';
import { signIn } from '../../src/main/core/users/sign-in';
import { fixedClock, raw, tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-0007-');
afterAll(() => tmp.cleanup());

describe('migration 0007 (accounts that sign in)', () => {
  it('upgrades an archive of the previous schema, keeping its accounts', async () => {
    const dir = join(tmp.dir, 'archive');
    const before = MIGRATIONS.findIndex(([name]) => name === '0007_users_sign_in');
    const old = await openArchive(dir, { create: true, clock: fixedClock(), migrations: MIGRATIONS.slice(0, before) });
    const hash = await hashPassword('old-account-pw');
    raw(old)
      .prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', '老管理员', '管理员', ?, '2024-01-01T00:00:00.000Z')`)
      .run(hash);
    expect(raw(old).prepare(`SELECT name FROM pragma_table_info('users')`).all()).not.toContainEqual({ name: 'failed_signins' });
    await closeArchive(old);

    const ctx = await openArchive(dir, { clock: fixedClock() });
    try {
      expect(raw(ctx).prepare('SELECT username, display_name, failed_signins, locked_until, password_set_at FROM users').all()).toEqual([
        { username: 'admin', display_name: '老管理员', failed_signins: 0, locked_until: null, password_set_at: null },
      ]);
      expect((await signIn(ctx, 'admin', 'old-account-pw')).identity).toEqual({ name: 'admin', display: '老管理员', role: '管理员' });
      expect(() => raw(ctx).prepare(`UPDATE users SET disabled_at = 'x'`).run()).toThrow('至少要保留一个在用的管理员');
      expect(() => raw(ctx).prepare(`DELETE FROM users`).run()).toThrow('用户账号不能删除');
      // the upgrade was backed up first, as every migration is
      expect(raw(ctx).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(readdirSync(join(dir, 'backups')).filter((f) => f.startsWith(`before-migrate-v${before}-`))).toHaveLength(1);
    } finally {
      await closeArchive(ctx);
    }
  });
});
