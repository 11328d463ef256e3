// The street office's own fonds (全宗): the documents of its appraisals, destructions and transfers
// (鉴定意见书, 销毁清册, 移交登记表) are items of the office's own archive — its code from `init --code`
// as 全宗号, 门类 WS, 永久, 问题 DA (档案工作) — numbered in their own cell like any filed item (a 件号
// is never re-used), their files in the same content-addressed store as the records' attachments (a folder's
// files/, a server's database), so that fixity, backups and the store check cover them.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SanwuError } from '../../../shared/errors';
import type { OfficeDocument, OfficeFile } from '../../../shared/lifecycle';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { codeTemplate } from '../archival-codes/filing';
import { archivalCodePattern, renderArchivalCode } from '../archival-codes/template';
import type { ServedFile } from '../attachments/served';
import { stageBuffer } from '../attachments/repository';
import type { PlacedJournal } from '../attachments/store';
import { isoDay, nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import { engineOf } from '../db/engine';
import { safeName } from '../file-names';
import { besideTarget } from '../transient';
import type { Reader, Trx } from '../db/handles';

export const OFFICE_CELL = { categoryCode: 'WS', retention: '永久', retentionCode: 'Y', problemCode: 'DA' } as const;

export interface DocumentDraft {
  kind: string;
  title: string;
  files: { name: string; data: Uint8Array }[];
}

/** The office's fonds: its name and code, refused (nothing written) while the code cannot be a 全宗号. */
export async function officeFonds(db: Reader): Promise<{ name: string; code: string }> {
  const office = await db.selectFrom('street_office').select(['name', 'code']).executeTakeFirst();
  if (!office) throw new SanwuError('NOT_FOUND', '档案库还没有设置街道办事处，未做任何修改。');
  const code = office.code.trim();
  if (!/^[A-Za-z0-9]{1,8}$/.test(code)) {
    throw new SanwuError(
      'CONFLICT',
      `街道办事处${code ? `的代码“${code}”不能用作全宗号（应为 1 至 8 位字母或数字）` : '还没有代码（全宗号）'}：本单位的鉴定意见书、销毁清册、移交登记表要作为街道办事处全宗的档案编号保存。请管理员先在“设置 → 街道信息”中填写街道代码，未做任何修改。`,
    );
  }
  const clash = await db.selectFrom('communities').select('name').where('code', '=', code).executeTakeFirst();
  if (clash) throw new SanwuError('CONFLICT', `街道代码 ${code} 与${clash.name}的全宗号相同，本单位的档案无法编号。请管理员在“设置”中更改其中之一，未做任何修改。`);
  return { name: office.name, code };
}

/** Files the documents of one act as items of the office's fonds inside `trx`; their files go into the store under `journal`. */
export async function fileOfficeDocuments(ctx: ArchiveContext, trx: Trx, journal: PlacedJournal, act: string, drafts: DocumentDraft[]): Promise<number[]> {
  if (drafts.length === 0) return [];
  const fonds = await officeFonds(trx);
  const template = await codeTemplate(trx);
  const at = nowIso(ctx);
  const date = isoDay(ctx.clock.now());
  const year = Number(date.slice(0, 4));
  const cell = { fonds_code: fonds.code, category_code: OFFICE_CELL.categoryCode, year, retention_code: OFFICE_CELL.retentionCode, problem_code: OFFICE_CELL.problemCode };
  const last = await trx
    .selectFrom('office_records')
    .select((eb) => eb.fn.max('item_no').as('n'))
    .where('fonds_code', '=', cell.fonds_code)
    .where('category_code', '=', cell.category_code)
    .where('year', '=', year)
    .where('retention_code', '=', cell.retention_code)
    .where('problem_code', '=', cell.problem_code)
    .executeTakeFirst();
  let itemNo = Number(last?.n ?? 0);
  const ids: number[] = [];
  const audit: AuditInput[] = [];
  for (const d of drafts) {
    itemNo++;
    const code = renderArchivalCode({ fondsCode: cell.fonds_code, categoryCode: cell.category_code, year, retentionCode: cell.retention_code, problemCode: cell.problem_code, itemNo }, template);
    if (!archivalCodePattern(template).test(code)) throw new SanwuError('CONFLICT', `本单位档案的档号 ${code} 不符合档号规则“${template}”，未做任何修改。请管理员检查档号模板。`);
    const { id, state } = await trx
      .insertInto('office_records')
      .values({ ...cell, retention: OFFICE_CELL.retention, item_no: itemNo, archival_code: code, kind: d.kind, title: d.title, responsible: fonds.name, date, act, created_at: at, created_by: ctx.actor })
      .returning(['id', stateColumn(trx, 'office_record').as('state')])
      .executeTakeFirstOrThrow();
    ids.push(id);
    audit.push({ action: 'create', entity: 'office_record', entityId: id, afterJson: state });
    for (const f of d.files) {
      const staged = await stageBuffer(ctx, f.data, f.name, { journal, trx });
      const file = await trx
        .insertInto('office_files')
        .values({ office_record_id: id, sha256: staged.sha256, size: staged.size, media_type: staged.mediaType, name: f.name, created_at: at })
        .returning(['id', stateColumn(trx, 'office_file').as('state')])
        .executeTakeFirstOrThrow();
      audit.push({ action: 'attach', entity: 'office_file', entityId: file.id, afterJson: file.state });
    }
  }
  await appendAudit(ctx, trx, audit);
  return ids;
}

/** The documents of the office's fonds (of some acts, or all), in 档号 order. */
export async function officeDocuments(db: Reader, acts?: string[]): Promise<OfficeDocument[]> {
  if (acts && acts.length === 0) return [];
  let q = db.selectFrom('office_records').selectAll().orderBy('year').orderBy('item_no');
  if (acts) q = q.where('act', 'in', acts);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const files = await db.selectFrom('office_files').selectAll().where('office_record_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  const byRecord = new Map<number, OfficeFile[]>();
  for (const f of files) {
    const list = byRecord.get(f.office_record_id) ?? [];
    list.push({ id: f.id, name: f.name, size: f.size, sha256: f.sha256, mediaType: f.media_type });
    byRecord.set(f.office_record_id, list);
  }
  return rows.map((r) => ({ id: r.id, archivalCode: r.archival_code, kind: r.kind, title: r.title, date: r.date, act: actLabel(r.act), files: byRecord.get(r.id) ?? [] }));
}

/** appraisal:3 → 第3批鉴定; destruction:3 → 第3批鉴定的销毁; transfer:2 → 第2次移交 */
export function actLabel(act: string): string {
  const [kind, n] = act.split(':');
  if (kind === 'appraisal') return `第${n}批鉴定`;
  if (kind === 'destruction') return `第${n}批鉴定的销毁`;
  if (kind === 'transfer') return `第${n}次移交`;
  return act;
}

/** A stored file of the office's documents, as the transports serve it. */
export async function officeFile(ctx: ArchiveContext, id: number): Promise<ServedFile> {
  const row = await ctx.db.selectFrom('office_files').select(['sha256', 'name', 'media_type']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new SanwuError('NOT_FOUND', `没有编号为 ${id} 的本单位档案文件。`);
  return { path: await engineOf(ctx.db).files.localPath(row.sha256), name: row.name, mediaType: row.media_type };
}

/** Copies the files of some documents into `out` (the CLI's --out), each written whole then renamed into place. */
export async function exportOfficeFiles(ctx: ArchiveContext, ids: number[], out: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('office_files').select(['sha256', 'name']).where('office_record_id', 'in', ids).orderBy('id').execute();
  if (rows.length === 0) throw new SanwuError('NOT_FOUND', '没有要导出的本单位档案文件。');
  const dir = resolve(out);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const r of rows) {
    const target = join(dir, safeName(r.name));
    const partial = besideTarget(target, 'partial');
    try {
      await copyFile(await engineOf(ctx.db).files.localPath(r.sha256), partial);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    written.push(target);
  }
  return written;
}
