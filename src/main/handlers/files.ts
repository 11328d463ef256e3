// Files a handler offered for download, served by an unguessable id to the session that asked for them.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { SanwuError } from '../../shared/errors';
import type { ServedFile } from '../core/attachments/served';

export type { ServedFile };

/** Downloads offered during this session, by unguessable id (a handler's output names only the id). */
export class FileOffers {
  readonly #files = new Map<string, { file: ServedFile; session: string | undefined }>();

  /** `session`: the caller's (on an archive with accounts only that session may fetch it). */
  offer(path: string, name = basename(path), session?: string): string {
    const id = randomBytes(16).toString('hex');
    this.#files.set(id, { file: { path, name, mediaType: 'application/octet-stream' }, session });
    return id;
  }

  get(id: string, session?: string): ServedFile {
    const offered = this.#files.get(id);
    const file = offered && (offered.session === undefined || offered.session === session) ? offered.file : undefined;
    if (!file) throw new SanwuError('NOT_FOUND', '下载链接已失效（程序重启后链接不再可用）。请重新生成文件。');
    return file;
  }
}
