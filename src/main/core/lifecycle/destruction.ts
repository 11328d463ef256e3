// Destruction (销毁, DESIGN.md): a 管理员 who did not close the appraisal approves a batch's
// destruction, naming two distinct 监销人 and the day (not in the future, not before the appraisal
// closed). In one transaction the batch's 拟销毁 items become 已销毁 and the final 销毁清册 is filed in
// the office's own fonds; then, in a second one, their stored files leave the store (destroy-files.ts)
// while their metadata, digests and audit trail stay. Refused whole — nothing changed — for a held
// item, an item not 拟销毁, one's own appraisal, one 监销人 named twice, or a date out of range.
import { z } from 'zod';
import { SanwuError } from '../../../shared/errors';
import { destructionApproveSchema, type DestructionResult } from '../../../shared/lifecycle';
import { appendAudit } from '../audit-log/append';
import { isoDay, nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import { placingFiles } from '../recovery';
import { hasAccounts } from '../users/repository';
import { destructionGroups, destructionListDraft } from './appraisal-documents';
import { batchItems, findBatch } from './batches';
import { removeDestroyedFiles } from './destroy-files';
import { someRecords } from './names';
import { fileOfficeDocuments, officeDocuments, officeFonds } from './office-fonds';
import { stepRecords } from './status';

const NOTHING = '未做任何修改。';

const same = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/** Who may approve, before anything is read under the write lock. */
async function approverOf(ctx: ArchiveContext, approver: string): Promise<{ name: string; display: string }> {
  if (!(await hasAccounts(ctx.db))) {
    throw new SanwuError(
      'CONFLICT',
      `销毁须由管理员账号批准，且批准人不能是结束鉴定的人：本档案库还没有用户账号，无法核实批准人。请先在“设置 → 用户”中建立管理员账号，由管理员登录后批准。${NOTHING}`,
    );
  }
  const user = ctx.user;
  if (!user || user.role !== '管理员') throw new SanwuError('FORBIDDEN', `批准销毁须由管理员登录后办理。${NOTHING}`);
  if (approver !== user.name) throw new SanwuError('CONFLICT', `批准人须是登录的管理员本人（当前登录的是“${user.name}”，填写的批准人是“${approver}”）。${NOTHING}`);
  return { name: user.name, display: user.display || user.name };
}

export async function approveDestruction(ctx: ArchiveContext, input: z.input<typeof destructionApproveSchema>): Promise<DestructionResult> {
  const d = destructionApproveSchema.parse(input);
  const approver = await approverOf(ctx, d.approver);
  const [first, second] = d.supervisors as [string, string];
  if (same(first, second)) throw new SanwuError('INVALID_INPUT', `两名监销人须是不同的人（填写了两次“${first}”）。${NOTHING}`);
  const today = isoDay(ctx.clock.now());
  if (d.date > today) throw new SanwuError('INVALID_INPUT', `销毁日期 ${d.date} 在今天（${today}）之后：只能登记已经或正在进行的销毁。${NOTHING}`);
  const destroyed = await placingFiles(ctx, (journal) =>
    ctx.write.transaction(async (trx) => {
      const batch = await findBatch(trx, d.batch);
      if (!batch.closedAt || !batch.closedOn) throw new SanwuError('CONFLICT', `第 ${d.batch} 批鉴定还没有结束，档案尚未列入销毁清册，不能批准销毁。请先结束鉴定。${NOTHING}`);
      if (batch.destruction) throw new SanwuError('CONFLICT', `第 ${d.batch} 批鉴定的拟销毁档案已于 ${batch.destruction.date} 销毁（批准人 ${batch.destruction.approver}），不能再次批准。`);
      if (batch.closedBy === approver.name) throw new SanwuError('CONFLICT', `批准人不能是结束这批鉴定的人（${approver.name}）：鉴定与批准须由不同的人办理。请由另一位管理员批准。${NOTHING}`);
      if (d.date < batch.closedOn) throw new SanwuError('INVALID_INPUT', `销毁日期 ${d.date} 早于这批鉴定结束的日期 ${batch.closedOn}：须先鉴定、后销毁。${NOTHING}`);
      await officeFonds(trx);
      const items = (await batchItems(trx, d.batch)).filter((i) => i.decision === 'destroy');
      if (items.length === 0) throw new SanwuError('CONFLICT', `第 ${d.batch} 批鉴定没有拟销毁的档案，无需批准销毁。`);
      const named = (rows: typeof items) => someRecords(rows.map((i) => ({ id: i.record_id, archival_code: i.archival_code, title: i.title })));
      const held = items.filter((i) => i.held !== null);
      if (held.length > 0) throw new SanwuError('CONFLICT', `${named(held)} 已冻结（${held[0]!.held}），涉及未结事项的档案不得销毁。请先解除冻结，再批准销毁。${NOTHING}`);
      const notProposed = items.filter((i) => i.status !== '拟销毁');
      if (notProposed.length > 0) throw new SanwuError('CONFLICT', `${named(notProposed)} 的状态不是“拟销毁”，不能销毁。${NOTHING}`);
      const { id, state } = await trx
        .insertInto('destructions')
        .values({ batch_id: d.batch, approver: approver.name, supervisor1: first, supervisor2: second, destroyed_on: d.date, approved_at: nowIso(ctx), items: items.length })
        .returning(['id', stateColumn(trx, 'destruction').as('state')])
        .executeTakeFirstOrThrow();
      await appendAudit(ctx, trx, [{ action: 'destroy', entity: 'destruction', entityId: id, afterJson: state }]);
      await stepRecords(ctx, trx, items.map((i) => i.record_id), 'destroy');
      const office = await officeFonds(trx);
      const list = await destructionListDraft(`第${d.batch}批鉴定销毁清册`, destructionGroups(items), {
        unit: office.name,
        asOf: new Date(`${d.date}T12:00:00`),
        draft: false,
        destroyedOn: new Date(`${d.date}T12:00:00`),
        signers: { groupHead: batch.group[0], approver: approver.display, supervisors: [first, second], appraisedOn: new Date(`${batch.closedOn}T12:00:00`), approvedOn: ctx.clock.now() },
      });
      await fileOfficeDocuments(ctx, trx, journal, `destruction:${d.batch}`, [list]);
      return { id, items: items.length };
    }),
  );
  // the destruction stands once recorded: files that cannot be removed now are removed at the next start
  const removed = await removeDestroyedFiles(ctx, destroyed.id).catch((e: Error) => {
    ctx.log.warn(`已销毁档案的文件暂时无法移出附件库（${e.message}），下次打开档案库时会自动完成。`);
    return undefined;
  });
  const filesRemoved = removed ?? (await findBatch(ctx.db, d.batch)).destruction?.filesRemoved ?? 0;
  return {
    batch: d.batch,
    destroyed: destroyed.items,
    filesRemoved,
    ...(removed === undefined ? { filesPending: true } : {}),
    documents: await officeDocuments(ctx.db, [`destruction:${d.batch}`]),
  };
}
