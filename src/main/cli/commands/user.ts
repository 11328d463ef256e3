// `sanwu user add|list|disable|enable|passwd|role`: the archive's accounts (管理员 only, except a
// user changing their own password). New passwords come from SANWU_NEW_PASSWORD or a prompt.
import type { Role, UserInfo } from '../../../shared/users';
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson, type CliIO } from '../io';
import { newPassword } from '../passwords';

const ACTIONS = ['add', 'list', 'disable', 'enable', 'passwd', 'role'] as const;
type Action = (typeof ACTIONS)[number];

const NAME = { name: '--name', role: '--role', display: '--display', password: '环境变量 SANWU_NEW_PASSWORD' };

function printUsers(io: CliIO, users: UserInfo[]): void {
  if (users.length === 0) {
    io.stdout('此档案库还没有用户账号（可用 sanwu user add --name 用户名 --role 管理员 创建第一个管理员）。\n');
    return;
  }
  for (const u of users) {
    const state = u.active ? (u.lockedUntil ? `锁定至 ${u.lockedUntil}` : '在用') : '已停用';
    io.stdout(`${u.name}\t${u.role}\t${u.display || '—'}\t${state}\n`);
  }
}

const command: Command = {
  summary: '用户账号：新增、列出、停用、启用、改密码、改角色',
  usage:
    'sanwu user add --name 用户名 --role 管理员|档案员|查阅 [--display 姓名] | list [--json] | disable --name 用户名 | enable --name 用户名 | passwd --name 用户名 | role --name 用户名 --role 角色   [--db DIR] [--as 用户名]',
  flags: { ...DB_FLAG, name: { type: 'string' }, role: { type: 'string' }, display: { type: 'string' }, json: { type: 'boolean' } },
  positionals: true,
  async run(args, io) {
    const [action, ...extra] = args.positionals;
    if (!ACTIONS.includes(action as Action) || extra.length > 0) throw usageError(`请给出 ${ACTIONS.join('、')} 之一`);
    const f = args.flags;
    const name = f.name as string | undefined;
    if (action !== 'list' && name === undefined) throw usageError('缺少选项 --name');
    const role = f.role as Role | undefined;
    switch (action as Action) {
      case 'list': {
        const users = await withContract(args, io, ({ call }) => call('users.list', {}));
        if (f.json) printJson(io, { users: users.map((u) => ({ name: u.name, display: u.display, role: u.role, active: u.active })) });
        else printUsers(io, users);
        return 0;
      }
      case 'add': {
        // name, role and display are usage (checked before the password is asked for); the password is
        // the contract's to refuse, which the audit log then records
        const checked = contractInput('users.add', { name: name!, role: role!, display: f.display as string | undefined, password: 'stand-in' }, NAME);
        const password = await newPassword(io, `用户“${checked.name}”`);
        const user = await withContract(args, io, ({ call }) => call('users.add', { ...checked, password }));
        io.stdout(`已创建账号 ${user.name}（${user.role}${user.display ? `，${user.display}` : ''}）。\n`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const user = await withContract(args, io, ({ call }) => call(action === 'disable' ? 'users.disable' : 'users.enable', { name: name! }));
        io.stdout(`账号 ${user.name} ${user.active ? '在用' : '已停用'}。\n`);
        return 0;
      }
      case 'role': {
        const input = contractInput('users.setRole', { name: name!, role: role! }, NAME);
        const user = await withContract(args, io, ({ call }) => call('users.setRole', input));
        io.stdout(`账号 ${user.name} 的角色现在是${user.role}。\n`);
        return 0;
      }
      case 'passwd': {
        const target = contractInput('users.setPassword', { name: name!, password: 'stand-in' }, NAME).name;
        const password = await newPassword(io, `用户“${target}”`);
        await withContract(args, io, ({ call, signedIn }) =>
          // one's own password: proven by the password just used to sign in; anyone else's: a 管理员's job
          signedIn?.name === target
            ? call('auth.changePassword', { oldPassword: signedIn.password, newPassword: password })
            : call('users.setPassword', { name: target, password }).then(() => undefined),
        );
        io.stdout(`账号 ${target} 的密码已修改。\n`);
        return 0;
      }
    }
  },
};
export default command;
