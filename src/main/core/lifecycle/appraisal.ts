// Appraisal (鉴定, DESIGN.md): the filed items whose term ran out as of a date form a batch (their
// status 待鉴定); each gets a decision — keep with a new term, or destroy — with a reason; closing the
// batch (every item decided) writes the 鉴定意见书 and the draft 销毁清册 into the office's own fonds,
// returns the kept items to 在保 with their new term (counted from 1 January after the closing year)
// and makes the others 拟销毁. Every step is one audited transaction; a refused one changes nothing.
import { z } from 'zod';
import { SanwuError } from '../../../shared/errors';
import type { AppraisalBatch, AppraisalClosed, AppraisalOpened, DueItem, DueList } from '../../../shared/lifecycle';
import { appraisalCloseSchema, appraisalDecideSchema, appraisalScopeSchema } from '../../../shared/lifecycle';
import type { Retention } from '../../../shared/vocabulary';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { requireCommunityByName } from '../communities/repository';
import { isoDay, nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Reader } from '../db/handles';
import { placingFiles } from '../recovery';
import { appraisalDocuments } from './appraisal-documents';
import { batchItems, findBatch } from './batches';
import { heldAmong } from './holds';
import { someRecords } from './names';
import { fileOfficeDocuments, officeDocuments, officeFonds } from './office-fonds';
import { stepRecords } from './status';
import { dueFromOf, dueSql, expirySql, termEnd } from './terms';

type Scope = z.input<typeof appraisalScopeSchema>;

/** The filed items in force (在保) whose term ran out before `asOf`'s year, in 档号 order. */
async function dueRows(db: Reader, asOf: string, communityId: number | null) {
  let q = db
    .selectFrom('records')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .select(['records.id', 'records.archival_code', 'records.title', 'records.year', 'records.filing_year', 'records.retention', 'communities.name as community'])
    .select(expirySql.as('expires'))
    .where('records.status', '=', '在保')
    .where('records.item_no', 'is not', null)
    .where('records.voided_at', 'is', null)
    .where('records.retention', '<>', '永久')
    .where(dueSql(asOf))
    .orderBy('records.fonds_code')
    .orderBy('records.category_code')
    .orderBy('records.filing_year')
    .orderBy('records.archival_code');
  if (communityId !== null) q = q.where('records.community_id', '=', communityId);
  const rows = await q.execute();
  const held = await heldAmong(db, rows.map((r) => r.id));
  return rows.map(
    (r): DueItem => ({
      id: r.id,
      archivalCode: r.archival_code ?? '',
      title: r.title,
      year: r.filing_year ?? r.year,
      retention: r.retention as Retention,
      dueFrom: dueFromOf(Number(r.expires)),
      community: r.community,
      held: held.get(r.id) ?? null,
    }),
  );
}

/** How many items are due for appraisal as of a date (the 工作台's warning). */
export async function dueCount(db: Reader, asOf: string): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', '在保')
    .where('item_no', 'is not', null)
    .where('voided_at', 'is', null)
    .where('retention', '<>', '永久')
    .where(dueSql(asOf))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function scopeOf(ctx: ArchiveContext, db: Reader, input: Scope): Promise<{ asOf: string; communityId: number | null }> {
  const s = appraisalScopeSchema.parse(input);
  const communityId = s.community ? (await requireCommunityByName(db, s.community)).id : null;
  return { asOf: s.asOf ?? isoDay(ctx.clock.now()), communityId };
}

/** `appraisal due`: what is due for appraisal as of a date (today by default). */
export async function dueForAppraisal(ctx: ArchiveContext, input: Scope = {}): Promise<DueList> {
  const { asOf, communityId } = await scopeOf(ctx, ctx.db, input);
  return { asOf, items: await dueRows(ctx.db, asOf, communityId) };
}

