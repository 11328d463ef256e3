// The demo archive (`sanwu demo`), with its accounts when asked.
import { createDemoUsers } from '../core/demo/users';
import { generateDemo } from '../core/demo/generate';
import { planDemo } from '../core/demo/plan';
import type { Handlers } from './types';

export const demoHandlers: Handlers<'demo.generate'> = {
  'demo.generate': async (ctx, { usersPassword, ...options }, env) => {
    const summary = await generateDemo(ctx, planDemo(options, ctx.clock), { onProgress: env.onProgress, signal: env.signal });
    return { summary, users: usersPassword ? await createDemoUsers(ctx, usersPassword) : [] };
  },
};
