// One call through the contract: known method, input parsed at the boundary, errors as ErrorPayload.
import { z } from 'zod';
import { API, isApiMethod, type ApiMethod, type CallReply } from '../../shared/api';
import { SanwuError, toErrorPayload } from '../../shared/errors';
import type { ArchiveContext } from '../core/context';
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
  try {
    if (!isApiMethod(method)) throw new SanwuError('NOT_FOUND', '界面请求了本程序没有的功能（界面与程序版本不一致），未做任何修改。请升级程序后再试。');
    if (API[method].desktopOnly && env.mode !== 'desktop') throw desktopOnly(method);
    const parsed = API[method].input.safeParse(input ?? {});
    if (!parsed.success) throw inputError(parsed.error, method);
    const handler = handlers[method] as Handler<ApiMethod>;
    const value = await handler(ctx, parsed.data as never, env);
    return { ok: true, value: value ?? null };
  } catch (e) {
    if (e instanceof z.ZodError) return { ok: false, error: toErrorPayload(inputError(e, method)) };
    if (!(e instanceof SanwuError)) ctx.log.warn(`${method}: ${(e as Error).stack ?? String(e)}`);
    return { ok: false, error: toErrorPayload(e) };
  }
}
