// 社区概况 rows -> community inputs (created, or updated by 社区代码).
import { communityInputSchema, type CommunityInput } from '../../../shared/schemas';
import type { CommunityType } from '../../../shared/vocabulary';
import { COMMUNITIES_SHEET, type CommunityField } from './columns';
import { headersOf, type RowValues } from './row-values';
import { schemaIssues, type RowIssue } from './row-issue';

export interface CommunityDraft {
  row: number;
  source: string;
  input: CommunityInput & { code: string; name: string };
}

const HEADERS = headersOf(COMMUNITIES_SHEET);

export function communityDraft({ values: v, issues }: RowValues<CommunityField>, at: { row: number; source: string }): { draft: CommunityDraft | null; issues: RowIssue[] } {
  const input = {
    code: (v.code as string | null) ?? '',
    name: (v.name as string | null) ?? '',
    type: (v.type as CommunityType | null) ?? '城市',
    households: v.households as number | null,
    population: v.population as number | null,
    areaKm2: v.areaKm2 as number | null,
    residentUnits: v.residentUnits as number | null,
    stationArea: v.stationArea as number | null,
    weeklyHours: v.weeklyHours as number | null,
  };
  if (issues.length === 0) {
    const checked = communityInputSchema.safeParse(input);
    if (!checked.success) issues.push(...schemaIssues(checked.error, HEADERS));
  }
  return issues.length > 0 ? { draft: null, issues } : { draft: { row: at.row, source: at.source, input }, issues };
}
