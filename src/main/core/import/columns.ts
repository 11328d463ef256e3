// The import workbook (DESIGN.md "The import workbook"): sheets, exact headers, cell types and the
// help text of the 说明 sheet. The template writer and the importer both read this one definition.
import { COMMUNITY_LABELS, RECORD_LABELS, ROSTER_LABELS } from '../../../shared/labels';
import { AFFAIRS, COMMUNITY_TYPES, DEFAULT_VOCABULARY, RETENTIONS } from '../../../shared/vocabulary';

export type CellType = 'text' | 'date' | 'amount' | 'count' | 'decimal' | 'choice' | 'paths';

export interface ColumnDef {
  header: string;
  type: CellType;
  required?: boolean;
  /** the accepted values of a 'choice' column (also the template's drop-down) */
  choices?: readonly string[];
  /** other spellings accepted for a choice, mapped to the stored value */
  aliases?: Readonly<Record<string, string>>;
  /** a drop-down in the template without refusing other values (事项: checked against the archive's vocabulary) */
  dropDown?: readonly string[];
  width: number;
  help: string;
  example: string;
}

export interface SheetDef<K extends string = string> {
  name: string;
  columns: Record<K, ColumnDef>;
}

const ALL_KINDS = AFFAIRS.flatMap((a) => DEFAULT_VOCABULARY.kinds[a]);

export const RECORDS_SHEET = {
  name: '档案登记',
  columns: {
    community: { header: RECORD_LABELS.community, type: 'text', required: true, width: 14, help: '社区名称，须与社区概况或档案库中已有的社区名称一致', example: '桃源社区' },
    affair: { header: RECORD_LABELS.affair, type: 'choice', required: true, choices: AFFAIRS, width: 8, help: '党务、居务、财务之一', example: '居务' },
    kind: { header: RECORD_LABELS.kind, type: 'text', required: true, dropDown: ALL_KINDS, width: 22, help: '事项须属于所填类别，从下拉列表中选择', example: '居务监督委员会例会' },
    title: { header: RECORD_LABELS.title, type: 'text', required: true, width: 40, help: '文件的标题', example: '桃源社区居务监督委员会2025年3月例会记录' },
    responsible: { header: RECORD_LABELS.responsible, type: 'text', width: 18, help: '形成文件的单位或个人', example: '桃源社区居务监督委员会' },
    docNumber: { header: RECORD_LABELS.docNumber, type: 'text', width: 16, help: '发文字号，没有可不填', example: '桃居监〔2025〕3号' },
    date: { header: RECORD_LABELS.date, type: 'date', required: true, width: 12, help: '文件形成的日期；可填 2025-03-05、2025/3/5、2025.3.5、2025年3月5日 或 Excel 日期', example: '2025-03-05' },
    disclosureDate: { header: RECORD_LABELS.disclosureDate, type: 'date', width: 12, help: '公开的日期，写法同成文日期', example: '2025-03-08' },
    channel: { header: RECORD_LABELS.disclosureChannel, type: 'choice', choices: DEFAULT_VOCABULARY.channels, width: 10, help: `${DEFAULT_VOCABULARY.channels.join('、')}之一`, example: '公开栏' },
    pages: { header: RECORD_LABELS.pages, type: 'count', width: 6, help: '正整数，至少为 1', example: '3' },
    retention: {
      header: RECORD_LABELS.retention,
      type: 'choice',
      choices: RETENTIONS,
      aliases: { '30年': '定期30年', '10年': '定期10年' },
      width: 10,
      help: '永久、定期30年、定期10年之一；不填则按保管期限表由事项确定',
      example: '定期30年',
    },
    income: { header: RECORD_LABELS.income, type: 'amount', width: 12, help: '单位：元；可填 20000、20,000.00、2万', example: '20,000.00' },
    expense: { header: RECORD_LABELS.expense, type: 'amount', width: 12, help: '单位：元；写法同收入金额', example: '1500' },
    fundCategory: { header: RECORD_LABELS.fundCategory, type: 'choice', choices: DEFAULT_VOCABULARY.fundCategories, width: 16, help: `${DEFAULT_VOCABULARY.fundCategories.join('、')}之一`, example: '惠民资金' },
    notes: { header: RECORD_LABELS.notes, type: 'text', width: 20, help: '其他说明', example: '会议纪要另附' },
    attachments: {
      header: RECORD_LABELS.attachments,
      type: 'paths',
      width: 30,
      help: '附件文件的路径，相对于本工作簿所在的文件夹；多个用“；”或“;”分隔；文件须在该文件夹内',
      example: '附件/3月例会记录.pdf；附件/公开栏照片.jpg',
    },
  },
} as const satisfies SheetDef;

