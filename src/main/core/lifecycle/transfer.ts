// Transfer (移交) to the district archives (DESIGN.md): a year's filed items (of some communities, or
// all) are written as an electronic transfer carrier (carrier.ts) and become 移交中; `transfer confirm`
// (管理员, once the receiver has signed) makes them 已移交. The carrier is built in a temporary folder
// while the archive stays open to others, then, in one transaction, the items are checked again (still
// 在保, none held) and recorded with the carrier and its 移交登记表 (filed in the office's own fonds);
// only then is the folder renamed into place — a crash in between is finished at the next start
// (carrier-recovery.ts), so a carrier never half-exists and never exists unrecorded.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { LongTaskOptions } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import { transferConfirmSchema, transferScopeSchema, type TransferInfo, type TransferResult } from '../../../shared/lifecycle';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { requireCommunityByName } from '../communities/repository';
import { nowIso, type ArchiveContext } from '../context';
import { engineOf, stateColumn } from '../db';
import type { Reader } from '../db/handles';
import { safeName } from '../file-names';
import { discard, moveIntoPlace, stagingDir } from '../package/staging';
import { placingFiles } from '../recovery';
import { catalogueTitle } from '../reports/catalogue';
import { toRecord, type RecordRowWithJoins } from '../records/mapping';
import { selectRecords } from '../records/repository';
import { stampCellsOf } from '../stamp';
import { clearOutput } from '../transient';
import { writeCarrier, type CarrierItem } from './carrier';
import { heldAmong } from './holds';
import { someRecords } from './names';
import { fileOfficeDocuments, officeDocuments, officeFonds } from './office-fonds';
import { stepRecords } from './status';
import { transferDocuments } from './transfer-documents';

export const DEFAULT_RECEIVER = '区档案馆';
const NOTHING = '未生成移交载体，未做任何修改。';

type Scope = z.input<typeof transferScopeSchema> & { receiver?: string };

/** The year's items of the scope, judged: what may go, and what stops the transfer. */
async function plan(db: Reader, year: number, communityIds: number[]) {
  let q = selectRecords(db).where('records.year', '=', year).where('records.voided_at', 'is', null);
  if (communityIds.length > 0) q = q.where('records.community_id', 'in', communityIds);
  const rows = await q.orderBy('records.fonds_code').orderBy('records.category_code').orderBy('records.retention_code').orderBy('records.problem_code').orderBy('records.item_no').execute();
  const records = rows.map((r) => toRecord(r as RecordRowWithJoins));
  const named = (list: typeof records) => someRecords(list.map((r) => ({ id: r.id, archival_code: r.archivalCode, title: r.title })));
  const unfiled = records.filter((r) => r.status === '未归档');
  if (unfiled.length > 0) throw new SanwuError('CONFLICT', `${year}年度还有 ${unfiled.length} 件没有归档（${named(unfiled)}），未归档的文件不能移交。请先归档。${NOTHING}`);
  const appraising = records.filter((r) => r.status === '待鉴定' || r.status === '拟销毁');
  if (appraising.length > 0) throw new SanwuError('CONFLICT', `${named(appraising)} 正在鉴定或等待销毁，不能移交。请先办完鉴定和销毁。${NOTHING}`);
  const items = records.filter((r) => r.status === '在保');
  const held = await heldAmong(db, items.map((r) => r.id));
  if (held.size > 0) {
    const list = items.filter((r) => held.has(r.id));
    throw new SanwuError('CONFLICT', `${named(list)} 已冻结（${[...new Set(held.values())].slice(0, 3).join('；')}），冻结的档案不能移交。请先解除冻结，或不移交该社区。${NOTHING}`);
  }
  if (items.length === 0) throw new SanwuError('CONFLICT', `${year}年度${communityIds.length ? '所选社区' : ''}没有可移交的档案（没有在保的已归档文件，或已移交、已销毁）。`);
  return items;
}

/** Attachments of the items, by record, in the order they were added. */
async function filesOf(db: Reader, ids: number[]) {
  const out = new Map<number, { sha256: string; size: number; mediaType: string; originalName: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('attachments')
      .select(['record_id', 'sha256', 'size', 'media_type', 'original_name'])
      .where('record_id', 'in', ids.slice(i, i + 500))
      .where('removed_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.record_id) ?? [];
      list.push({ sha256: r.sha256, size: r.size, mediaType: r.media_type, originalName: r.original_name });
      out.set(r.record_id, list);
    }
  }
  return out;
}

