// The packages in force: for each street office and year, the newest package received (the older ones
// stay, marked replaced). Every view of the district reads through these.
import type { RecordsJsonCompleteness, RecordsJsonStandard } from '../../../shared/records-json';
import type { Reader } from '../db/handles';

export interface CurrentPackage {
  id: number;
  officeId: number;
  office: string;
  year: number;
  created: string;
  receivedAt: string;
  records: number;
  /** the day its audit judged as of */
  asOf: string;
}

/** The current annual package of each office for `year` (or one office). */
export async function currentPackages(db: Reader, year: number, office?: string): Promise<CurrentPackage[]> {
  let q = db
    .selectFrom('district_packages as p')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .select(['p.id', 'p.office_id as officeId', 'o.name as office', 'p.year', 'p.created', 'p.received_at as receivedAt', 'p.records', 'p.as_of as asOf'])
    .where('p.kind', '=', 'package')
    .where('p.year', '=', year)
    .where('p.replaced_by', 'is', null);
  if (office) q = q.where('o.name', '=', office);
  return q.orderBy('o.name').execute();
}

export interface PackageCommunity {
  packageId: number;
  code: string;
  name: string;
  type: string;
  profile: Record<string, number | null>;
  audit: RecordsJsonStandard[];
  completeness: RecordsJsonCompleteness[] | null;
}

export async function packageCommunities(db: Reader, packageIds: number[]): Promise<PackageCommunity[]> {
  if (packageIds.length === 0) return [];
  const rows = await db.selectFrom('district_package_communities').selectAll().where('package_id', 'in', packageIds).orderBy('package_id').orderBy('code').execute();
  return rows.map((r) => ({
    packageId: r.package_id,
    code: r.code,
    name: r.name,
    type: r.type,
    profile: {
      households: r.households,
      population: r.population,
      areaKm2: r.area_km2,
      residentUnits: r.resident_units,
      stationArea: r.station_area,
      weeklyHours: r.weekly_hours,
    },
    audit: JSON.parse(r.audit) as RecordsJsonStandard[],
    completeness: r.completeness === null ? null : (JSON.parse(r.completeness) as RecordsJsonCompleteness[]),
  }));
}
