// The documents an appraisal's closing and a destruction write into the office's own fonds: the
// 鉴定意见书 (docx) and the 销毁清册 — draft at closing, final at destruction — in Word and Excel,
// 文书 and 会计 (门类 KU) items each in their own layout.
import type { AppraisalBatch } from '../../../shared/lifecycle';
import type { DestructionFonds, DestructionLayout, DestructionListOptions } from '../reports/destruction';
import { appraisalOpinionDocx } from '../reports/docx/appraisal-opinion';
import { destructionListDocx } from '../reports/docx/destruction-list';
import { addDestructionList } from '../reports/xlsx/destruction-list';
import { workbookBytes } from '../reports/xlsx/sheet';
import type { BatchItemRow } from './batches';
import type { DocumentDraft } from './office-fonds';

const titleOf = (i: BatchItemRow) => (i.title_supplied ? `[${i.title}]` : i.title);

/** The items proposed for destruction, per layout and 全宗 (in 档号 order). */
export function destructionGroups(items: BatchItemRow[]): Record<DestructionLayout, DestructionFonds[]> {
  const out: Record<DestructionLayout, Map<string, DestructionFonds>> = { documents: new Map(), accounting: new Map() };
  for (const i of items.filter((x) => x.decision === 'destroy')) {
    const groups = out[i.category_code === 'KU' ? 'accounting' : 'documents'];
    const code = i.fonds_code ?? i.community_code;
    const g = groups.get(code) ?? { fondsCode: code, fondsName: i.community, items: [] };
    g.items.push({ title: titleOf(i), year: i.filing_year ?? i.year, archivalCode: i.archival_code ?? '', retention: i.retention_before, pages: i.pages, volume: i.box_no, notes: i.reason ?? '' });
    groups.set(code, g);
  }
  return { documents: [...out.documents.values()], accounting: [...out.accounting.values()] };
}

/** The 销毁清册 as one item of the office's fonds: a Word document and a workbook. */
export async function destructionListDraft(title: string, groups: Record<DestructionLayout, DestructionFonds[]>, o: DestructionListOptions): Promise<DocumentDraft> {
  const docx = await destructionListDocx(groups, o);
  const xlsx = await workbookBytes(async (wb) => {
    for (const layout of ['documents', 'accounting'] as const) addDestructionList(wb, layout, groups[layout], o);
  });
  return { kind: '销毁清册', title, files: [{ name: `${title}.docx`, data: docx }, { name: `${title}.xlsx`, data: xlsx }] };
}

export interface ClosingInput {
  office: string;
  batch: AppraisalBatch;
  items: BatchItemRow[];
  closedOn: Date;
}

/** At closing: the 鉴定意见书, and the draft 销毁清册 when anything is proposed for destruction. */
export async function appraisalDocuments(input: ClosingInput): Promise<DocumentDraft[]> {
  const { batch, items } = input;
  const fonds = new Map<string, { code: string; name: string; due: number; keep: number; destroy: number }>();
  for (const i of items) {
    const code = i.fonds_code ?? i.community_code;
    const f = fonds.get(code) ?? { code, name: i.community, due: 0, keep: 0, destroy: 0 };
    f.due++;
    if (i.decision === 'keep') f.keep++;
    else f.destroy++;
    fonds.set(code, f);
  }
  const kept = items
    .filter((i) => i.decision === 'keep')
    .map((i) => ({ archivalCode: i.archival_code ?? '', title: titleOf(i), before: i.retention_before, after: i.new_retention ?? '', reason: i.reason ?? '' }));
  const destroy = items.filter((i) => i.decision === 'destroy').length;
  const name = `第${batch.id}批到期档案鉴定意见书`;
  const opinion = await appraisalOpinionDocx({
    office: input.office,
    batch: batch.id,
    asOf: batch.asOf,
    closedOn: input.closedOn,
    group: batch.group,
    opinion: batch.opinion ?? '',
    fonds: [...fonds.values()],
    kept,
    destroy,
    termFrom: input.closedOn.getFullYear() + 1,
  });
  const drafts: DocumentDraft[] = [{ kind: '鉴定意见书', title: name, files: [{ name: `${name}.docx`, data: opinion }] }];
  if (destroy > 0) {
    drafts.push(await destructionListDraft(`第${batch.id}批鉴定销毁清册（草稿）`, destructionGroups(items), { unit: input.office, asOf: input.closedOn, draft: true, signers: { groupHead: batch.group[0] } }));
  }
  return drafts;
}
