// One call through the contract, the same for IPC, browser-mode HTTP and the CLI: known method, the
// caller's rights (access.ts), input parsed at the boundary, errors as ErrorPayload.
import { z } from 'zod';
import { API, isApiMethod, type ApiMethod, type CallReply } from '../../shared/api';
import { isSanwuError, SanwuError, toErrorPayload } from '../../shared/errors';
import type { ArchiveContext } from '../core/context';
import { auditedRefusals, auditRefusal } from '../core/users/access';
import { authorize, type Acting } from './access';
import { checkArchiveKind } from './archive-kind';
import { HANDLERS } from './index';
import { inputError } from './input-error';
import { desktopOnly } from './unavailable';
import type { Handler, HandlerEnv, HandlerMap } from './types';

export async function invoke(
  ctx: ArchiveContext,
  method: string,
  input: unknown,
  env: HandlerEnv,
  handlers: HandlerMap = HANDLERS,
): Promise<CallReply> {
  let acting: Acting | null = null;
  try {
    if (!isApiMethod(method)) throw new SanwuError('NOT_FOUND', '界面请求了本程序没有的功能（界面与程序版本不一致），未做任何修改。请升级程序后再试。');
    if (API[method].desktopOnly && env.mode === 'browser') throw desktopOnly(method);
    acting = await authorize(ctx, method, env);
    await checkArchiveKind(ctx, method);
    const parsed = API[method].input.safeParse(input ?? {});
    if (!parsed.success) throw inputError(parsed.error, method);
    const handler = handlers[method] as Handler<ApiMethod>;
    const value = await handler(acting.ctx, parsed.data as never, env);
    return { ok: true, value: value ?? null };
  } catch (e) {
    const error = e instanceof z.ZodError ? inputError(e, method) : e;
    if (!isSanwuError(error)) ctx.log.warn(`${method}: ${(error as Error).stack ?? String(error)}`);
    if (acting && isApiMethod(method) && API[method].auditRefusals) await auditAccountRefusal(acting, method, error);
    return { ok: false, error: toErrorPayload(error) };
  }
}

/** Sign-in and account changes: every refusal goes to the audit log (never the input: it holds passwords). */
async function auditAccountRefusal({ ctx, accounts }: Acting, method: string, error: unknown): Promise<void> {
  if (error instanceof Error && auditedRefusals.has(error)) return;
  const { code, message } = toErrorPayload(error);
  try {
    await auditRefusal(ctx, ctx.user?.name ?? (accounts ? undefined : ctx.actor), { method, code, message });
  } catch (e) {
    ctx.log.warn(`${method}: the refusal could not be audited: ${(e as Error).message}`);
  }
}
