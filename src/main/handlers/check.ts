// 档案检查 (四性检测).
import { runCheck } from '../core/check';
import type { Handlers } from './types';

export const checkHandlers: Handlers<'check.run'> = {
  'check.run': (ctx, input, env) => runCheck(ctx, { full: input.full, fix: input.fix, onProgress: env.onProgress, signal: env.signal }),
};
