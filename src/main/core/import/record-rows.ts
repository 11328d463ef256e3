// 档案登记 rows -> record inputs. Checks what the cell types cannot: 事项 against 类别 and the
// archive's vocabulary, the record rules every way in shares (src/shared/fields), then the schema.
import { recordFieldIssues } from '../../../shared/fields/record';
import { recordInputSchema, type RecordInputParsed } from '../../../shared/schemas';
import type { Affair, Retention } from '../../../shared/vocabulary';
import type { KindIndex } from '../records/vocabulary';
import { RECORDS_SHEET, type RecordField } from './columns';
import type { AttachmentRef } from './attachment-paths';
import { rowFingerprint } from './fingerprint';
import { headersOf, type RowValues } from './row-values';
import { schemaIssues, type RowIssue } from './row-issue';

export interface RecordDraft {
  row: number;
  /** file!sheet!row, kept in the record and its audit entry */
  source: string;
  communityName: string;
  /** as the record schema gave it back (trimmed, defaults filled): written without parsing again */
  input: Omit<RecordInputParsed, 'communityId'>;
  attachments: AttachmentRef[];
  fingerprint: string;
  /** its character pairs for search (computed where the row is read: see parse-file.ts) */
  grams?: string;
}

const HEADERS = headersOf(RECORDS_SHEET, { disclosureChannel: 'channel' });
const C = RECORDS_SHEET.columns;

function kindIssue(kinds: KindIndex, affair: Affair | null, kind: string): RowIssue | null {
  const owner = kinds.affairOf.get(kind);
  if (!owner) {
    const hint = affair ? `${affair}的事项有：${kinds.kindsOf[affair].join('、')}` : '请从下拉列表选择';
    return { column: C.kind.header, message: `“${kind}”不在事项表中，${hint}` };
  }
  if (affair && owner !== affair) {
    return { column: C.kind.header, message: `事项“${kind}”属于“${owner}”，与类别“${affair}”不符，请改正其中之一` };
  }
  return null;
}

export function recordDraft(
  { values: v, issues }: RowValues<RecordField>,
  kinds: KindIndex,
  today: string,
  at: { row: number; source: string },
): { draft: RecordDraft | null; issues: RowIssue[] } {
  const affair = v.affair as Affair | null;
  const kind = v.kind as string | null;
  if (kind !== null) {
    const problem = kindIssue(kinds, affair, kind);
    if (problem) issues.push(problem);
  }
  const date = v.date as string | null;
  const disclosed = v.disclosureDate as string | null;
  if (date !== null) {
    for (const i of recordFieldIssues({ date, disclosureDate: disclosed, pages: v.pages as number | null }, today)) {
      issues.push({ column: C[i.field].header, message: `${i.message}，请核对` });
    }
  }
  // Blank required fields get placeholders here; such a row already has its issues and is refused.
  const input = {
    affair: affair ?? '党务',
    kind: kind ?? '',
    title: (v.title as string | null) ?? '',
    responsible: (v.responsible as string | null) ?? '',
    docNumber: (v.docNumber as string | null) ?? '',
    date: date ?? '',
    disclosureDate: disclosed,
    disclosureChannel: v.channel as string | null,
    pages: v.pages as number | null,
    retention: (v.retention as Retention | null) ?? undefined,
    income: v.income as number | null,
    expense: v.expense as number | null,
    fundCategory: v.fundCategory as string | null,
    notes: (v.notes as string | null) ?? '',
    source: at.source,
  };
  const checked = issues.length === 0 ? recordInputSchema.safeParse({ ...input, communityId: 1 }) : null;
  if (checked && !checked.success) issues.push(...schemaIssues(checked.error, HEADERS));
  if (issues.length > 0 || !checked?.success) return { draft: null, issues };
  const communityName = v.community as string;
  const attachments = (v.attachments as AttachmentRef[] | null) ?? [];
  const fingerprint = rowFingerprint('record', [
    communityName,
    input.affair,
    input.kind,
    input.title,
    input.responsible,
    input.docNumber,
    input.date,
    input.disclosureDate,
    input.disclosureChannel,
    input.pages,
    input.retention ?? null,
    input.income,
    input.expense,
    input.fundCategory,
    input.notes,
    // the paths as written, so moving the whole folder keeps the fingerprint
    attachments.map((a) => a.written),
  ]);
  const { communityId: _, ...parsed } = checked.data;
  return { draft: { row: at.row, source: at.source, communityName, input: { ...parsed, fingerprint }, attachments, fingerprint }, issues };
}
