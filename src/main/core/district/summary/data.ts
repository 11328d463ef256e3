// What the district's summary reports for a year, read once: every street office's state (reported,
// late, not yet), the disclosures and other holdings by office × community × 类别 × month, and the
// assessments each office reported for its communities.
import { sql } from 'kysely';
import type { DistrictDashboard } from '../../../../shared/district';
import type { RecordsJsonStandard } from '../../../../shared/records-json';
import { AFFAIRS, type Affair } from '../../../../shared/vocabulary';
import type { ArchiveContext } from '../../context';
import { requireOffice } from '../../office/repository';
import { packageCommunities } from '../current';
import { districtDashboard } from '../dashboard';

export interface MonthlyRow {
  office: string;
  community: string;
  affair: Affair;
  /** disclosures (公开事项) by month */
  disclosures: number[];
  disclosed: number;
  /** the other holdings (meeting records, elections, accounts …) */
  holdings: number;
  total: number;
}

export interface ReportedAudit {
  office: string;
  community: string;
  standard: RecordsJsonStandard;
}

export interface SummaryData {
  /** the district's name (its archive's office name, e.g. 和平区民政局) */
  district: string;
  year: number;
  date: Date;
  dashboard: DistrictDashboard;
  monthly: MonthlyRow[];
  audits: ReportedAudit[];
}

export async function summaryData(ctx: ArchiveContext, year: number): Promise<SummaryData> {
  const district = (await requireOffice(ctx)).name;
  const dashboard = await districtDashboard(ctx, { year });
  const current = dashboard.offices.filter((o) => o.packageId !== null);
  const ids = current.map((o) => o.packageId!);
  const officeOf = new Map(current.map((o) => [o.packageId!, o.office.name]));
  const communities = await packageCommunities(ctx.db, ids);
  const month = sql<number>`CAST(substr(date, 6, 2) AS INTEGER)`;
  const counts =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('district_records')
          .select(['package_id', 'community_code', 'affair', 'disclosure', month.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('package_id', 'in', ids)
          .groupBy(['package_id', 'community_code', 'affair', 'disclosure', month])
          .execute();
  const monthly: MonthlyRow[] = [];
  for (const c of communities) {
    for (const affair of AFFAIRS) {
      const mine = counts.filter((r) => r.package_id === c.packageId && r.community_code === c.code && r.affair === affair);
      const disclosures = Array.from({ length: 12 }, (_, m) => mine.filter((r) => r.disclosure === 1 && Number(r.month) === m + 1).reduce((s, r) => s + Number(r.n), 0));
      const disclosed = disclosures.reduce((s, n) => s + n, 0);
      const holdings = mine.filter((r) => r.disclosure !== 1).reduce((s, r) => s + Number(r.n), 0);
      monthly.push({ office: officeOf.get(c.packageId)!, community: c.name, affair, disclosures, disclosed, holdings, total: disclosed + holdings });
    }
  }
  const audits = communities.flatMap((c) => c.audit.map((standard) => ({ office: officeOf.get(c.packageId)!, community: c.name, standard })));
  return { district, year, date: ctx.clock.now(), dashboard, monthly, audits };
}