/** `appraisal open`: the due items become a batch, each 待鉴定. */
export async function openAppraisal(ctx: ArchiveContext, input: Scope = {}): Promise<AppraisalOpened> {
  return ctx.write.transaction(async (trx) => {
    const { asOf, communityId } = await scopeOf(ctx, trx, input);
    const items = await dueRows(trx, asOf, communityId);
    if (items.length === 0) throw new SanwuError('CONFLICT', `截至${asOf}没有到期需要鉴定的档案（在保且保管期限已满），未建立鉴定批次。`);
    const at = nowIso(ctx);
    const batch = await trx
      .insertInto('appraisal_batches')
      .values({ as_of: asOf, community_id: communityId, opened_at: at, opened_by: ctx.actor })
      .returning(['id', stateColumn(trx, 'appraisal_batch').as('state')])
      .executeTakeFirstOrThrow();
    const audit: AuditInput[] = [{ action: 'appraisal-open', entity: 'appraisal_batch', entityId: batch.id, afterJson: batch.state }];
    for (let i = 0; i < items.length; i += 200) {
      const rows = await trx
        .insertInto('appraisal_items')
        .values(items.slice(i, i + 200).map((it) => ({ batch_id: batch.id, record_id: it.id, retention_before: it.retention, due_from: it.dueFrom })))
        .returning(['id', stateColumn(trx, 'appraisal_item').as('state')])
        .execute();
      for (const r of rows) audit.push({ action: 'create', entity: 'appraisal_item', entityId: r.id, afterJson: r.state });
    }
    await appendAudit(ctx, trx, audit);
    await stepRecords(ctx, trx, items.map((it) => it.id), 'appraisal-open');
    return { batch: batch.id, asOf, items };
  });
}

async function openBatch(trx: Reader, id: number): Promise<AppraisalBatch> {
  const batch = await findBatch(trx, id);
  if (batch.closedAt) throw new SanwuError('CONFLICT', `第 ${id} 批鉴定已于 ${batch.closedOn} 结束，鉴定意见不能再改。`);
  return batch;
}

/** `appraisal decide`: keep with a new term, or destroy, with a reason, for items of an open batch. */
export async function decideAppraisal(ctx: ArchiveContext, input: z.input<typeof appraisalDecideSchema>): Promise<AppraisalBatch> {
  const d = appraisalDecideSchema.parse(input);
  await ctx.write.transaction(async (trx) => {
    await openBatch(trx, d.batch);
    const ids = [...new Set(d.records)];
    const inBatch = new Map<number, { id: number; archival_code: string | null; title: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom('appraisal_items as i')
        .innerJoin('records as r', 'r.id', 'i.record_id')
        .select(['i.record_id as id', 'r.archival_code', 'r.title'])
        .where('i.batch_id', '=', d.batch)
        .where('i.record_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) inBatch.set(r.id, r);
    }
    const outside = ids.filter((id) => !inBatch.has(id));
    if (outside.length > 0) throw new SanwuError('INVALID_INPUT', `记录 ${outside.slice(0, 5).join('、')}${outside.length > 5 ? ` 等 ${outside.length} 件` : ''} 不在第 ${d.batch} 批鉴定中，未做任何修改。`);
    if (d.decision === 'destroy') {
      const held = await heldAmong(trx, ids);
      if (held.size > 0) {
        const rows = ids.filter((id) => held.has(id)).map((id) => inBatch.get(id)!);
        throw new SanwuError('CONFLICT', `${someRecords(rows)} 已冻结（${[...new Set(held.values())].slice(0, 3).join('；')}），涉及未结事项的档案不得销毁：请改为继续保存，或先解除冻结。未做任何修改。`);
      }
    }
    const audit: AuditInput[] = [];
    const at = nowIso(ctx);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .updateTable('appraisal_items')
        .set({ decision: d.decision, new_retention: d.retention ?? null, reason: d.reason, decided_at: at, decided_by: ctx.actor })
        .where('batch_id', '=', d.batch)
        .where('record_id', 'in', ids.slice(i, i + 500))
        .returning(['id', stateColumn(trx, 'appraisal_item').as('state')])
        .execute();
      for (const r of rows) audit.push({ action: 'appraisal-decide', entity: 'appraisal_item', entityId: r.id, afterJson: r.state });
    }
    await appendAudit(ctx, trx, audit);
  });
  return findBatch(ctx.db, d.batch);
}

