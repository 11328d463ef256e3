// Accounts (table users): listed, created, disabled and enabled, given a role or a new password —
// every change audited in its own transaction, never with the password or its hash.
import type { Kysely, Selectable } from 'kysely';
import { SanwuError } from '../../../shared/errors';
import type { Identity, Role, UserInfo } from '../../../shared/users';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import type { Reader } from '../db/handles';
import type { DB, UsersTable } from '../db/schema';
import { hashPassword } from './password';

export type UserRow = Selectable<UsersTable>;

export function identityOf(row: UserRow): Identity {
  return { name: row.username, display: row.display_name, role: row.role as Role };
}

export function userInfo(row: UserRow, now: Date): UserInfo {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  return { ...identityOf(row), active: row.disabled_at === null, ...(locked ? { lockedUntil: row.locked_until! } : {}) };
}

/** One write transaction (the seam where the archive's writer is chosen). */
export function inTransaction<T>(ctx: ArchiveContext, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return ctx.write.transaction(fn);
}

/** What the audit log keeps of an account. */
const snapshot = (row: UserRow) => ({ name: row.username, display: row.display_name, role: row.role, active: row.disabled_at === null });

/** True once the archive has any account: from then on every call needs a signed-in user. */
export async function hasAccounts(db: Reader): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export function findUser(db: Reader, name: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
}

export function userById(db: Reader, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(ctx: ArchiveContext): Promise<UserInfo[]> {
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
  const now = ctx.clock.now();
  return rows.map((r) => userInfo(r, now));
}

async function requireUser(db: Reader, name: string): Promise<UserRow> {
  const row = await findUser(db, name);
  if (!row) throw new SanwuError('NOT_FOUND', `没有用户名为“${name}”的账号。`);
  return row;
}

async function activeAdmins(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', '管理员')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The last active 管理员 stays: otherwise nobody could manage accounts or settings any more. */
async function refuseLastAdmin(db: Reader, row: UserRow, what: string): Promise<void> {
  if (row.role === '管理员' && row.disabled_at === null && (await activeAdmins(db)) <= 1) {
    throw new SanwuError('CONFLICT', `“${row.username}”是唯一在用的管理员，不能${what}。请先把另一个账号设为管理员。`);
  }
}

export interface NewUser {
  name: string;
  role: Role;
  display?: string;
  password: string;
}

export async function createUser(ctx: ArchiveContext, input: NewUser): Promise<UserInfo> {
  const hash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    if (input.role !== '管理员' && !(await hasAccounts(trx))) {
      throw new SanwuError('INVALID_INPUT', '第一个账号必须是管理员：有了账号之后，只有管理员能管理账号和设置。');
    }
    if (await findUser(trx, input.name)) throw new SanwuError('CONFLICT', `用户名“${input.name}”已被使用（停用的账号也保留其用户名），请换一个。`);
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('users')
      .values({ username: input.name, display_name: input.display ?? '', role: input.role, password_hash: hash, created_at: at, password_set_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'create', entity: 'user', entityId: row.id, after: snapshot(row) }]);
    return userInfo(row, ctx.clock.now());
  });
}

type Change = { disabled_at?: string | null; role?: Role; password_hash?: string; password_set_at?: string; failed_signins?: number; locked_until?: null };

/** One audited change of an account; `change` may refuse it (throw) before anything is written. */
async function changeUser(
  ctx: ArchiveContext,
  name: string,
  action: string,
  change: (row: UserRow, trx: Kysely<DB>) => Promise<Change | null> | Change | null,
): Promise<UserInfo> {
  return inTransaction(ctx, async (trx) => {
    const row = await requireUser(trx, name);
    const patch = await change(row, trx);
    if (!patch) return userInfo(row, ctx.clock.now());
    const after = await trx.updateTable('users').set(patch).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action, entity: 'user', entityId: row.id, before: snapshot(row), after: snapshot(after) }]);
    return userInfo(after, ctx.clock.now());
  });
}

export function disableUser(ctx: ArchiveContext, name: string): Promise<UserInfo> {
  return changeUser(ctx, name, 'disable', async (row, trx) => {
    if (row.disabled_at !== null) return null;
    await refuseLastAdmin(trx, row, '停用');
    return { disabled_at: nowIso(ctx) };
  });
}

export function enableUser(ctx: ArchiveContext, name: string): Promise<UserInfo> {
  return changeUser(ctx, name, 'enable', (row) => (row.disabled_at === null ? null : { disabled_at: null, failed_signins: 0, locked_until: null }));
}

export function setUserRole(ctx: ArchiveContext, name: string, role: Role): Promise<UserInfo> {
  return changeUser(ctx, name, 'role', async (row, trx) => {
    if (row.role === role) return null;
    if (role !== '管理员') await refuseLastAdmin(trx, row, `改为${role}`);
    return { role };
  });
}

/** A new password (set by a 管理员, or by its owner) also lifts a lock after failed sign-ins. */
export async function setUserPassword(ctx: ArchiveContext, name: string, password: string): Promise<UserInfo> {
  const hash = await hashPassword(password);
  return changeUser(ctx, name, 'password', () => ({ password_hash: hash, password_set_at: nowIso(ctx), failed_signins: 0, locked_until: null }));
}

/** Display names of accounts by user name, for showing who acted. */
export async function displayNames(db: Reader, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['username', 'display_name']).where('username', 'in', [...new Set(names)]).execute();
  return new Map(rows.filter((r) => r.display_name !== '').map((r) => [r.username, r.display_name]));
}
