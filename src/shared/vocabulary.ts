// The controlled vocabulary (STANDARDS.md §1), kept as data in resources/.
import vocabulary from '../../resources/vocabulary.json';

export const AFFAIRS = ['党务', '居务', '财务'] as const;
export type Affair = (typeof AFFAIRS)[number];

export const RETENTIONS = ['永久', '定期30年', '定期10年'] as const;
export type Retention = (typeof RETENTIONS)[number];

export const RECORD_STATUSES = ['未归档', '在保', '待鉴定', '已销毁', '已移交'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const COMMUNITY_TYPES = ['城市', '农村'] as const;
export type CommunityType = (typeof COMMUNITY_TYPES)[number];

export const DEFAULT_VOCABULARY = vocabulary;
export type Vocabulary = typeof vocabulary;

export function kindsOf(affair: Affair, vocab: Vocabulary = vocabulary): readonly string[] {
  return vocab.kinds[affair];
}

export function affairOfKind(kind: string, vocab: Vocabulary = vocabulary): Affair | undefined {
  return AFFAIRS.find((a) => vocab.kinds[a].includes(kind));
}

/** A disclosure (公开事项) is an item of a kind whose name contains 公开 (STANDARDS.md §2 `disclosed`); the rest are holdings. */
export const DISCLOSURE_MARK = '公开';
export const isDisclosureKind = (kind: string): boolean => kind.includes(DISCLOSURE_MARK);
