// 鉴定意见书 (RETENTION.md "Appraisal", kept permanently), in the GB/T 9704 layout: what was appraised
// (the items due as of a date, per 全宗), what the group found (kept with their new terms, proposed for
// destruction), the group's opinion in its own words, the kept items with their reasons, the draft
// 销毁清册 named as the attachment, and signature lines for every member of the appraisal group.
import type { Paragraph, Table } from 'docx';
import { RETENTIONS } from '../../../../shared/vocabulary';
import { chineseDate } from '../dates';
import { blank, caption, cellStyles, columns, heading1, paragraph, table, title, widths } from './blocks';
import { formTable } from './form';
import { mm, officialDocument, section, TEXT_WIDTH } from './layout';
import { attachmentNote, signatureBlock } from './official';
import { packDocx } from './pack';
import { rowXml } from './raw-table';

export interface OpinionFonds {
  code: string;
  name: string;
  due: number;
  keep: number;
  destroy: number;
}

export interface KeptItem {
  archivalCode: string;
  title: string;
  before: string;
  after: string;
  reason: string;
}

export interface AppraisalOpinionInput {
  office: string;
  batch: number;
  /** the items were due as of this day */
  asOf: string;
  closedOn: Date;
  /** the group, its head first */
  group: string[];
  opinion: string;
  fonds: OpinionFonds[];
  kept: KeptItem[];
  destroy: number;
  /** the year a new term starts counting (1 January) */
  termFrom: number;
}

const count = (n: number) => `${n}件`;

function findings(input: AppraisalOpinionInput): string {
  const due = input.kept.length + input.destroy;
  const byTerm = RETENTIONS.map((r) => [r, input.kept.filter((k) => k.after === r).length] as const).filter(([, n]) => n > 0);
  const kept = input.kept.length
    ? `继续保存${count(input.kept.length)}（其中重新划定为${byTerm.map(([r, n]) => `${r}${count(n)}`).join('、')}）`
    : '无继续保存的档案';
  return `本批到期档案共${count(due)}，涉及${input.fonds.length}个全宗。鉴定小组逐件审查了档案的内容和现实作用，经鉴定：${kept}；${input.destroy ? `拟销毁${count(input.destroy)}` : '无拟销毁的档案'}。`;
}

function disposal(input: AppraisalOpinionInput): string[] {
  const out: string[] = [];
  if (input.destroy) out.push(`拟销毁的${count(input.destroy)}档案列入销毁清册（草稿，见附件），经批准人批准后，在两名监销人监督下销毁；存在未结事项（如未结案件、未清债务）的档案不得销毁。`);
  if (input.kept.length) out.push(`继续保存的档案已重新划定保管期限（见表2），新的保管期限自${input.termFrom}年1月1日起计算，在档案目录中注明。`);
  return out;
}

const FONDS_COLUMNS = columns(TEXT_WIDTH, [
  ['全宗号', 3],
  ['全宗名称', 6],
  ['到期件数', 3],
  ['继续保存', 3],
  ['拟销毁', 3],
]);
// millimetres of the 156 mm block: a 档号 on one line, the term's change on two at most
const KEPT_COLUMNS = columns(TEXT_WIDTH, [
  ['序号', 12],
  ['档号', 56],
  ['题名', 40, 'left'],
  ['保管期限', 24],
  ['鉴定理由', 24, 'left'],
]);

function fondsTable(input: AppraisalOpinionInput): Table {
  const sum = (k: 'due' | 'keep' | 'destroy') => String(input.fonds.reduce((s, f) => s + f[k], 0));
  const rows = input.fonds.map((f) => [f.code, f.name, String(f.due), String(f.keep), String(f.destroy)]);
  return table(FONDS_COLUMNS, [...rows, ['合计', '', sum('due'), sum('keep'), sum('destroy')]]);
}

/** Signature lines: each member's printed name, a blank to sign and the date. */
function groupTable(group: string[]): Table {
  // millimetres: the date's 年 月 日 on one line
  const w = widths(TEXT_WIDTH, [24, 34, 46, 52]);
  return formTable(w, [
    { cells: ['职务', '姓名', '签名', '日期'].map((text) => ({ text, bold: true })), height: mm(9) },
    ...group.map((name, i) => ({ cells: [i === 0 ? '组长' : '成员', name, '', '　　年　　月　　日'], height: mm(13) })),
  ]);
}

export async function appraisalOpinionDocx(input: AppraisalOpinionInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    title([input.office, '档案鉴定意见书']),
    blank(),
    paragraph(
      `根据《中华人民共和国档案法》《机关档案管理规定》和本单位档案保管期限表，${input.office}档案鉴定小组于${chineseDate(input.closedOn)}对截至${chineseDate(input.asOf)}保管期限已满的档案进行了鉴定（第${input.batch}批）。现将鉴定情况和意见报告如下。`,
    ),
    heading1('一、鉴定情况'),
    paragraph(findings(input)),
    caption('表1  鉴定结果统计'),
    fondsTable(input),
    heading1('二、鉴定意见'),
    ...input.opinion.split(/\n+/).filter((l) => l.trim()).map((l) => paragraph(l.trim())),
    heading1('三、处置意见'),
    ...disposal(input).map(paragraph),
  ];
  const bodies: string[] = [''];
  if (input.kept.length > 0) {
    children.push(caption('表2  继续保存的档案'), table(KEPT_COLUMNS, []));
    const styles = cellStyles(KEPT_COLUMNS);
    bodies.push(input.kept.map((k, i) => rowXml([String(i + 1), k.archivalCode, k.title, `${k.before}→${k.after}`, k.reason], styles)).join(''));
  }
  children.push(
    ...attachmentNote(input.destroy ? ['销毁清册（草稿）'] : []),
    blank(),
    paragraph('鉴定小组成员签名：'),
    groupTable(input.group),
    ...signatureBlock({ name: `${input.office}档案鉴定小组`, date: input.closedOn, sealed: false }),
  );
  return packDocx(officialDocument(`${input.office}档案鉴定意见书`, [section(children)]), { tableBodies: bodies });
}
