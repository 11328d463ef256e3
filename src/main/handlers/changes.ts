// archive.changes: the newest change's number, polled by open screens to refresh on others' changes.
import { latestChange } from '../core/audit-log/changes';
import type { Handlers } from './types';

export const changesHandlers: Handlers<'archive.changes'> = {
  'archive.changes': (ctx) => latestChange(ctx.db),
};
