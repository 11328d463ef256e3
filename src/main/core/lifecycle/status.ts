// The record statuses' one door (DESIGN.md "The record's life after filing"): 未归档 → 在保 → 待鉴定 →
// (在保 with a new term | 拟销毁 → 已销毁); 在保 → 移交中 → 已移交. Each step moves records that are all
// in the step's starting status, writes each one's new state to the audit log, and is refused whole
// otherwise. The database refuses any other step, and each of these without its act on record
// (migration 0009), so this is the only way a status changes.
import { SanwuError } from '../../../shared/errors';
import type { RecordStatus, Retention } from '../../../shared/vocabulary';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Trx } from '../db/handles';

export type Step = 'appraisal-open' | 'appraisal-keep' | 'appraisal-destroy' | 'destroy' | 'transfer' | 'transfer-confirm';

export const STEPS: Record<Step, { from: RecordStatus; to: RecordStatus }> = {
  'appraisal-open': { from: '在保', to: '待鉴定' },
  'appraisal-keep': { from: '待鉴定', to: '在保' },
  'appraisal-destroy': { from: '待鉴定', to: '拟销毁' },
  destroy: { from: '拟销毁', to: '已销毁' },
  transfer: { from: '在保', to: '移交中' },
  'transfer-confirm': { from: '移交中', to: '已移交' },
};

/** Records per statement: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/**
 * Moves `ids` one step inside `trx` (with `retention` the kept items' new term), each audited with its
 * new state under the step's name. Refused whole (CONFLICT) when any is not in the starting status.
 */
export async function stepRecords(ctx: ArchiveContext, trx: Trx, ids: number[], step: Step, retention?: Retention): Promise<void> {
  const { from, to } = STEPS[step];
  const at = nowIso(ctx);
  const audit: AuditInput[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await trx
      .updateTable('records')
      .set({ status: to, updated_at: at, ...(retention ? { retention } : {}) })
      .where('id', 'in', chunk)
      .where('status', '=', from)
      .where('voided_at', 'is', null)
      .returning(['id', stateColumn(trx, 'record').as('state')])
      .execute();
    if (rows.length !== new Set(chunk).size) {
      const moved = new Set(rows.map((r) => r.id));
      const stuck = chunk.filter((id) => !moved.has(id)).slice(0, 5);
      throw new SanwuError('CONFLICT', `记录 ${stuck.join('、')} 的状态不是“${from}”，不能改为“${to}”，未做任何修改。请刷新后再试。`);
    }
    for (const r of rows) audit.push({ action: step, entity: 'record', entityId: r.id, before: { status: from }, afterJson: r.state });
  }
  await appendAudit(ctx, trx, audit);
}
