// `sanwu receive` (DESIGN.md "Upward: the district"): each package or carrier is verified whole, then
// taken in by one transaction — or refused whole, nothing written. The same package twice adds nothing
// (`unchanged`); a newer package (later Sanwu-Created) of the same office and year replaces the older,
// which is kept and marked replaced (audited); an older one is refused; a package from an office the
// district does not know is refused unless the caller adds the office (`addOffice`). A carrier is
// identified by its office and carrier number: the same one again adds nothing, another under that
// number is refused.
import { basename } from 'node:path';
import type { ReceivedItem, ReceiveError, ReceiveResult, ReceivedKind } from '../../../shared/district';
import type { LongTaskOptions } from '../../../shared/domain';
import { isSanwuError, SanwuError } from '../../../shared/errors';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { StoredFile } from '../db/engine';
import type { Reader, Trx } from '../db/handles';
import { placingFiles } from '../recovery';
import { openCarrier } from './carrier';
import { updateCommunities } from './communities';
import { contentDigest, insertContent, type PackageRows, type RecordRow } from './content';
import { fault, isFault } from './fault';
import { requireDistrict } from './kind';
import { findOffice, putOffice } from './offices';
import { openSource, sourceKind } from './open-source';
import type { PackageSource } from './source';
import { Pack } from './pack';
import { verifyFiles, type Listing } from './verify-files';
import { bagListing, openBag } from './verify-package';

export interface ReceiveRequest {
  paths: string[];
  /** add a street office the district does not know yet */
  addOffice?: boolean;
  /** how each path is named in the result (the upload's file name; default: the path) */
  labels?: string[];
}

/** What a package or carrier says of itself, read before its files are. */
interface Head {
  kind: ReceivedKind;
  office: { name: string; code: string };
  year: number;
  /** the package's name (its folder), or the carrier's number */
  name: string;
  /** Sanwu-Created (a carrier: its 制作日期) */
  created: string;
  asOf: string;
  digest: string;
  info: [string, string][];
}

/** Opened: its head, what to read, and its rows once the files are read. */
interface Opened {
  head: Head;
  listing: Listing;
  rows: (files: PackageRows['files']) => PackageRows;
}

async function open(src: PackageSource, opts: LongTaskOptions): Promise<Opened> {
  if (sourceKind(src) === 'carrier') {
    const c = await openCarrier(src, opts);
    return {
      head: { kind: 'carrier', office: { name: c.office, code: '' }, year: c.year, name: c.carrier, created: c.created, asOf: c.asOf, digest: c.digest, info: c.info },
      listing: c.listing,
      rows: (files) => ({ communities: [], records: c.records, files }),
    };
  }
  const bag = await openBag(src, opts);
  const { head } = bag.content;
  return {
    head: { kind: 'package', office: head.office, year: head.year, name: src.name, created: head.created, asOf: head.asOf, digest: bag.tags.digest, info: bag.tags.info },
    listing: bagListing(bag),
    rows: (files) => ({ communities: bag.content.communities, records: bag.content.records, files }),
  };
}

interface Current {
  id: number;
  created: string;
  digest: string;
}

/** The package in force for the office and year; for a carrier, the one received under its number. */
async function existing(db: Reader, head: Head): Promise<Current | undefined> {
  let q = db
    .selectFrom('district_packages as p')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .select(['p.id', 'p.created', 'p.digest'])
    .where('o.name', '=', head.office.name)
    .where('p.kind', '=', head.kind);
  q = head.kind === 'carrier' ? q.where('p.name', '=', head.name) : q.where('p.year', '=', head.year).where('p.replaced_by', 'is', null);
  return q.executeTakeFirst();
}

type Decision = 'new' | 'replace' | 'unchanged';

/** New, replacing, the same again, or refused (older, or other content under the same time or number). */
function decide(head: Head, current: Current | undefined): Decision {
  if (!current) return 'new';
  if (current.digest === head.digest) return 'unchanged';
  if (head.kind === 'carrier') throw fault(`${head.office.name}的载体编号 ${head.name} 已接收过另一份内容不同的载体，未接收；请核对载体编号`);
  const said = `${head.office.name}${head.year}年度的报送包`;
  if (head.created < current.created) {
    throw fault(`这份${said}生成于 ${head.created}，比已接收的那份（生成于 ${current.created}）旧，未接收；如确需以它为准，请街道重新生成报送包后再报送`);
  }
  if (head.created === current.created) {
    throw fault(`这份${said}与已接收的那份生成时间相同（${current.created}）但内容不同，无法判断以哪份为准，未接收；请街道重新生成报送包后再报送`);
  }
  return 'replace';
}

const unknownOffice = (head: Head) =>
  fault(`${head.kind === 'carrier' ? '移交' : '报送'}单位“${head.office.name}”不是本区已登记的街道办事处`, head.office.name);

