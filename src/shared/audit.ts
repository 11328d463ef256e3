// `sanwu audit` result and the standards catalogue (DESIGN.md JSON contract, STANDARDS.md §2).
export type IndicatorStatus = 'met' | 'partial' | 'unmet' | 'pending' | 'manual' | 'na';
export type Grade = '达标' | '基本达标' | '不达标';

export interface IndicatorResult {
  id: string;
  /** the item's text */
  item?: string;
  status: IndicatorStatus;
  /** shortfalls in an inspector's words, e.g. 缺3月、7月居务监督委员会例会记录 */
  missing: string[];
  /** record ids */
  evidence: number[];
  /** the figures a met roster, staffing, profile or fund rule rests on, e.g. 截至2025年12月31日在任法律顾问1名 */
  basis?: string[];
  veto?: boolean;
  attestation?: { status: 'met' | 'unmet' | 'na'; note: string; actor: string; at: string } | null;
}

export interface StandardResult {
  id: string;
  name?: string;
  /** over the assessed indicators only; null when none can be scored yet (暂无可评分项) */
  score: number | null;
  result: Grade | null;
  vetoed: boolean;
  /** indicators scored (met, partial, unmet) */
  assessed: number;
  /** manual indicators awaiting attestation */
  awaiting: number;
  /** a veto indicator awaits attestation: no claim either way (待认定) */
  vetoPending: boolean;
  /** some indicators await attestation or are not yet due: the grade is 暂评 */
  provisional: boolean;
  indicators: IndicatorResult[];
}

export interface CommunityAudit {
  community: string;
  standards: StandardResult[];
}

export interface AuditResult {
  year: number;
  /** YYYY-MM-DD: min(31 Dec year, today) */
  asOf: string;
  communities: CommunityAudit[];
}

export interface AuditRequest {
  year: number;
  standard?: string;
  community?: string;
}

export interface AttestRequest {
  year: number;
  community: string;
  indicator: string;
  status: 'met' | 'unmet' | 'na';
  note?: string;
  evidence?: number[];
}

/** Completeness grid: communities × months × 类别, from the same evaluation as 考评. */
export interface CompletenessCell {
  /** records dated in the month */
  count: number;
  /** the standards' periodic requirements due in this month (0 when nothing is due) */
  expected: number;
  /** the requirements not met, in 考评's words (e.g. 缺11月居务监督委员会例会记录); empty: 齐全 */
  missing: string[];
}

export interface CompletenessGrid {
  year: number;
  asOf: string;
  periods: string[];
  rows: { community: string; affair: '党务' | '居务' | '财务'; cells: CompletenessCell[] }[];
}
