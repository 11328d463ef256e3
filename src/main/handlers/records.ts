// Records, their attachments and history, and filing (归档).
import { fileYear, previewFiling } from '../core/archival-codes/filing';
import { removeAttachment } from '../core/attachments/removal';
import { addAttachmentData, listAttachments } from '../core/attachments/repository';
import { requireAttachment } from '../core/attachments/served';
import { entityHistory } from '../core/audit-log/history';
import { createRecord, getRecord, restoreRecord, updateRecord, voidRecord } from '../core/records/repository';
import { searchRecords } from '../core/records/search';
import type { Handlers } from './types';

export const recordHandlers: Handlers<
  | 'records.search'
  | 'records.get'
  | 'records.create'
  | 'records.update'
  | 'records.void'
  | 'records.restore'
  | 'attachments.add'
  | 'attachments.remove'
  | 'attachments.url'
  | 'filing.preview'
  | 'filing.run'
> = {
  'records.search': (ctx, query) => searchRecords(ctx, query),
  'records.get': async (ctx, { id }) => {
    const record = await getRecord(ctx, id);
    const [attachments, history] = await Promise.all([listAttachments(ctx.db, id), entityHistory(ctx.db, 'record', id)]);
    return { record, attachments, history };
  },
  'records.create': (ctx, input) => createRecord(ctx, input),
  'records.update': (ctx, { id, patch, version }) => updateRecord(ctx, id, patch, version),
  'records.void': (ctx, { id, reason }) => voidRecord(ctx, id, reason),
  'records.restore': (ctx, { id }) => restoreRecord(ctx, id),
  'attachments.add': (ctx, { recordId, name, dataBase64 }) => addAttachmentData(ctx, recordId, Buffer.from(dataBase64, 'base64'), name, '界面上传'),
  'attachments.remove': (ctx, { id, reason }) => removeAttachment(ctx, id, reason),
  'attachments.url': async (ctx, { id }, env) => {
    await requireAttachment(ctx, id);
    return env.links.attachment(id);
  },
  'filing.preview': (ctx, scope) => previewFiling(ctx, scope),
  'filing.run': (ctx, scope, env) => fileYear(ctx, scope, { onProgress: env.onProgress, signal: env.signal }),
};
