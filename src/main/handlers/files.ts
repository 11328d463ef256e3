// Files a transport serves by id: stored attachments, and files a handler offered for download.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { SanwuError } from '../../shared/errors';
import { engineOf } from '../core/db';
import type { ArchiveContext } from '../core/context';

export interface ServedFile {
  path: string;
  name: string;
  mediaType: string;
}

export async function attachmentFile(ctx: ArchiveContext, id: number): Promise<ServedFile> {
  const row = await ctx.db
    .selectFrom('attachments')
    .select(['sha256', 'original_name', 'media_type'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的附件。`);
  return { path: await engineOf(ctx.db).files.localPath(row.sha256), name: row.original_name, mediaType: row.media_type };
}

/** Downloads offered during this session, by unguessable id (a handler's output names only the id). */
export class FileOffers {
  readonly #files = new Map<string, ServedFile>();

  offer(path: string, name = basename(path)): string {
    const id = randomBytes(16).toString('hex');
    this.#files.set(id, { path, name, mediaType: 'application/octet-stream' });
    return id;
  }

  get(id: string): ServedFile {
    const file = this.#files.get(id);
    if (!file) throw new SanwuError('NOT_FOUND', '下载链接已失效（程序重启后链接不再可用）。请重新生成文件。');
    return file;
  }
}
