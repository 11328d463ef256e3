// `demo --users`: the accounts admin (管理员), clerk (档案员) and viewer (查阅), one password for all.
import type { Role, UserInfo } from '../../../shared/users';
import type { ArchiveContext } from '../context';
import { createUser, findUser, userInfo } from '../users/repository';

export const DEMO_USERS: readonly { name: string; role: Role; display: string }[] = [
  { name: 'admin', role: '管理员', display: '王档案' },
  { name: 'clerk', role: '档案员', display: '李文书' },
  { name: 'viewer', role: '查阅', display: '赵查阅' },
];

/** Creates the ones missing (a re-run keeps existing accounts and their passwords). */
export async function createDemoUsers(ctx: ArchiveContext, password: string): Promise<UserInfo[]> {
  const users: UserInfo[] = [];
  for (const u of DEMO_USERS) {
    const existing = await findUser(ctx.db, u.name);
    users.push(existing ? userInfo(existing, ctx.clock.now()) : await createUser(ctx, { ...u, password }));
  }
  return users;
}
