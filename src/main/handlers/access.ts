// The contract's rules of who may call what (DESIGN.md "Who acts"), enforced here for every transport:
// on an archive with accounts, a call needs a signed-in session (AUTH_REQUIRED) whose role reaches the
// method's (FORBIDDEN); both refusals are audited. Without accounts every call acts as before.
import { API, type ApiMethod } from '../../shared/api';
import { SanwuError } from '../../shared/errors';
import { IDLE_MINUTES, roleAtLeast, type Role } from '../../shared/users';
import type { ArchiveContext } from '../core/context';
import { actingAs, auditedRefusals, auditRefusal, sessionCaller, type Caller } from '../core/users/access';
import { hasAccounts } from '../core/users/repository';
import type { HandlerEnv } from './types';

function signInNeeded(caller: Extract<Caller, { ok: false }>): string {
  switch (caller.reason) {
    case 'none':
      return '请先登录：此档案库已设置用户账号。';
    case 'expired':
      return `已超过 ${IDLE_MINUTES} 分钟未操作，登录已失效，请重新登录。`;
    case 'disabled':
      return `账号“${caller.name}”已停用，请联系管理员。`;
    case 'unknown':
      return '登录凭据无效（已退出、程序已重新启动，或属于另一个档案库），请重新登录。';
  }
}

const forbidden = (name: string, role: Role, need: Role): string =>
  `当前账号“${name}”的角色是${role}，无权进行这项操作（需要${need === '管理员' ? '管理员' : `${need}或管理员`}）。请换用有权限的账号登录。`;

async function refuse(ctx: ArchiveContext, actor: string | undefined, method: string, error: SanwuError): Promise<SanwuError> {
  await auditRefusal(ctx, actor, { method, code: error.code, message: error.message });
  auditedRefusals.add(error);
  return error;
}

export interface Acting {
  ctx: ArchiveContext;
  /** the archive has accounts (refusals then name the caller or 未登录, never the OS user) */
  accounts: boolean;
}

/** The context the call runs in (its actor the signed-in account), or a refusal. */
export async function authorize(ctx: ArchiveContext, method: ApiMethod, env: HandlerEnv): Promise<Acting> {
  const need = API[method].role;
  // a live session's account proves the archive has accounts: one query on the common path
  const caller = await sessionCaller(ctx, env.sessions, env.session);
  if (!caller.ok && !(await hasAccounts(ctx.db))) return { ctx, accounts: false };
  if (caller.ok) {
    if (need !== null && !roleAtLeast(caller.identity.role, need)) {
      throw await refuse(ctx, caller.identity.name, method, new SanwuError('FORBIDDEN', forbidden(caller.identity.name, caller.identity.role, need)));
    }
    return { ctx: actingAs(ctx, caller.identity), accounts: true };
  }
  if (need === null) return { ctx, accounts: true };
  throw await refuse(ctx, caller.name, method, new SanwuError('AUTH_REQUIRED', signInNeeded(caller)));
}
