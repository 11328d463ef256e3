// 电子档案移交与接收登记表 (档发〔2012〕7号; the carrier's 其他/), a form in the archive's one layout:
// what is handed over (quantities, data in GB to 3 decimals, the carrier's number and sequence), the
// four checks (真实性, 完整性, 可用性, 安全性) with the transferring side's results and room for the
// receiver's, the carrier's appearance, the digest algorithm, and the signature fields of both sides.
import { chineseDate } from '../dates';
import { blank, title } from './blocks';
import { formTable, type FormRow } from './form';
import { mm, officialDocument, section, TEXT_WIDTH } from './layout';
import { packDocx } from './pack';

export const FOUR_CHECKS = ['真实性', '完整性', '可用性', '安全性'] as const;
export type CheckName = (typeof FOUR_CHECKS)[number];

export interface TransferFormInput {
  office: string;
  receiver: string;
  carrier: string;
  year: number;
  communities: string[];
  items: number;
  files: number;
  bytes: number;
  date: Date;
  /** the transferring side's result of each check */
  checks: Record<CheckName, string>;
}

const BLANK_DATE = '　　年　　月　　日';
export const gigabytes = (bytes: number): string => (bytes / 1024 ** 3).toFixed(3);

export async function transferFormDocx(t: TransferFormInput): Promise<Buffer> {
  const q = Math.floor(TEXT_WIDTH / 10);
  const widths = [3 * q, Math.floor((TEXT_WIDTH - 3 * q) / 2), TEXT_WIDTH - 3 * q - Math.floor((TEXT_WIDTH - 3 * q) / 2)];
  const label = (text: string) => ({ text, bold: true });
  const wide = (name: string, value: string): FormRow => ({ cells: [label(name), { text: value, span: 2, align: 'left' }], height: mm(9) });
  const both = (name: string, ours: string, theirs = '', height = mm(10)): FormRow => ({ cells: [label(name), { text: ours, align: 'left' }, theirs], height });
  const rows: FormRow[] = [
    wide('交接工作名称', `${t.office}向${t.receiver}移交${t.year}年度三务公开电子档案`),
    wide('内容描述', `${t.communities.join('、')}${t.year}年度党务、居务、财务公开档案（文书、会计），含文件目录及电子文件`),
    wide('移交电子档案数量', `${t.items}件，电子文件${t.files}个`),
    wide('移交数据量', `${gigabytes(t.bytes)} GB`),
    wide('载体编号', t.carrier),
    wide('载体起止顺序号', `第1号至第${t.items}号（文件目录.XML中的顺序号）`),
    wide('移交载体类型、规格', '（移交时填写，如光盘、移动硬盘及其容量）'),
    wide('数字摘要算法', 'SHA-256（每个文件的摘要见载体“其他/数字摘要.txt”）'),
    { cells: [label('检验项目'), label('移交单位检验'), label('接收单位检验')], height: mm(10) },
    ...FOUR_CHECKS.map((c) => both(`${c}检验`, t.checks[c], '', mm(12))),
    both('载体外观检验', '', '', mm(10)),
    { cells: [label(''), label('移交单位'), label('接收单位')], height: mm(10) },
    both('单位名称', t.office, t.receiver),
    both('填表人（签名）', '', '', mm(12)),
    both('审核人（签名）', '', '', mm(12)),
    both('单位（印章）', '', '', mm(20)),
    both('日期', chineseDate(t.date), BLANK_DATE),
  ];
  const children = [title(['电子档案移交与接收登记表']), blank(), formTable(widths, rows)];
  // a form on one page: narrower top and bottom margins than a 公文's
  const margin = { top: mm(25), bottom: mm(20), left: mm(28), right: mm(26) };
  return packDocx(officialDocument('电子档案移交与接收登记表', [section(children, { grid: false, pageNumbers: 'none', margin })]));
}
