// Who is calling: a session's account, looked up afresh on every call (so a disabled account or a new
// role counts at once), and the audit entry of a refused call.
import type { Identity } from '../../../shared/users';
import { appendAudit } from '../audit-log/append';
import type { ArchiveContext } from '../context';
import { identityOf, inTransaction, userById } from './repository';
import type { SessionStore } from './sessions';

/** The actor of an entry about a call nobody signed in made. */
export const UNKNOWN_ACTOR = '（未登录）';

export type Caller =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'none' | 'unknown' | 'expired' | 'disabled'; name?: string };

export async function sessionCaller(ctx: ArchiveContext, sessions: SessionStore, session: string | undefined): Promise<Caller> {
  if (!session) return { ok: false, reason: 'none' };
  const found = sessions.use(session, ctx.clock.now());
  if (typeof found === 'string') return { ok: false, reason: found };
  const row = await userById(ctx.db, found.userId);
  // the id names another account: not this archive's session
  if (!row || row.username !== found.name) return { ok: false, reason: 'unknown' };
  if (row.disabled_at !== null) {
    sessions.end(session);
    return { ok: false, reason: 'disabled', name: row.username };
  }
  return { ok: true, identity: identityOf(row) };
}

/** The context of a call made by `identity`: its audit entries name that account. */
export function actingAs(ctx: ArchiveContext, identity: Identity): ArchiveContext {
  return { ...ctx, actor: identity.name, user: identity };
}

/** Refusals already written to the audit log where they happened (sign-in, authorisation). */
export const auditedRefusals = new WeakSet<Error>();

export interface Refusal {
  /** the contract method that was refused */
  method: string;
  code: string;
  message: string;
}

/** A refused call in the audit log: who tried (or 未登录), what, and why — never its input. */
export async function auditRefusal(ctx: ArchiveContext, actor: string | undefined, refusal: Refusal): Promise<void> {
  await inTransaction(ctx, (trx) =>
    appendAudit({ ...ctx, actor: actor ?? UNKNOWN_ACTOR }, trx, [{ action: 'refused', entity: 'access', after: refusal }]),
  );
}
