// Removing an attachment added by mistake to an unfiled record. How a removal is recorded (for the
// archive check and reconciliation):
// - the attachments row stays, with removed_at set: nothing is deleted, and the row still names the
//   file's digest;
// - the audit log holds action 'detach', entity 'attachment', entity_id = the attachment, before = the
//   attachment as it was (id, sha256, size, media type, name) and the reason given, after = its whole
//   state now (audit-log/states.ts; the record's history lists its attachments' entries);
// - the stored file (files/<aa>/<sha256>) is never touched: other records may hold the same digest,
//   and a digest whose every row is removed is a kept file, not a stray (a stray has no row at all).
// Filed records lose attachments only through the lifecycle (appraisal and destruction).
import { SanwuError } from '../../../shared/errors';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import { toAttachment } from './repository';

export async function removeAttachment(ctx: ArchiveContext, id: number, reason = ''): Promise<void> {
  await ctx.write.transaction(async (trx) => {
    const row = await trx.selectFrom('attachments').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    if (!row) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的附件（可能已被移除）。`);
    const record = await trx.selectFrom('records').select(['id', 'item_no', 'archival_code', 'status', 'voided_at']).where('id', '=', row.record_id).executeTakeFirstOrThrow();
    if (record.item_no !== null || record.status !== '未归档') {
      throw new SanwuError(
        'CONFLICT',
        `记录 ${record.id} 已归档${record.archival_code ? `（档号 ${record.archival_code}）` : ''}，附件“${row.original_name}”不能直接移除，只能通过鉴定和销毁清册处置。`,
      );
    }
    if (record.voided_at) throw new SanwuError('CONFLICT', `记录 ${record.id} 已作废，不能移除附件；如需移除，请先恢复这件档案。`);
    const at = nowIso(ctx);
    const { state } = await trx.updateTable('attachments').set({ removed_at: at }).where('id', '=', id).returning(stateColumn(trx, 'attachment').as('state')).executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'detach', entity: 'attachment', entityId: id, before: { ...toAttachment(row), reason }, afterJson: state }]);
  });
}
