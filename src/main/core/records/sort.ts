// The ORDER BY of a sorted records list, in SQL both engines read: 档号 by its stored parts (unfiled
// items last either way), 成文日期, 题名, 社区 by name as a Chinese dictionary orders them (pinyin,
// through the collator; the few communities' ranks are inlined as integers). Ties keep the default
// order, newest first.
import type { RecordSort } from '../../../shared/schemas';
import { NEWEST_FIRST } from '../db/engine';

export interface SortSpec {
  sort: RecordSort;
  desc: boolean;
}

const collator = new Intl.Collator('zh-CN');

/** Community ids in name order. */
export function communityRanks(communities: { id: number; name: string }[]): number[] {
  return [...communities].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id).map((c) => c.id);
}

/** `ranked`: community ids in name order (communityRanks), needed for the 社区 sort only. */
export function orderByClause(spec: SortSpec, ranked: number[] = []): string {
  const dir = spec.desc ? 'DESC' : 'ASC';
  switch (spec.sort) {
    case 'archivalCode':
      return `item_no IS NULL, fonds_code ${dir}, category_code ${dir}, filing_year ${dir}, retention_code ${dir}, problem_code ${dir}, item_no ${dir}, ${NEWEST_FIRST}`;
    case 'date':
      return `year ${dir}, date ${dir}, id ${dir}`;
    case 'title':
      return `title ${dir}, ${NEWEST_FIRST}`;
    case 'community': {
      const rank = ranked.length > 0 ? `CASE community_id ${ranked.map((id, i) => `WHEN ${Math.trunc(id)} THEN ${i}`).join(' ')} END` : 'community_id';
      return `${rank} ${dir}, ${NEWEST_FIRST}`;
    }
  }
}