/** The next carrier number of the office and year: {全宗号}-YJ{年度}-{nn}. */
async function nextCarrier(db: Reader, code: string, year: number): Promise<string> {
  const prefix = `${code}-YJ${year}-`;
  const taken = await db.selectFrom('transfers').select('carrier').where('carrier', 'like', `${prefix}%`).execute();
  return `${prefix}${String(taken.length + 1).padStart(2, '0')}`;
}

/** `transfer`: writes the carrier into `outDir` and makes its items 移交中. */
export async function transferYear(ctx: ArchiveContext, input: Scope, outDir: string, opts: LongTaskOptions = {}): Promise<TransferResult> {
  const s = transferScopeSchema.parse(input);
  const receiver = input.receiver?.trim() || DEFAULT_RECEIVER;
  const communities = await Promise.all((s.communities ?? []).map((name) => requireCommunityByName(ctx.db, name)));
  const ids = communities.map((c) => c.id);
  const office = await officeFonds(ctx.db);
  const items = await plan(ctx.db, s.year, ids);
  const files = await filesOf(ctx.db, items.map((r) => r.id));
  const carrier = await nextCarrier(ctx.db, office.code, s.year);
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  for (const message of clearOutput(out)) ctx.log.info(message);
  const target = join(out, `${s.year}年度电子档案移交载体_${safeName(carrier)}`);
  if (existsSync(target)) throw new SanwuError('CONFLICT', `${target} 已经存在，未覆盖。请换一个输出位置。${NOTHING}`);
  const carrierItems: CarrierItem[] = items.map((r, n) => ({
    seq: n + 1,
    recordId: r.id,
    archivalCode: r.archivalCode!,
    responsible: r.responsible,
    title: catalogueTitle(r),
    date: r.date,
    secrecy: r.secrecy,
    year: r.archivalParts!.year,
    affair: r.affair,
    retention: r.retention,
    pages: r.pages,
    notes: r.notes,
    stamp: stampCellsOf({ fonds_code: r.archivalParts!.fondsCode, filing_year: r.archivalParts!.year, item_no: r.archivalParts!.itemNo, problem_code: r.archivalParts!.problemCode || null, retention: r.retention, pages: r.pages })!,
    files: files.get(r.id) ?? [],
  }));
  const names = communities.length > 0 ? communities.map((c) => c.name) : [...new Set(items.map((r) => r.community))];
  const staging = await stagingDir(target);
  try {
    const facts = { office: office.name, receiver, carrier, year: s.year, communities: names, date: ctx.clock.now() };
    let documents: { name: string; data: Uint8Array }[] = [];
    const written = await writeCarrier(staging, engineOf(ctx.db).files, carrierItems, async (w) => {
      const made = await transferDocuments(facts, carrierItems, w);
      documents = made.documents;
      return made;
    }, opts);
    if (opts.signal?.aborted) throw new SanwuError('CANCELLED', '已取消，未生成移交载体。');
    await placingFiles(ctx, (journal) =>
      ctx.write.transaction(async (trx) => {
        // what was read before the carrier was written must still hold
        const now = await plan(trx, s.year, ids);
        if (now.length !== items.length || now.some((r, i) => r.id !== items[i]!.id)) {
          throw new SanwuError('CONFLICT', `生成载体期间${s.year}年度的档案有了变动（归档、鉴定、冻结或移交），请重新移交。${NOTHING}`);
        }
        if ((await nextCarrier(trx, office.code, s.year)) !== carrier) throw new SanwuError('CONFLICT', `载体编号 ${carrier} 已被同时进行的另一次移交占用，请重新移交。${NOTHING}`);
        const at = nowIso(ctx);
        const t = await trx
          .insertInto('transfers')
          .values({ carrier, year: s.year, communities: JSON.stringify(communities.map((c) => c.name)), path: target, items: items.length, files: written.files, bytes: written.bytes, created_at: at, created_by: ctx.actor })
          .returning(['id', stateColumn(trx, 'transfer').as('state')])
          .executeTakeFirstOrThrow();
        const audit: AuditInput[] = [{ action: 'transfer', entity: 'transfer', entityId: t.id, afterJson: t.state }];
        for (let i = 0; i < carrierItems.length; i += 200) {
          const rows = await trx
            .insertInto('transfer_items')
            .values(carrierItems.slice(i, i + 200).map((c) => ({ transfer_id: t.id, record_id: c.recordId, seq: c.seq })))
            .returning(['id', stateColumn(trx, 'transfer_item').as('state')])
            .execute();
          for (const r of rows) audit.push({ action: 'create', entity: 'transfer_item', entityId: r.id, afterJson: r.state });
        }
        await appendAudit(ctx, trx, audit);
        await stepRecords(ctx, trx, items.map((r) => r.id), 'transfer');
        const title = `${s.year}年度电子档案移交与接收登记表（载体${carrier}）`;
        await fileOfficeDocuments(ctx, trx, journal, `transfer:${t.id}`, [{ kind: '移交登记表', title, files: documents.map((d) => ({ name: d.name, data: d.data })) }]);
        return t.id;
      }),
    ).then(async (id) => {
      await moveIntoPlace(staging, target);
      return id;
    });
    const info = await findTransfer(ctx.db, carrier);
    return { carrier, path: target, items: items.length, files: written.files, bytes: written.bytes, documents: await officeDocuments(ctx.db, [`transfer:${info.id}`]) };
  } catch (e) {
    if (!existsSync(target)) await discard(staging);
    throw e;
  }
}

