// 档案检查 (四性检测).
import { runCheck } from '../core/check';
import { lastCheckRun } from '../core/check/runs';
import type { Handlers } from './types';

export const checkHandlers: Handlers<'check.run' | 'check.last'> = {
  'check.last': (ctx) => lastCheckRun(ctx.db),
  'check.run': (ctx, input, env) => runCheck(ctx, { full: input.full, fix: input.fix, onProgress: env.onProgress, signal: env.signal }),
};
