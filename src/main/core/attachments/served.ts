// A stored attachment by id, as the transports serve it (the page's <img>/<iframe>, downloads).
import { SanwuError } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db/engine';

export interface ServedFile {
  path: string;
  name: string;
  mediaType: string;
}

const missing = (id: number) => new SanwuError('NOT_FOUND', `没有编号为 ${id} 的附件。`);

export async function attachmentFile(ctx: ArchiveContext, id: number): Promise<ServedFile> {
  const row = await ctx.db
    .selectFrom('attachments')
    .select(['sha256', 'original_name', 'media_type'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw missing(id);
  return { path: await engineOf(ctx.db).files.localPath(row.sha256), name: row.original_name, mediaType: row.media_type };
}

/** Refuses an id that names no live attachment. */
export async function requireAttachment(ctx: ArchiveContext, id: number): Promise<void> {
  const row = await ctx.db.selectFrom('attachments').select('id').where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  if (!row) throw missing(id);
}