const toInfo = (r: {
  id: number;
  carrier: string;
  year: number;
  communities: string;
  path: string;
  items: number;
  files: number;
  bytes: number;
  created_at: string;
  created_by: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
}): TransferInfo => ({
  id: r.id,
  carrier: r.carrier,
  year: r.year,
  communities: JSON.parse(r.communities) as string[],
  path: r.path,
  items: r.items,
  files: r.files,
  bytes: r.bytes,
  createdAt: r.created_at,
  createdBy: r.created_by,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
});

export async function listTransfers(db: Reader): Promise<TransferInfo[]> {
  return (await db.selectFrom('transfers').selectAll().orderBy('id', 'desc').execute()).map(toInfo);
}

/** A carrier by its number (as `transfer` printed it) or its id. */
export async function findTransfer(db: Reader, carrier: string): Promise<TransferInfo> {
  const byId = /^\d+$/.test(carrier) ? Number(carrier) : -1;
  const row = await db.selectFrom('transfers').selectAll().where((eb) => eb.or([eb('carrier', '=', carrier), eb('id', '=', byId)])).executeTakeFirst();
  if (!row) throw new SanwuError('NOT_FOUND', `没有编号为“${carrier}”的移交载体。请用生成载体时给出的载体编号。`);
  return toInfo(row);
}

/** `transfer confirm` (管理员, after the receiver signed): the carrier's items become 已移交. */
export async function confirmTransfer(ctx: ArchiveContext, input: z.input<typeof transferConfirmSchema>): Promise<TransferInfo> {
  const { carrier } = transferConfirmSchema.parse(input);
  const id = await ctx.write.transaction(async (trx) => {
    const t = await findTransfer(trx, carrier);
    if (t.confirmedAt) throw new SanwuError('CONFLICT', `载体 ${t.carrier} 已于 ${t.confirmedAt.slice(0, 10)} 由 ${t.confirmedBy} 确认移交，不能重复确认。`);
    const { state } = await trx
      .updateTable('transfers')
      .set({ confirmed_at: nowIso(ctx), confirmed_by: ctx.actor })
      .where('id', '=', t.id)
      .returning(stateColumn(trx, 'transfer').as('state'))
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [{ action: 'transfer-confirm', entity: 'transfer', entityId: t.id, afterJson: state }]);
    const ids = (await trx.selectFrom('transfer_items').select('record_id').where('transfer_id', '=', t.id).orderBy('seq').execute()).map((r) => r.record_id);
    await stepRecords(ctx, trx, ids, 'transfer-confirm');
    return t.id;
  });
  return toInfo(await ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
