// The records the street offices reported, searched across offices (the current packages only): by
// office, community, year, 类别, 事项, and text in 题名, 责任者, 文号, 档号 or 备注.
import { sql } from 'kysely';
import type { DistrictAuditResult, DistrictPackageInfo, DistrictRecord } from '../../../shared/district';
import type { Affair } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import type { Reader } from '../db/handles';
import { currentPackages, packageCommunities } from './current';

export interface DistrictQuery {
  year?: number;
  office?: string;
  community?: string;
  affair?: Affair;
  kind?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** LIKE's wildcards taken literally. */
const likeTerm = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function matching(db: Reader, query: DistrictQuery) {
  let q = db
    .selectFrom('district_records as r')
    .innerJoin('district_packages as p', 'p.id', 'r.package_id')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .leftJoin('district_package_communities as c', (j) => j.onRef('c.package_id', '=', 'r.package_id').onRef('c.code', '=', 'r.community_code'))
    .where('p.replaced_by', 'is', null);
  if (query.year !== undefined) q = q.where('r.year', '=', query.year);
  if (query.office) q = q.where('o.name', '=', query.office);
  if (query.community) {
    const community = query.community;
    q = q.where((eb) => eb.or([eb('r.community_code', '=', community), eb('c.name', '=', community)]));
  }
  if (query.affair) q = q.where('r.affair', '=', query.affair);
  if (query.kind) q = q.where('r.kind', '=', query.kind);
  for (const term of (query.q ?? '').split(/\s+/).filter(Boolean)) {
    const like = likeTerm(term);
    q = q.where((eb) =>
      eb.or(['r.title', 'r.responsible', 'r.doc_number', 'r.archival_code', 'r.notes'].map((col) => sql<boolean>`${sql.ref(col)} LIKE ${like} ESCAPE '\\'`)),
    );
  }
  return q;
}

export async function searchDistrictRecords(ctx: ArchiveContext, query: DistrictQuery): Promise<{ total: number; records: DistrictRecord[] }> {
  const base = matching(ctx.db, query);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'r.id', 'o.name as office', 'c.name as community', 'r.community_code as communityCode', 'r.affair', 'r.kind', 'r.title', 'r.responsible',
      'r.doc_number as docNumber', 'r.date', 'r.archival_code as archivalCode', 'r.retention', 'r.status', 'r.attachments',
    ])
    .orderBy('r.date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const files = ids.length === 0 ? [] : await ctx.db.selectFrom('district_files').select(['record_id', 'path', 'sha256', 'size']).where('record_id', 'in', ids).execute();
  return {
    total: Number(total),
    records: rows.map((r) => ({
      ...r,
      community: r.community ?? r.communityCode,
      affair: r.affair as Affair | null,
      files: files.filter((f) => f.record_id === r.id).map((f) => ({ name: f.path.split('/').at(-1)!, sha256: f.sha256, size: f.size })),
    })),
  };
}

export async function listPackages(ctx: ArchiveContext, filter: { year?: number; office?: string }): Promise<DistrictPackageInfo[]> {
  let q = ctx.db
    .selectFrom('district_packages as p')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .select([
      'p.id', 'o.name as office', 'p.kind', 'p.year', 'p.name', 'p.created', 'p.received_at as receivedAt', 'p.records', 'p.files', 'p.bytes',
      'p.replaced_at as replacedAt',
    ]);
  if (filter.year !== undefined) q = q.where('p.year', '=', filter.year);
  if (filter.office) q = q.where('o.name', '=', filter.office);
  return q.orderBy('p.received_at', 'desc').orderBy('p.id', 'desc').execute();
}

/** The assessments reported in the year's current packages, shaped as `audit` shapes its own. */
export async function districtAudit(ctx: ArchiveContext, req: { year: number; office?: string; standard?: string; community?: string }): Promise<DistrictAuditResult> {
  const packages = await currentPackages(ctx.db, req.year, req.office);
  const communities = await packageCommunities(ctx.db, packages.map((p) => p.id));
  const asOf = packages.reduce((latest, p) => (p.asOf > latest ? p.asOf : latest), '');
  return {
    year: req.year,
    asOf: asOf || `${req.year}-12-31`,
    communities: communities
      .filter((c) => !req.community || c.name === req.community || c.code === req.community)
      .map((c) => {
        const p = packages.find((x) => x.id === c.packageId)!;
        return {
          office: p.office,
          community: c.name,
          code: c.code,
          asOf: p.asOf,
          standards: c.audit.filter((s) => !req.standard || s.id === req.standard),
        };
      }),
  };
}
