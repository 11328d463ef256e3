// Lists as the page shows them, exported to .xlsx (printing is the page's own: a print stylesheet).
import { exportRecords } from '../core/records/export';
import { listWorkbook } from '../core/reports/xlsx/list';
import type { Handlers } from './types';

export const listHandlers: Handlers<'lists.export' | 'records.export'> = {
  'lists.export': (ctx, list) => listWorkbook(ctx, list, [list.rows]),
  'records.export': (ctx, query, env) => exportRecords(ctx, query, { onProgress: env.onProgress, signal: env.signal }),
};
