// Signing in: the password checked against its scrypt hash; 5 failures in a row lock the account for
// 15 minutes. Every refusal is audited (who was tried and why, never the password); a success writes
// only when it clears earlier failures.
import type { Kysely } from 'kysely';
import { SanwuError } from '../../../shared/errors';
import { LOCKOUT_FAILURES, LOCKOUT_MINUTES, usernameSchema, type Identity } from '../../../shared/users';
import { appendAudit } from '../audit-log/append';
import type { ArchiveContext } from '../context';
import type { DB } from '../db/schema';
import { decoyVerify, verifyPassword } from './password';
import { auditedRefusals, UNKNOWN_ACTOR } from './access';
import { findUser, identityOf, inTransaction, type UserRow } from './repository';

const WRONG = '用户名或密码不正确。请检查后重试（注意大小写和输入法）。';

const clockTime = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

async function refuse(ctx: ArchiveContext, trx: Kysely<DB>, tried: string, row: UserRow | undefined, reason: string, after: Record<string, unknown> = {}): Promise<void> {
  await appendAudit({ ...ctx, actor: tried || UNKNOWN_ACTOR }, trx, [
    { action: 'signInRefused', entity: 'user', entityId: row?.id ?? null, after: { name: tried, reason, ...after } },
  ]);
}

/** The account signed in, or a refusal (AUTH_FAILED) that is already in the audit log. */
export async function signIn(ctx: ArchiveContext, username: string, password: string): Promise<{ id: number; identity: Identity }> {
  try {
    return await checkSignIn(ctx, username, password);
  } catch (e) {
    if (e instanceof SanwuError && e.code === 'AUTH_FAILED') auditedRefusals.add(e);
    throw e;
  }
}

async function checkSignIn(ctx: ArchiveContext, username: string, password: string): Promise<{ id: number; identity: Identity }> {
  const parsed = usernameSchema.safeParse(username);
  const tried = parsed.success ? parsed.data : username.trim().slice(0, 100);
  const row = parsed.success ? await findUser(ctx.db, parsed.data) : undefined;
  const now = ctx.clock.now();
  if (!row) {
    await decoyVerify(password);
    await inTransaction(ctx, (trx) => refuse(ctx, trx, tried, undefined, 'unknown'));
    throw new SanwuError('AUTH_FAILED', WRONG);
  }
  if (row.locked_until !== null && row.locked_until > now.toISOString()) {
    await inTransaction(ctx, (trx) => refuse(ctx, trx, tried, row, 'locked'));
    throw new SanwuError(
      'AUTH_FAILED',
      `账号“${row.username}”因连续 ${LOCKOUT_FAILURES} 次密码错误已锁定，请于 ${clockTime(row.locked_until)} 后再试，或请管理员重设密码。`,
    );
  }
  const good = await verifyPassword(password, row.password_hash);
  if (good && row.disabled_at !== null) {
    await inTransaction(ctx, (trx) => refuse(ctx, trx, tried, row, 'disabled'));
    throw new SanwuError('AUTH_FAILED', `账号“${row.username}”已停用，不能登录。如需使用请联系管理员启用。`);
  }
  if (!good) {
    const failures = row.failed_signins + 1;
    const lockedUntil = failures >= LOCKOUT_FAILURES ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await inTransaction(ctx, async (trx) => {
      await trx
        .updateTable('users')
        .set(lockedUntil ? { failed_signins: 0, locked_until: lockedUntil } : { failed_signins: failures })
        .where('id', '=', row.id)
        .execute();
      await refuse(ctx, trx, tried, row, lockedUntil ? 'locked-now' : 'password', { failures, ...(lockedUntil ? { lockedUntil } : {}) });
    });
    if (lockedUntil) {
      throw new SanwuError('AUTH_FAILED', `密码连续 ${LOCKOUT_FAILURES} 次错误，账号“${row.username}”已锁定 ${LOCKOUT_MINUTES} 分钟（到 ${clockTime(lockedUntil)}）。`);
    }
    throw new SanwuError('AUTH_FAILED', WRONG);
  }
  if (row.failed_signins > 0 || row.locked_until !== null) {
    await inTransaction(ctx, async (trx) => {
      await trx.updateTable('users').set({ failed_signins: 0, locked_until: null }).where('id', '=', row.id).execute();
      await appendAudit({ ...ctx, actor: row.username }, trx, [
        { action: 'signIn', entity: 'user', entityId: row.id, before: { failures: row.failed_signins }, after: { failures: 0 } },
      ]);
    });
  }
  return { id: row.id, identity: identityOf(row) };
}
