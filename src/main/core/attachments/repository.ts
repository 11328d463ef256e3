// Attachments of a record: the file goes to the content-addressed store, the row keeps its name.
// Files added one by one (the UI, the contract) are checked on the way in: an archival format by
// their bytes, no executable, not already on the record (acceptance.ts).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Attachment } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { engineOf, stateColumn } from '../db';
import { nowIso, type ArchiveContext } from '../context';
import type { AttachmentRow, DB } from '../db/schema';
import { attachmentRefusal } from './acceptance';
import { MEDIA_TYPES, readHead, sniffFormat } from './sniff';
import { placingFiles } from '../recovery';
import { hashFile } from './store';
import type { FilePlacing, StoredFile } from '../db/engine';
import type { Reader } from '../db/handles';

export function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    recordId: r.record_id,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    originalName: r.original_name,
    createdAt: r.created_at,
  };
}

export interface StagedAttachment extends StoredFile {
  originalName: string;
  mediaType: string;
}

/**
 * Where a file goes into the store: a folder's store notes what it places in `journal` (recovery.ts);
 * a server's store writes the bytes in `trx`, the transaction that links them (all or nothing).
 */
export type Placing = FilePlacing;

/** Puts a file into the store (append-only, idempotent). */
export async function stageFile(ctx: ArchiveContext, path: string, originalName = basename(path), placing: Placing = {}): Promise<StagedAttachment> {
  // judged by the file's first bytes (a server's store may hold them only in the uncommitted `trx`)
  const mediaType = MEDIA_TYPES[sniffFormat(readHead(path))];
  const stored = await engineOf(ctx.db).files.putFile(path, placing);
  return { ...stored, originalName, mediaType };
}

export async function stageBuffer(ctx: ArchiveContext, data: Uint8Array, originalName: string, placing: Placing = {}): Promise<StagedAttachment> {
  const stored = await engineOf(ctx.db).files.putBuffer(data, placing);
  return { ...stored, originalName, mediaType: MEDIA_TYPES[sniffFormat(data.subarray(0, 4096))] };
}

/** Links staged files to a record inside the caller's transaction. */
export async function linkAttachments(
  ctx: ArchiveContext,
  trx: Kysely<DB>,
  recordId: number,
  files: StagedAttachment[],
  source?: string,
): Promise<Attachment[]> {
  const at = nowIso(ctx);
  const out: Attachment[] = [];
  const audit: AuditInput[] = [];
  for (const f of files) {
    const { state, ...row } = await trx
      .insertInto('attachments')
      .values({ record_id: recordId, sha256: f.sha256, size: f.size, media_type: f.mediaType, original_name: f.originalName, created_at: at })
      .returningAll()
      .returning(stateColumn(trx, 'attachment').as('state'))
      .executeTakeFirstOrThrow();
    out.push(toAttachment(row));
    audit.push({ action: 'attach', entity: 'attachment', entityId: row.id, afterJson: state, source });
  }
  await appendAudit(ctx, trx, audit);
  return out;
}

/** A file offered as an attachment of one record: its first bytes, its digest and how to store it. */
interface Offered {
  name: string;
  head: Uint8Array;
  sha256: () => Promise<string>;
  stage: (placing: Placing) => Promise<StagedAttachment>;
}

/**
 * Checks the file against the record and the acceptance rules, then stores and links it in one
 * transaction (under a journal of the files it places). Nothing reaches the store before the checks pass.
 */
async function attach(ctx: ArchiveContext, recordId: number, file: Offered, source?: string): Promise<Attachment> {
  const record = await ctx.db.selectFrom('records').select(['id', 'voided_at']).where('id', '=', recordId).executeTakeFirst();
  if (!record) throw new SanwuError('NOT_FOUND', `没有编号为 ${recordId} 的档案记录，附件未添加。`);
  if (record.voided_at) throw new SanwuError('CONFLICT', `记录 ${recordId} 已作废，不能添加附件；如需添加，请先恢复这件档案。`);
  const refusal = attachmentRefusal(sniffFormat(file.head), file.name);
  if (refusal) throw new SanwuError('INVALID_INPUT', `${refusal}。附件未添加。`, [{ record: recordId, file: file.name, message: refusal }]);
  const sha256 = await file.sha256();
  const same = await ctx.db
    .selectFrom('attachments')
    .select('original_name')
    .where('record_id', '=', recordId)
    .where('sha256', '=', sha256)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (same) {
    const message = `“${file.name}”与这件档案已有的附件“${same.original_name}”内容相同，未重复添加`;
    throw new SanwuError('CONFLICT', `${message}。`, [{ record: recordId, file: file.name, message }]);
  }
  const [a] = await placingFiles(ctx, (journal) =>
    ctx.write.transaction(async (trx) => linkAttachments(ctx, trx, recordId, [await file.stage({ journal, trx })], source)),
  );
  return a!;
}

export function addAttachment(ctx: ArchiveContext, recordId: number, path: string, originalName = basename(path)): Promise<Attachment> {
  return attach(ctx, recordId, { name: originalName, head: readHead(path), sha256: () => hashFile(path), stage: (placing) => stageFile(ctx, path, originalName, placing) });
}

/** An uploaded file (the UI sends bytes, not paths). */
export async function addAttachmentData(ctx: ArchiveContext, recordId: number, data: Uint8Array, originalName: string, source?: string): Promise<Attachment> {
  if (data.length === 0) throw new SanwuError('INVALID_INPUT', `附件“${originalName}”是空文件，未添加。`);
  const head = data.subarray(0, 4096);
  const sha256 = async () => createHash('sha256').update(data).digest('hex');
  return attach(ctx, recordId, { name: originalName, head, sha256, stage: (placing) => stageBuffer(ctx, data, originalName, placing) }, source);
}

export async function listAttachments(db: Reader, recordId: number): Promise<Attachment[]> {
  const rows = await db.selectFrom('attachments').selectAll().where('record_id', '=', recordId).where('removed_at', 'is', null).orderBy('id').execute();
  return rows.map(toAttachment);
}
