// 人员与组织 rows -> roster inputs.
import { rosterInputSchema, type RosterInput } from '../../../shared/schemas';
import { ROSTER_SHEET, type RosterField } from './columns';
import { rowFingerprint } from './fingerprint';
import { headersOf, type RowValues } from './row-values';
import { schemaIssues, type RowIssue } from './row-issue';

export interface RosterDraft {
  row: number;
  source: string;
  communityName: string;
  input: Omit<RosterInput, 'communityId'>;
}

const HEADERS = headersOf(ROSTER_SHEET);

export function rosterDraft({ values: v, issues }: RowValues<RosterField>, at: { row: number; source: string }): { draft: RosterDraft | null; issues: RowIssue[] } {
  const start = v.startDate as string | null;
  const end = v.endDate as string | null;
  if (start !== null && end !== null && end < start) {
    issues.push({ column: ROSTER_SHEET.columns.endDate.header, message: `终止日期“${end}”早于起始日期“${start}”，请核对` });
  }
  const communityName = (v.community as string | null) ?? '';
  const fields = { kind: (v.kind as string | null) ?? '', name: (v.name as string | null) ?? '', startDate: start, endDate: end, note: (v.note as string | null) ?? '' };
  const input = { ...fields, source: at.source, fingerprint: rowFingerprint('roster', [communityName, ...Object.values(fields)]) };
  if (issues.length === 0) {
    const checked = rosterInputSchema.safeParse({ ...input, communityId: 1 });
    if (!checked.success) issues.push(...schemaIssues(checked.error, HEADERS));
  }
  return issues.length > 0 ? { draft: null, issues } : { draft: { row: at.row, source: at.source, communityName, input }, issues };
}
