// 销毁清册 (RETENTION.md, kept permanently), whatever it is written in (xlsx/destruction-list.ts,
// docx/destruction-list.ts): per 全宗 a cover that is a form to sign — 文书: 鉴定小组负责人, 批准人 (each
// with a date), two 监销人 and the destruction date; 会计 (《会计档案管理办法》): 单位负责人, the heads
// and the clerks of the archives and accounting offices, two 监销人 — and the list, 文书 rows
// 序号 · 文件题名 · 所属年度 · 档号 · 应保管期限 · 已保管期限 · 文件页数 · 备注, 会计 rows 名称 · 卷号 · 册数 ·
// 起止年度 · 档案编号 · 应保管期限 · 已保管期限 · 销毁时间. A draft (for the appraisal) leaves the
// signatures and the destruction date blank; the final list names who signed where it knows them.
import { chineseDate } from './dates';

export type DestructionLayout = 'documents' | 'accounting';

export interface DestructionItem {
  title: string;
  /** 所属年度 */
  year: number;
  archivalCode: string;
  retention: string;
  pages: number | null;
  /** 卷号 / 盒号 */
  volume: number | null;
  notes: string;
}

export interface DestructionFonds {
  fondsCode: string;
  fondsName: string;
  items: DestructionItem[];
}

/** The names the final list can print beside the signature lines (each still signs by hand). */
export interface DestructionSigners {
  /** 鉴定小组负责人 */
  groupHead?: string;
  /** 批准人 */
  approver?: string;
  /** the two 监销人 */
  supervisors?: [string, string];
  /** when the appraisal closed (the group head's date) */
  appraisedOn?: Date;
  /** when the destruction was approved */
  approvedOn?: Date;
}

export interface DestructionListOptions {
  /** the office that keeps the list */
  unit: string;
  /** 已保管期限 is counted to this day */
  asOf: Date;
  /** a draft for the appraisal: titled so, destruction date left blank */
  draft: boolean;
  /** the final list's destruction date */
  destroyedOn?: Date;
  signers?: DestructionSigners;
}

export const DESTRUCTION_NAMES: Record<DestructionLayout, string> = { documents: '销毁清册', accounting: '会计档案销毁清册' };

/** who signs each layout's cover, each with a date (the two 监销人 follow) */
export const SIGNATURES: Record<DestructionLayout, string[]> = {
  documents: ['鉴定小组负责人', '批准人'],
  accounting: ['单位负责人', '档案机构负责人', '档案机构经办人', '会计机构负责人', '会计机构经办人'],
};

export const BLANK_DATE = '　　　　年　　月　　日';

export const destructionTitle = (layout: DestructionLayout, o: DestructionListOptions): string => `${DESTRUCTION_NAMES[layout]}${o.draft ? '（草稿）' : ''}`;

/** 文书: full years kept since the term began (1 January after the item's year); RETENTION.md counting. */
export const yearsKept = (year: number, asOf: Date): string => `${Math.max(0, asOf.getFullYear() - year - 1)}年`;

export const DESTRUCTION_HEADERS: Record<DestructionLayout, string[]> = {
  documents: ['序号', '文件题名', '所属年度', '档号', '应保管期限', '已保管期限', '文件页数', '备注'],
  accounting: ['序号', '名称', '卷号', '册数', '起止年度', '档案编号', '应保管期限', '已保管期限', '销毁时间'],
};

export function destructionRow(layout: DestructionLayout, n: number, i: DestructionItem, o: DestructionListOptions): (string | number | null)[] {
  if (layout === 'documents') return [n, i.title, i.year, i.archivalCode, i.retention, yearsKept(i.year, o.asOf), i.pages, i.notes];
  return [n, i.title, i.volume ?? '', 1, String(i.year), i.archivalCode, i.retention, yearsKept(i.year, o.asOf), o.destroyedOn ? chineseDate(o.destroyedOn) : ''];
}

/** A cover's form, row by row: [label, value, label, value]; a signature's value is who signs there, if known. */
export function coverRows(layout: DestructionLayout, g: DestructionFonds, o: DestructionListOptions): string[][] {
  const s = o.signers ?? {};
  const known: Record<string, [string | undefined, Date | undefined]> = {
    鉴定小组负责人: [s.groupHead, s.appraisedOn],
    批准人: [s.approver, s.approvedOn],
  };
  return [
    [layout === 'accounting' ? '单位名称' : '全宗名称', g.fondsName, '全宗号', g.fondsCode],
    ['销毁数量', `${g.items.length}件`, layout === 'accounting' ? '销毁时间' : '销毁日期', o.destroyedOn ? chineseDate(o.destroyedOn) : BLANK_DATE],
    // （签名） on a line of its own: a role's name never breaks mid-word
    ...SIGNATURES[layout].map((role) => {
      const [who, when] = o.draft ? [undefined, undefined] : (known[role] ?? [undefined, undefined]);
      return [`${role}\n（签名）`, who ?? '', '日期', when ? chineseDate(when) : BLANK_DATE];
    }),
    ['监销人\n（签名）', o.draft ? '' : (s.supervisors?.[0] ?? ''), '监销人\n（签名）', o.draft ? '' : (s.supervisors?.[1] ?? '')],
  ];
}

export const coverNote = (o: DestructionListOptions): string =>
  o.draft
    ? `本清册为${chineseDate(o.asOf)}到期鉴定的草稿，列出保管期限已满的档案，须经鉴定小组逐件审核、批准人批准后方可销毁；存在未结事项的档案不得销毁。`
    : '以上档案经鉴定、批准，在监销人监督下销毁。';
