// 工作台.
import { dashboardSummary } from '../core/dashboard/summary';
import type { Handlers } from './types';

export const dashboardHandlers: Handlers<'dashboard.summary'> = {
  'dashboard.summary': (ctx, { year }) => dashboardSummary(ctx, year),
};
