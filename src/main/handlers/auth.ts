// Signing in and out, and the accounts (用户管理).
import { SanwuError } from '../../shared/errors';
import { verifyPassword } from '../core/users/password';
import { createUser, disableUser, enableUser, findUser, listUsers, setUserPassword, setUserRole } from '../core/users/repository';
import { signIn } from '../core/users/sign-in';
import type { Handlers } from './types';

export const authHandlers: Handlers<
  'auth.signIn' | 'auth.signOut' | 'auth.whoami' | 'auth.changePassword' | 'users.list' | 'users.add' | 'users.disable' | 'users.enable' | 'users.setRole' | 'users.setPassword'
> = {
  'auth.signIn': async (ctx, { username, password }, env) => {
    const { id, identity } = await signIn(ctx, username, password);
    return { ...identity, session: env.sessions.create({ id, name: identity.name }, ctx.clock.now()) };
  },
  'auth.signOut': async (_ctx, _input, env) => {
    if (env.session) env.sessions.end(env.session);
  },
  'auth.whoami': async (ctx) => ctx.user ?? null,
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) => {
    const row = ctx.user ? await findUser(ctx.db, ctx.user.name) : undefined;
    if (!row) throw new SanwuError('INVALID_INPUT', '此档案库还没有用户账号，无需修改密码。');
    if (!(await verifyPassword(oldPassword, row.password_hash))) throw new SanwuError('AUTH_FAILED', '原密码不正确，密码未修改。');
    await setUserPassword(ctx, row.username, newPassword);
  },
  'users.list': (ctx) => listUsers(ctx),
  'users.add': (ctx, input) => createUser(ctx, input),
  'users.disable': async (ctx, { name }, env) => {
    const user = await disableUser(ctx, name);
    env.sessions.endUser(name);
    return user;
  },
  'users.enable': (ctx, { name }) => enableUser(ctx, name),
  'users.setRole': (ctx, { name, role }) => setUserRole(ctx, name, role),
  'users.setPassword': async (ctx, { name, password }, env) => {
    const user = await setUserPassword(ctx, name, password);
    env.sessions.endUser(name);
    return user;
  },
};
