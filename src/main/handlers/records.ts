// Records, their attachments and history, and filing (归档).
import type { AuditEntry } from '../../shared/domain';
import { SanwuError } from '../../shared/errors';
import { fileYear, previewFiling } from '../core/archival-codes/filing';
import { linkAttachments, listAttachments, stageBuffer } from '../core/attachments/repository';
import type { ArchiveContext } from '../core/context';
import { createRecord, getRecord, updateRecord, voidRecord } from '../core/records/repository';
import { searchRecords } from '../core/records/search';
import type { Handlers } from './types';

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** The record's entries in the audit log, newest first. */
async function recordHistory(ctx: ArchiveContext, id: number): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'source'])
    .where('entity', '=', 'record')
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    source: r.source,
  }));
}

async function requireAttachment(ctx: ArchiveContext, id: number): Promise<void> {
  const row = await ctx.db.selectFrom('attachments').select('id').where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  if (!row) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的附件。`);
}

export const recordHandlers: Handlers<
  | 'records.search'
  | 'records.get'
  | 'records.create'
  | 'records.update'
  | 'records.void'
  | 'attachments.add'
  | 'attachments.url'
  | 'filing.preview'
  | 'filing.run'
> = {
  'records.search': (ctx, query) => searchRecords(ctx, query),
  'records.get': async (ctx, { id }) => {
    const record = await getRecord(ctx, id);
    const [attachments, history] = await Promise.all([listAttachments(ctx.db, id), recordHistory(ctx, id)]);
    return { record, attachments, history };
  },
  'records.create': (ctx, input) => createRecord(ctx, input),
  'records.update': (ctx, { id, patch }) => updateRecord(ctx, id, patch),
  'records.void': (ctx, { id, reason }) => voidRecord(ctx, id, reason),
  'attachments.add': async (ctx, { recordId, name, dataBase64 }) => {
    await getRecord(ctx, recordId);
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length === 0) throw new SanwuError('INVALID_INPUT', `附件“${name}”是空文件，未添加。`);
    const staged = stageBuffer(ctx, data, name);
    const [attachment] = await ctx.db.transaction().execute((trx) => linkAttachments(ctx, trx, recordId, [staged], '界面上传'));
    return attachment!;
  },
  'attachments.url': async (ctx, { id }, env) => {
    await requireAttachment(ctx, id);
    return env.links.attachment(id);
  },
  'filing.preview': (ctx, scope) => previewFiling(ctx, scope),
  'filing.run': (ctx, scope, env) => fileYear(ctx, scope, { onProgress: env.onProgress, signal: env.signal }),
};