/** A carrier's items belong to the office's communities (or its own fonds), where the district knows them. */
async function carrierFonds(db: Reader, officeId: number, officeCode: string, records: RecordRow[]): Promise<void> {
  const known = new Set((await db.selectFrom('district_communities').select('code').where('office_id', '=', officeId).execute()).map((c) => c.code));
  if (known.size === 0) return;
  if (officeCode) known.add(officeCode);
  const foreign = [...new Set(records.map((r) => r[0]).filter((code) => !known.has(code)))];
  if (foreign.length) throw fault(`载体中档号的全宗号 ${foreign.slice(0, 5).join('、')} 不属于该街道已报送的社区，载体与移交单位不符，未接收`);
}

async function record(ctx: ArchiveContext, trx: Trx, head: Head, rows: PackageRows, pack: StoredFile | null, source: string, addOffice: boolean): Promise<ReceivedItem> {
  const known = await findOffice(trx, head.office.name);
  if (!known && !addOffice) throw unknownOffice(head);
  const office = known ?? (await putOffice(ctx, trx, head.office.name, head.office.code, source));
  if (head.kind === 'carrier') await carrierFonds(trx, office.id, office.code, rows.records);
  const current = await existing(trx, head);
  const decision = decide(head, current);
  const item: ReceivedItem = { path: source, office: office.name, year: head.year, kind: head.kind, records: rows.records.length, replaced: decision === 'replace', unchanged: decision === 'unchanged' };
  if (decision === 'unchanged') return item;
  // verified as the same again, but meanwhile another receive changed what is in force
  if (!pack) throw new SanwuError('CONFLICT', `核验期间${head.office.name}${head.year}年度的接收记录有了变动，请重新接收这一份。`);
  const at = nowIso(ctx);
  // the package in force changes in one step: the older marked replaced by the new one's id first
  const id = ((await trx.selectFrom('district_packages').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  const audit: AuditInput[] = [];
  if (decision === 'replace') {
    const replaced = await trx
      .updateTable('district_packages')
      .set({ replaced_by: id, replaced_at: at })
      .where('id', '=', current!.id)
      .returning(stateColumn(trx, 'district_package').as('state'))
      .executeTakeFirstOrThrow();
    audit.push({ action: 'replace', entity: 'district_package', entityId: current!.id, afterJson: replaced.state, source });
  }
  const { state } = await trx
    .insertInto('district_packages')
    .values({
      id,
      office_id: office.id,
      kind: head.kind,
      year: head.year,
      name: head.name,
      created: head.created,
      as_of: head.asOf,
      digest: head.digest,
      pack: pack.sha256,
      pack_size: pack.size,
      files: rows.files.length,
      bytes: rows.files.reduce((n, [, , size]) => n + size, 0),
      communities: rows.communities.length,
      records: rows.records.length,
      content_digest: contentDigest(rows),
      info: JSON.stringify(head.info),
      source: basename(source),
      received_at: at,
    })
    .returning(stateColumn(trx, 'district_package').as('state'))
    .executeTakeFirstOrThrow();
  audit.unshift({ action: 'receive', entity: 'district_package', entityId: id, afterJson: state, source });
  await appendAudit(ctx, trx, audit);
  await insertContent(trx, id, rows);
  if (head.kind === 'package') await updateCommunities(ctx, trx, office.id, head.year, rows.communities, source);
  return item;
}

/** One path: verified whole, then recorded (or found unchanged), or refused. */
async function receiveOne(ctx: ArchiveContext, path: string, label: string, addOffice: boolean, opts: LongTaskOptions): Promise<ReceivedItem> {
  const src = await openSource(path, ctx.paths.dir);
  let pack: Pack | undefined;
  try {
    const { head, listing, rows } = await open(src, opts);
    // what the database says now decides whether the files are worth keeping; the transaction decides again
    const known = await findOffice(ctx.db, head.office.name);
    const keep = (known !== null || addOffice) && decide(head, known ? await existing(ctx.db, head) : undefined) !== 'unchanged';
    if (keep) pack = new Pack(ctx.paths.files, ctx.clock.now());
    const files = await verifyFiles(src, listing, pack ?? null, opts);
    if (!known && !addOffice) throw unknownOffice(head);
    opts.onProgress?.({ phase: '写入', done: 0, total: 1, message: label });
    const packed = pack?.finish();
    return await placingFiles(ctx, (journal) =>
      ctx.write.transaction(async (trx) => {
        const item = await record(ctx, trx, head, rows(files), packed ? { sha256: packed, size: pack!.size() } : null, label, addOffice);
        if (!item.unchanged) await pack!.place(trx, journal);
        return item;
      }, opts),
    );
  } finally {
    pack?.discard();
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
