// Who acts: the three roles, in rising order of rights (DESIGN.md "Who acts"), and the account inputs.
import { z } from 'zod';

export const ROLES = ['查阅', '档案员', '管理员'] as const;
export type Role = (typeof ROLES)[number];

/** True when `have` includes the rights of `need` (管理员 ⊃ 档案员 ⊃ 查阅). */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export const MIN_PASSWORD = 8;
/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
/** A session (and the page) locks after this long without use. */
export const IDLE_MINUTES = 30;

export const roleSchema = z.enum(ROLES, { message: `角色应为 ${ROLES.join('、')} 之一` });

/** Account names as typed, compared as stored: trimmed, NFKC (full-width to half-width), lower case. */
export const usernameSchema = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').toLowerCase())
  .pipe(
    z
      .string()
      .min(2, '用户名至少 2 个字符')
      .max(32, '用户名最多 32 个字符')
      .regex(/^[a-z0-9\u4e00-\u9fff][a-z0-9\u4e00-\u9fff._-]*$/u, '用户名只能用字母、数字、汉字和 . _ -，且以字母、数字或汉字开头'),
  );

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `密码至少 ${MIN_PASSWORD} 个字符`)
  .max(200, '密码最多 200 个字符');

export const displaySchema = z.string().trim().max(50, '姓名最多 50 个字');

/** The signed-in person, as core functions and the page see them. */
export interface Identity {
  name: string;
  display: string;
  role: Role;
}

/** One account as `user list` and 用户管理 show it (DESIGN.md: name, display, role, active). */
export interface UserInfo extends Identity {
  active: boolean;
  /** locked after failed sign-ins until this time (ISO), if it is still ahead */
  lockedUntil?: string;
}

export interface SignedIn extends Identity {
  /** sent back as the header x-sanwu-session (browser mode) or with every IPC call */
  session: string;
}
