// The stored bytes of destroyed items leave the store (files/ or the server's database) — the one
// removal the archive ever makes — after the destruction committed, in a transaction of its own (under
// the write lock, so no writer is about to link the same bytes meanwhile): every file of the batch's destroyed items that no live
// record (nor an office document) holds is removed, and the destruction records how many and when. A
// crash before that commit leaves files_removed_at empty: the next start of any command finishes the
// job (finishDestructions), so a destruction is never left half done.
import { appendAudit } from '../audit-log/append';
import { digestLive } from '../attachments/references';
import { nowIso, type ArchiveContext } from '../context';
import { engineOf, stateColumn } from '../db';

/** Removes the destroyed items' files of one destruction: how many left the store (null: done before). */
export async function removeDestroyedFiles(ctx: ArchiveContext, destructionId: number): Promise<number | null> {
  return ctx.write.transaction(async (trx) => {
    const d = await trx.selectFrom('destructions').select(['batch_id', 'files_removed_at']).where('id', '=', destructionId).executeTakeFirstOrThrow();
    if (d.files_removed_at !== null) return null;
    const digests = await trx
      .selectFrom('attachments')
      .innerJoin('appraisal_items', 'appraisal_items.record_id', 'attachments.record_id')
      .select('attachments.sha256')
      .distinct()
      .where('appraisal_items.batch_id', '=', d.batch_id)
      .where('appraisal_items.decision', '=', 'destroy')
      .orderBy('attachments.sha256')
      .execute();
    const removed: string[] = [];
    for (const { sha256 } of digests) {
      if (await digestLive(trx, sha256)) continue;
      await engineOf(trx).files.remove(sha256, trx);
      removed.push(sha256);
    }
    const { state } = await trx
      .updateTable('destructions')
      .set({ files_removed: removed.length, files_removed_at: nowIso(ctx) })
      .where('id', '=', destructionId)
      .returning(stateColumn(trx, 'destruction').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'destroy-files', entity: 'destruction', entityId: destructionId, before: { files: removed }, afterJson: state }]);
    return removed.length;
  });
}

/** At every start: destructions whose files a crash kept in the store are finished. Returns what was done (Chinese). */
export async function finishDestructions(ctx: ArchiveContext): Promise<string[]> {
  const pending = await ctx.db.selectFrom('destructions').select(['id', 'batch_id']).where('files_removed_at', 'is', null).execute();
  const done: string[] = [];
  for (const d of pending) {
    const n = await removeDestroyedFiles(ctx, d.id);
    if (n !== null) done.push(`上次第 ${d.batch_id} 批鉴定的销毁在移除文件时中断，已完成：${n} 个已销毁档案的文件移出附件库。`);
  }
  return done;
}
