// The district's dashboard: for a year, every street office it knows — reported on time, late, or not
// yet — and for each of its communities the share of the months' requirements met (the completeness
// the office's own package carries), the records it reported and its grades.
import { z } from 'zod';
import type { DistrictCommunityCell, DistrictCommunityDetail, DistrictDashboard, ReportState } from '../../../shared/district';
import { SanwuError } from '../../../shared/errors';
import { isoDay } from '../../../shared/fields/dates';
import type { RecordsJsonCompleteness } from '../../../shared/records-json';
import { yearSchema } from '../../../shared/schemas';
import type { ArchiveContext } from '../context';
import { getSetting } from '../settings/store';
import { currentPackages, packageCommunities, type PackageCommunity } from './current';
import { listOffices } from './offices';

/** When the year's packages are due: MM-DD of the next year (setting district.deadline). */
export const DEADLINE_SETTING = 'district.deadline';
const DEFAULT_DEADLINE = '01-31';
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export async function deadlineOf(ctx: ArchiveContext, year: number): Promise<string> {
  const parsed = monthDay.safeParse(await getSetting<unknown>(ctx.db, DEADLINE_SETTING, DEFAULT_DEADLINE));
  return `${year + 1}-${parsed.success ? parsed.data : DEFAULT_DEADLINE}`;
}

/** The year the pages open on: the latest year packages were received for, else last year. */
export async function districtWorkingYear(ctx: ArchiveContext): Promise<number> {
  const thisYear = ctx.clock.now().getFullYear();
  const row = await ctx.db.selectFrom('district_packages').select((eb) => eb.fn.max('year').as('year')).where('year', '<=', thisYear).executeTakeFirst();
  return row?.year ?? thisYear - 1;
}

/** Requirements due and not met over the months of every 类别. */
export function completenessOf(rows: RecordsJsonCompleteness[] | null): { completeness: number | null; expected: number; missing: number } {
  if (!rows) return { completeness: null, expected: 0, missing: 0 };
  let expected = 0;
  let missing = 0;
  for (const r of rows) for (const c of r.cells) {
    expected += c.expected;
    missing += Math.min(c.missing.length, c.expected);
  }
  return { completeness: expected === 0 ? null : (expected - missing) / expected, expected, missing };
}

function cell(c: PackageCommunity, records: number): DistrictCommunityCell {
  return {
    code: c.code,
    name: c.name,
    records,
    ...completenessOf(c.completeness),
    grades: c.audit.map((s) => ({ standard: s.id, name: s.name ?? s.id, score: s.score, result: s.result, vetoed: s.vetoed, provisional: s.provisional })),
  };
}

export async function districtDashboard(ctx: ArchiveContext, input: { year: number }): Promise<DistrictDashboard> {
  const year = yearSchema.parse(input.year);
  const deadline = await deadlineOf(ctx, year);
  const offices = await listOffices(ctx.db);
  const current = await currentPackages(ctx.db, year);
  const ids = current.map((p) => p.id);
  const communities = await packageCommunities(ctx.db, ids);
  const counts = ids.length === 0 ? [] : await ctx.db
    .selectFrom('district_records')
    .select(['package_id', 'community_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('package_id', 'in', ids)
    .groupBy(['package_id', 'community_code'])
    .execute();
  const n = new Map(counts.map((c) => [`${c.package_id}|${c.community_code}`, Number(c.n)]));
  const history = await ctx.db
    .selectFrom('district_packages')
    .select(['office_id', (eb) => eb.fn.countAll<number>().as('versions'), (eb) => eb.fn.min('received_at').as('first')])
    .where('kind', '=', 'package')
    .where('year', '=', year)
    .groupBy('office_id')
    .execute();
  const known = await ctx.db.selectFrom('district_communities').select(['office_id', 'code', 'name']).orderBy('code').execute();
  const tally: Record<ReportState, number> = { reported: 0, late: 0, missing: 0 };
  const rows = offices.map((office) => {
    const p = current.find((c) => c.officeId === office.id);
    const h = history.find((x) => x.office_id === office.id);
    const state: ReportState = !p ? 'missing' : isoDay(new Date(h?.first ?? p.receivedAt)) <= deadline ? 'reported' : 'late';
    tally[state]++;
    const cells = p
      ? communities.filter((c) => c.packageId === p.id).map((c) => cell(c, n.get(`${p.id}|${c.code}`) ?? 0))
      : known.filter((c) => c.office_id === office.id).map((c) => ({ code: c.code, name: c.name, records: 0, completeness: null, expected: 0, missing: 0, grades: [] }));
    return {
      office,
      state,
      packageId: p?.id ?? null,
      created: p?.created ?? null,
      receivedAt: p?.receivedAt ?? null,
      firstReceivedAt: h?.first ?? null,
      versions: Number(h?.versions ?? 0),
      records: p?.records ?? 0,
      communities: cells,
    };
  });
  return { year, deadline, offices: rows, counts: tally };
}

export async function districtCommunity(ctx: ArchiveContext, input: { year: number; office: string; community: string }): Promise<DistrictCommunityDetail> {
  const [p] = await currentPackages(ctx.db, input.year, input.office);
  const c = p && (await packageCommunities(ctx.db, [p.id])).find((x) => x.code === input.community || x.name === input.community);
  if (!p || !c) throw new SanwuError('NOT_FOUND', `${input.office}${input.year}年度的报送包中没有社区“${input.community}”。`);
  return {
    office: p.office,
    year: p.year,
    code: c.code,
    name: c.name,
    type: c.type,
    profile: c.profile,
    completeness: c.completeness,
    periods: Array.from({ length: 12 }, (_, i) => `${p.year}-${String(i + 1).padStart(2, '0')}`),
    audit: c.audit.map((s) => ({
      id: s.id,
      name: s.name ?? s.id,
      score: s.score,
      result: s.result,
      vetoed: s.vetoed,
      vetoPending: s.vetoPending,
      provisional: s.provisional,
      indicators: s.indicators.map((i) => ({ id: i.id, status: i.status, veto: i.veto, missing: i.missing })),
    })),
  };
}