/**
 * `appraisal close`: every item decided; the kept items get their new term (its last year on the
 * decision) and return to 在保, the others become 拟销毁; the 鉴定意见书 and the draft 销毁清册 are filed
 * in the office's own fonds. Returns the batch and those documents.
 */
export async function closeAppraisal(ctx: ArchiveContext, input: z.input<typeof appraisalCloseSchema>): Promise<AppraisalClosed> {
  const c = appraisalCloseSchema.parse(input);
  await placingFiles(ctx, (journal) =>
    ctx.write.transaction(async (trx) => {
      const batch = await openBatch(trx, c.batch);
      const fonds = await officeFonds(trx);
      const items = await batchItems(trx, c.batch);
      const open = items.filter((i) => i.decision === null);
      if (open.length > 0) {
        throw new SanwuError('CONFLICT', `第 ${c.batch} 批还有 ${open.length} 件没有鉴定意见（${someRecords(open.map((i) => ({ id: i.record_id, archival_code: i.archival_code, title: i.title })))}），不能结束鉴定。请逐件作出“继续保存”或“拟销毁”的决定后再结束。`);
      }
      const heldDestroy = items.filter((i) => i.decision === 'destroy' && i.held !== null);
      if (heldDestroy.length > 0) {
        throw new SanwuError('CONFLICT', `${someRecords(heldDestroy.map((i) => ({ id: i.record_id, archival_code: i.archival_code, title: i.title })))} 已冻结，不得拟销毁：请改为继续保存，或先解除冻结。未做任何修改。`);
      }
      const closedOn = isoDay(ctx.clock.now());
      const closeYear = Number(closedOn.slice(0, 4));
      const audit: AuditInput[] = [];
      // the kept items' new terms run from 1 January after the closing year: their last year is kept on the decision
      for (const i of items.filter((x) => x.decision === 'keep' && x.new_retention !== '永久')) {
        const { state } = await trx
          .updateTable('appraisal_items')
          .set({ expires_year: termEnd(closeYear, i.new_retention as Retention) })
          .where('id', '=', i.item_id)
          .returning(stateColumn(trx, 'appraisal_item').as('state'))
          .executeTakeFirstOrThrow();
        audit.push({ action: 'appraisal-term', entity: 'appraisal_item', entityId: i.item_id, afterJson: state });
      }
      const closed = await trx
        .updateTable('appraisal_batches')
        .set({ closed_at: nowIso(ctx), closed_by: ctx.actor, closed_on: closedOn, group_members: JSON.stringify(c.group), opinion: c.opinion })
        .where('id', '=', c.batch)
        .returning(stateColumn(trx, 'appraisal_batch').as('state'))
        .executeTakeFirstOrThrow();
      audit.push({ action: 'appraisal-close', entity: 'appraisal_batch', entityId: c.batch, afterJson: closed.state });
      await appendAudit(ctx, trx, audit);
      for (const term of new Set(items.filter((i) => i.decision === 'keep').map((i) => i.new_retention as Retention))) {
        await stepRecords(ctx, trx, items.filter((i) => i.decision === 'keep' && i.new_retention === term).map((i) => i.record_id), 'appraisal-keep', term);
      }
      await stepRecords(ctx, trx, items.filter((i) => i.decision === 'destroy').map((i) => i.record_id), 'appraisal-destroy');
      const drafts = await appraisalDocuments({ office: fonds.name, batch: { ...batch, closedOn, group: c.group, opinion: c.opinion }, items, closedOn: ctx.clock.now() });
      return fileOfficeDocuments(ctx, trx, journal, `appraisal:${c.batch}`, drafts);
    }),
  );
  return { batch: await findBatch(ctx.db, c.batch), documents: await officeDocuments(ctx.db, [`appraisal:${c.batch}`]) };
}
