// A received package's content: the communities it reports, its records and its files, as rows written
// once (never changed: migration 0010's triggers) and pinned by one digest that the package's audited
// state records. `check` reads the rows back and recomputes it, so a row edited, added or removed
// behind the app's back is found like any other row that disagrees with the audit log.
import { createHash } from 'node:crypto';
import { engineOf } from '../db';
import type { Reader, Trx } from '../db/handles';
import type { DB } from '../db/schema';

export const COMMUNITY_COLUMNS = [
  'code', 'name', 'type', 'households', 'population', 'area_km2', 'resident_units', 'station_area', 'weekly_hours', 'audit', 'completeness',
] as const;
export const RECORD_COLUMNS = [
  'community_code', 'source_id', 'affair', 'kind', 'disclosure', 'title', 'responsible', 'doc_number', 'date', 'year', 'disclosure_date',
  'disclosure_channel', 'pages', 'retention', 'income', 'expense', 'fund_category', 'notes', 'secrecy', 'archival_code', 'box_no', 'status',
  'attachments',
] as const;

type N = number | null;
type S = string | null;
export type CommunityRow = [code: string, name: string, type: string, N, N, N, N, N, N, audit: string, completeness: S];
export type RecordRow = [
  communityCode: string, sourceId: N, affair: S, kind: string, disclosure: number, title: string, responsible: string, docNumber: string,
  date: string, year: number, disclosureDate: S, channel: S, pages: N, retention: string, income: N, expense: N, fund: S, notes: string,
  secrecy: string, archivalCode: S, boxNo: N, status: string, attachments: number,
];
/**
 * a file of the package: path in it, digest, size, the record (its index among the rows) it is a copy
 * of, and where its bytes begin in the package's pack
 */
export type FileRow = [path: string, sha256: string, size: number, record: number | null, offset: number];

export interface PackageRows {
  communities: CommunityRow[];
  /** in the order they were received (the package's order) */
  records: RecordRow[];
  files: FileRow[];
}

const byFirst = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);

/** SHA-256 over every row in a fixed order and form. */
export function contentDigest(rows: PackageRows): string {
  const h = createHash('sha256');
  for (const c of [...rows.communities].sort(byFirst)) h.update(`c${JSON.stringify(c)}\n`);
  for (const r of rows.records) h.update(`r${JSON.stringify(r)}\n`);
  for (const f of [...rows.files].sort(byFirst)) h.update(`f${JSON.stringify(f)}\n`);
  return h.digest('hex');
}

/** Rows per slice: between slices other calls (reads, progress) get their turn. */
const SLICE = 2000;

/** Inserts rows (values in `columns` order) into `table` inside `trx`, a slice at a time. */
async function insertRows(trx: Trx, table: keyof DB & string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const engine = engineOf(trx);
  for (let from = 0; from < rows.length; from += SLICE) {
    if (from > 0) await new Promise((r) => setImmediate(r));
    await engine.insertRows(trx, table, columns, rows.slice(from, from + SLICE));
  }
}

/** Writes the rows of package `packageId` inside the change's transaction. */
export async function insertContent(trx: Trx, packageId: number, rows: PackageRows): Promise<void> {
  await insertRows(trx, 'district_package_communities', ['package_id', ...COMMUNITY_COLUMNS], rows.communities.map((r) => [packageId, ...r]));
  // ids given here, one after another: a file names its record by its place in the package
  const first = ((await trx.selectFrom('district_records').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  await insertRows(trx, 'district_records', ['id', 'package_id', ...RECORD_COLUMNS], rows.records.map((r, i) => [first + i, packageId, ...r]));
  const files = rows.files.map(([path, sha256, size, record, offset]) => [packageId, path, sha256, size, record === null ? null : first + record, offset]);
  await insertRows(trx, 'district_files', ['package_id', 'path', 'sha256', 'size', 'record_id', 'pack_offset'], files);
}

/** The rows of a package as the database holds them now (check recomputes their digest). */
export async function readContent(db: Reader, packageId: number): Promise<PackageRows> {
  const communities = await db.selectFrom('district_package_communities').select([...COMMUNITY_COLUMNS]).where('package_id', '=', packageId).execute();
  const records = await db.selectFrom('district_records').select(['id', ...RECORD_COLUMNS]).where('package_id', '=', packageId).orderBy('id').execute();
  const files = await db.selectFrom('district_files').select(['path', 'sha256', 'size', 'record_id', 'pack_offset']).where('package_id', '=', packageId).execute();
  const place = new Map(records.map((r, i) => [r.id, i]));
  return {
    communities: communities.map((c) => COMMUNITY_COLUMNS.map((k) => c[k]) as CommunityRow),
    records: records.map((r) => RECORD_COLUMNS.map((k) => r[k]) as RecordRow),
    // a file naming a record outside its package counts as naming none of its own: the digest then differs
    files: files.map((f) => [f.path, f.sha256, f.size, f.record_id === null ? null : (place.get(f.record_id) ?? -1), f.pack_offset]),
  };
}
