// The district (DESIGN.md "Upward: the district"): what `receive`, the dashboard across street offices,
// the received records and `summary` answer. The `receive` JSON shape is a contract (DESIGN.md CLI block).
import type { CompletenessCell, Grade, IndicatorStatus } from './audit';
import type { Affair } from './vocabulary';
import type { RecordsJsonStandard } from './records-json';

export type ReceivedKind = 'package' | 'carrier';

export interface ReceivedItem {
  /** the path given (a bag folder, its .zip, a carrier folder or .zip) */
  path: string;
  /** the street office it came from */
  office: string;
  year: number;
  kind: ReceivedKind;
  records: number;
  /** it replaced an older package of the same office and year (kept in history) */
  replaced: boolean;
  /** the same package had been received already: nothing added */
  unchanged: boolean;
}

export interface ReceiveError {
  path: string;
  message: string;
  /** the package is intact but comes from a street office the district does not know: offer to add it */
  unknownOffice?: string;
}

export interface ReceiveResult {
  ok: boolean;
  received: ReceivedItem[];
  errors: ReceiveError[];
}

export interface DistrictOffice {
  id: number;
  name: string;
  code: string;
}

/** 已报送 / 逾期报送 / 未报送 for a year. */
export type ReportState = 'reported' | 'late' | 'missing';

export interface DistrictCommunityCell {
  code: string;
  name: string;
  records: number;
  /** share of the months' requirements met (0–1), null when the package carries no completeness */
  completeness: number | null;
  /** periodic requirements due, and those not met */
  expected: number;
  missing: number;
  /** standards' grades, e.g. 达标 (暂评) */
  grades: { standard: string; name: string; score: number | null; result: Grade | null; vetoed: boolean; provisional: boolean }[];
}

export interface DistrictOfficeRow {
  office: DistrictOffice;
  state: ReportState;
  /** the current package of the year */
  packageId: number | null;
  created: string | null;
  receivedAt: string | null;
  /** when the year's first package came (on time or late is judged by it) */
  firstReceivedAt: string | null;
  /** how many packages of the year were received (the older ones replaced) */
  versions: number;
  records: number;
  communities: DistrictCommunityCell[];
}

export interface DistrictDashboard {
  year: number;
  /** the day packages of the year were due (YYYY-MM-DD) */
  deadline: string;
  offices: DistrictOfficeRow[];
  counts: Record<ReportState, number>;
}

export interface DistrictCommunityDetail {
  office: string;
  year: number;
  code: string;
  name: string;
  type: string;
  profile: Record<string, number | null>;
  completeness: { affair: Affair; cells: CompletenessCell[] }[] | null;
  periods: string[];
  audit: {
    id: string;
    name: string;
    score: number | null;
    result: Grade | null;
    vetoed: boolean;
    vetoPending: boolean;
    provisional: boolean;
    indicators: { id: string; status: IndicatorStatus; veto: boolean; missing: string[] }[];
  }[];
}

export interface DistrictRecord {
  id: number;
  office: string;
  community: string;
  communityCode: string;
  affair: Affair | null;
  kind: string;
  title: string;
  responsible: string;
  docNumber: string;
  date: string;
  archivalCode: string | null;
  retention: string;
  status: string;
  attachments: number;
  /** files of the item the package carried (stored in the district's store) */
  files: { name: string; sha256: string; size: number }[];
}

export interface DistrictPackageInfo {
  id: number;
  office: string;
  kind: ReceivedKind;
  year: number;
  name: string;
  created: string;
  receivedAt: string;
  records: number;
  files: number;
  bytes: number;
  /** replaced by a newer package of the same office and year (kept) */
  replacedAt: string | null;
}

export interface SummaryResult {
  dir: string;
  files: string[];
}

/** `sanwu audit` on a district: the assessments its street offices reported, as `audit` shapes them. */
export interface DistrictAuditResult {
  year: number;
  /** the latest day any package was judged as of */
  asOf: string;
  communities: {
    office: string;
    community: string;
    code: string;
    /** the day this office's package judged as of */
    asOf: string;
    standards: RecordsJsonStandard[];
  }[];
}
