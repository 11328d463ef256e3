// `sanwu receive` (DESIGN.md "Upward: the district"): each package or carrier is verified whole, then
// taken in by one transaction — or refused whole, nothing written. The same package twice adds nothing
// (`unchanged`); a newer package (later Sanwu-Created) of the same office and year replaces the older,
// which is kept and marked replaced (audited); an older one is refused; a package from an office the
// district does not know is refused unless the caller adds the office (`addOffice`).
import { basename } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import type { ReceiveError, ReceiveResult, ReceivedItem } from '../../../shared/district';
import { isSanwuError } from '../../../shared/errors';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Trx } from '../db/handles';
import { placingFiles } from '../recovery';
import { updateCommunities } from './communities';
import { contentDigest, insertContent, type PackageRows } from './content';
import { fault, isFault } from './fault';
import { requireDistrict } from './kind';
import { findOffice, putOffice } from './offices';
import { openSource, sourceKind } from './open-source';
import { Staging } from './staging';
import { openBag, packageRows, verifyPayload, type OpenedBag } from './verify-package';

export interface ReceiveRequest {
  paths: string[];
  /** add a street office the district does not know yet */
  addOffice?: boolean;
  /** how each path is named in the result (the upload's file name; default: the path) */
  labels?: string[];
}

/** A package verified and ready to be recorded. */
interface Incoming {
  kind: 'package';
  office: { name: string; code: string };
  year: number;
  created: string;
  asOf: string;
  digest: string;
  name: string;
  info: [string, string][];
  rows: PackageRows;
  bytes: number;
}

interface Current {
  id: number;
  created: string;
  digest: string;
}

async function currentPackage(db: Pick<Trx, 'selectFrom'>, officeName: string, year: number): Promise<Current | undefined> {
  return db
    .selectFrom('district_packages')
    .innerJoin('district_offices', 'district_offices.id', 'district_packages.office_id')
    .select(['district_packages.id', 'district_packages.created', 'district_packages.digest'])
    .where('district_offices.name', '=', officeName)
    .where('district_packages.year', '=', year)
    .where('district_packages.kind', '=', 'package')
    .where('district_packages.replaced_by', 'is', null)
    .executeTakeFirst();
}

type Decision = 'new' | 'replace' | 'unchanged';

/** New, replacing, the same again, or refused (older, or the same time with other content). */
function decide(incoming: Pick<Incoming, 'created' | 'digest' | 'office' | 'year'>, current: Current | undefined): Decision {
  if (!current) return 'new';
  if (current.digest === incoming.digest) return 'unchanged';
  const said = `${incoming.office.name}${incoming.year}年度的报送包`;
  if (incoming.created < current.created) {
    throw fault(`这份${said}生成于 ${incoming.created}，比已接收的那份（生成于 ${current.created}）旧，未接收；如确需以它为准，请街道重新生成报送包后再报送`);
  }
  if (incoming.created === current.created) {
    throw fault(`这份${said}与已接收的那份生成时间相同（${current.created}）但内容不同，无法判断以哪份为准，未接收；请街道重新生成报送包后再报送`);
  }
  return 'replace';
}

const unknownOffice = (name: string) =>
  fault(`报送单位“${name}”不是本区已登记的街道办事处，未接收；如确属本区，请确认添加该街道后再接收`, name);