export const COMMUNITIES_SHEET = {
  name: '社区概况',
  columns: {
    name: { header: COMMUNITY_LABELS.name, type: 'text', required: true, width: 14, help: '社区的全称', example: '桃源社区' },
    code: { header: COMMUNITY_LABELS.code, type: 'text', required: true, width: 10, help: '即全宗号，由字母和数字组成，最多8位', example: 'S101' },
    type: { header: COMMUNITY_LABELS.type, type: 'choice', choices: COMMUNITY_TYPES, aliases: { 城市社区: '城市', 农村社区: '农村' }, width: 8, help: '城市或农村；不填为城市', example: '城市' },
    households: { header: COMMUNITY_LABELS.households, type: 'count', width: 8, help: '非负整数', example: '1274' },
    population: { header: COMMUNITY_LABELS.population, type: 'count', width: 8, help: '非负整数', example: '3560' },
    areaKm2: { header: COMMUNITY_LABELS.areaKm2, type: 'decimal', width: 10, help: '单位：平方公里', example: '1.2' },
    residentUnits: { header: COMMUNITY_LABELS.residentUnits, type: 'count', width: 10, help: '非负整数', example: '15' },
    stationArea: { header: COMMUNITY_LABELS.stationArea, type: 'decimal', width: 10, help: '单位：平方米', example: '350' },
    weeklyHours: { header: COMMUNITY_LABELS.weeklyHours, type: 'decimal', width: 12, help: '单位：小时，不超过168', example: '56' },
  },
} as const satisfies SheetDef;

export const ROSTER_SHEET = {
  name: '人员与组织',
  columns: {
    community: { header: ROSTER_LABELS.community, type: 'text', required: true, width: 14, help: '社区名称，须与社区概况或档案库中已有的社区名称一致', example: '桃源社区' },
    kind: { header: ROSTER_LABELS.kind, type: 'choice', required: true, choices: DEFAULT_VOCABULARY.rosterKinds, width: 18, help: `${DEFAULT_VOCABULARY.rosterKinds.join('、')}之一`, example: '法律顾问' },
    name: { header: ROSTER_LABELS.name, type: 'text', required: true, width: 24, help: '人员姓名或组织名称', example: '张明（某某律师事务所）' },
    startDate: { header: ROSTER_LABELS.startDate, type: 'date', width: 12, help: '任职或成立日期，写法同成文日期', example: '2024-01-01' },
    endDate: { header: ROSTER_LABELS.endDate, type: 'date', width: 12, help: '离任或撤销日期，在任的不填', example: '2026-12-31' },
    note: { header: ROSTER_LABELS.note, type: 'text', width: 24, help: '其他说明', example: '每月驻点两次' },
  },
} as const satisfies SheetDef;

export const SHEETS: readonly SheetDef[] = [RECORDS_SHEET, COMMUNITIES_SHEET, ROSTER_SHEET];

export type RecordField = keyof typeof RECORDS_SHEET.columns;
export type CommunityField = keyof typeof COMMUNITIES_SHEET.columns;
export type RosterField = keyof typeof ROSTER_SHEET.columns;