async function recordPackage(ctx: ArchiveContext, trx: Trx, p: Incoming, source: string, addOffice: boolean): Promise<ReceivedItem> {
  const known = await findOffice(trx, p.office.name);
  if (!known && !addOffice) throw unknownOffice(p.office.name);
  const office = known ?? (await putOffice(ctx, trx, p.office.name, p.office.code, source));
  const current = await currentPackage(trx, office.name, p.year);
  const decision = decide(p, current);
  const item: ReceivedItem = { path: source, office: office.name, year: p.year, kind: 'package', records: p.rows.records.length, replaced: decision === 'replace', unchanged: decision === 'unchanged' };
  if (decision === 'unchanged') return item;
  const at = nowIso(ctx);
  // the package in force changes in one step: the older marked replaced by the new one's id first
  const id = ((await trx.selectFrom('district_packages').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  const audit: AuditInput[] = [];
  if (current) {
    const replaced = await trx
      .updateTable('district_packages')
      .set({ replaced_by: id, replaced_at: at })
      .where('id', '=', current.id)
      .returning(stateColumn('district_package').as('state'))
      .executeTakeFirstOrThrow();
    audit.push({ action: 'replace', entity: 'district_package', entityId: current.id, afterJson: replaced.state, source });
  }
  const { state } = await trx
    .insertInto('district_packages')
    .values({
      id,
      office_id: office.id,
      kind: 'package',
      year: p.year,
      name: p.name,
      created: p.created,
      as_of: p.asOf,
      digest: p.digest,
      files: p.rows.files.length,
      bytes: p.bytes,
      communities: p.rows.communities.length,
      records: p.rows.records.length,
      content_digest: contentDigest(p.rows),
      info: JSON.stringify(p.info),
      source: basename(source),
      received_at: at,
    })
    .returning(stateColumn('district_package').as('state'))
    .executeTakeFirstOrThrow();
  audit.unshift({ action: 'receive', entity: 'district_package', entityId: id, afterJson: state, source });
  await appendAudit(ctx, trx, audit);
  await insertContent(trx, id, p.rows);
  await updateCommunities(ctx, trx, office.id, p.year, p.rows.communities, source);
  return item;
}

function incomingOf(bag: OpenedBag, name: string, rows: PackageRows): Incoming {
  const { head } = bag.content;
  return {
    kind: 'package',
    office: head.office,
    year: head.year,
    created: head.created,
    asOf: head.asOf,
    digest: bag.tags.digest,
    name,
    info: bag.tags.info,
    rows,
    bytes: rows.files.reduce((n, [, , size]) => n + size, 0),
  };
}

/** One path: verified whole, then recorded (or found unchanged), or refused. */
async function receiveOne(ctx: ArchiveContext, path: string, label: string, addOffice: boolean, opts: LongTaskOptions): Promise<ReceivedItem> {
  const src = await openSource(path);
  const staging = new Staging(ctx.paths.files);
  try {
    if (sourceKind(src) === 'carrier') throw fault('移交载体的接收还未完成');
    const bag = await openBag(src, opts);
    const { head } = bag.content;
    // what the database says now decides whether the files are worth copying; the transaction decides again
    const known = await findOffice(ctx.db, head.office.name);
    const current = known ? await currentPackage(ctx.db, head.office.name, head.year) : undefined;
    const keep = (known !== null || addOffice) && decide({ ...head, digest: bag.tags.digest }, current) !== 'unchanged';
    const files = await verifyPayload(src, bag, keep ? staging : null, opts);
    const incoming = incomingOf(bag, src.name, packageRows(bag, files));
    if (!known && !addOffice) throw unknownOffice(head.office.name);
    opts.onProgress?.({ phase: '写入', done: 0, total: 1, message: label });
    return await placingFiles(ctx, (journal) =>
      ctx.write.transaction(async (trx) => {
        const item = await recordPackage(ctx, trx, incoming, label, addOffice);
        if (!item.unchanged) staging.placeAll(journal);
        return item;
      }, opts),
    );
  } finally {
    staging.discard();
    await src.close();
  }
}

export async function receive(ctx: ArchiveContext, req: ReceiveRequest, opts: LongTaskOptions = {}): Promise<ReceiveResult> {
  await requireDistrict(ctx, '接收报送包');
  const received: ReceivedItem[] = [];
  const errors: ReceiveError[] = [];
  for (const [i, path] of req.paths.entries()) {
    const label = req.labels?.[i] ?? path;
    try {
      received.push(await receiveOne(ctx, path, label, req.addOffice === true, opts));
    } catch (e) {
      if (!isSanwuError(e) || e.code === 'CANCELLED') throw e;
      const office = isFault(e) ? e.unknownOffice : undefined;
      errors.push({ path: label, message: `“${basename(label)}”未接收：${e.message}。`, ...(office ? { unknownOffice: office } : {}) });
    }
  }
  return { ok: errors.length === 0, received, errors };
}

