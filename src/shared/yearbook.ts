// 档案室基本情况年报 (DESIGN.md "Year-end paperwork"): the form's rows, the figures computed from the
// register, and the settings that hold what no register does (staff, rooms, equipment).
import { z } from 'zod';

/** Who reports: the form's header and signature footer. */
export const yearbookUnitSchema = z.object({
  /** empty: the street office's name */
  unitName: z.string().trim().max(100, '单位名称不能超过100个字').default(''),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-HJ-NPQRTUWXY]{18})?$/, '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）')
    .default(''),
  unitHead: z.string().trim().max(20, '单位负责人不能超过20个字').default(''),
  statHead: z.string().trim().max(20, '统计负责人不能超过20个字').default(''),
  preparer: z.string().trim().max(20, '填表人不能超过20个字').default(''),
  phone: z.string().trim().max(30, '联系电话不能超过30个字').default(''),
});
export type YearbookUnit = z.output<typeof yearbookUnitSchema>;

/** A figure the clerk enters (no register holds it), printed as entered. */
export interface EnteredFigure {
  key: string;
  label: string;
  unit: string;
  /** whole numbers only (people, devices); otherwise up to two decimals (areas) */
  integer: boolean;
  /** printed indented under the row before it (其中 …) */
  part?: boolean;
}

/** Computed from the register; `key` names the figure in YearbookFigures' `values`. */
export interface ComputedFigure {
  key: ComputedKey;
  label: string;
  unit: string;
  part?: boolean;
}

export type ComputedKey =
  | 'holdings'
  | 'holdingsPermanent'
  | 'holdingsD30'
  | 'electronicItems'
  | 'electronicGb'
  | 'received'
  | 'transferredAny'
  | 'transferred'
  | 'destroyedAny'
  | 'destroyed'
  | 'usePersonTimes'
  | 'useItemTimes';

export type FormRow = { kind: 'group'; label: string } | ({ kind: 'entered' } & EnteredFigure) | ({ kind: 'computed' } & ComputedFigure);

const entered = (key: string, label: string, unit: string, integer = true, part = false): FormRow => ({ kind: 'entered', key, label, unit, integer, part });
const computed = (key: ComputedKey, label: string, unit: string, part = false): FormRow => ({ kind: 'computed', key, label, unit, part });

/** The form's rows in order (国统制 DA-3 档案室基本情况); each figure row gets a code 01, 02, … */
export const YEARBOOK_FORM: readonly FormRow[] = [
  { kind: 'group', label: '一、档案工作人员' },
  entered('staffTotal', '档案工作人员', '人'),
  entered('staffFullTime', '其中：专职', '人', true, true),
  entered('staffPartTime', '兼职', '人', true, true),
  entered('age35', '按年龄分：35岁及以下', '人', true, true),
  entered('age36to45', '36—45岁', '人', true, true),
  entered('age46to55', '46—55岁', '人', true, true),
  entered('age56', '56岁及以上', '人', true, true),
  entered('eduPostgrad', '按学历分：研究生', '人', true, true),
  entered('eduBachelor', '大学本科', '人', true, true),
  entered('eduCollege', '大学专科', '人', true, true),
  entered('eduOther', '中专及以下', '人', true, true),
  entered('titleSenior', '按专业技术职务分：高级', '人', true, true),
  entered('titleMiddle', '中级', '人', true, true),
  entered('titleJunior', '初级', '人', true, true),
  { kind: 'group', label: '二、档案用房与设备' },
  entered('areaTotal', '档案用房面积', '平方米', false),
  entered('areaStorage', '其中：档案库房', '平方米', false, true),
  entered('areaReading', '查阅室', '平方米', false, true),
  entered('areaOffice', '档案办公用房', '平方米', false, true),
  entered('shelves', '档案柜架', '组'),
  entered('computers', '计算机', '台'),
  entered('scanners', '扫描仪', '台'),
  entered('airConditioners', '空调', '台'),
  entered('dehumidifiers', '除湿机', '台'),
  { kind: 'group', label: '三、室存档案' },
  computed('holdings', '室存档案', '件'),
  computed('holdingsPermanent', '其中：永久', '件', true),
  computed('holdingsD30', '定期30年', '件', true),
  computed('electronicItems', '电子档案', '件'),
  computed('electronicGb', '电子档案容量', 'GB'),
  { kind: 'group', label: '四、本年接收、移交与销毁' },
  computed('received', '本年接收档案', '件'),
  computed('transferredAny', '本年是否向档案馆移交档案', '是/否'),
  computed('transferred', '本年移交档案', '件'),
  computed('destroyedAny', '本年是否销毁档案', '是/否'),
  computed('destroyed', '本年销毁档案', '件'),
  { kind: 'group', label: '五、档案利用' },
  computed('usePersonTimes', '利用档案人次', '人次'),
  computed('useItemTimes', '利用档案件次', '件次'),
];

export const ENTERED_FIGURES: EnteredFigure[] = YEARBOOK_FORM.flatMap((r) => (r.kind === 'entered' ? [r] : []));

/** A figure's name in a message: 兼职 → 档案工作人员（兼职）, 其中：档案库房 → 档案库房. */
export function figureName(key: string): string {
  const i = ENTERED_FIGURES.findIndex((f) => f.key === key);
  const f = ENTERED_FIGURES[i];
  if (!f) return key;
  const own = f.label.replace(/^(其中|按.+?分)：/, '');
  if (!f.part) return own;
  const head = ENTERED_FIGURES.slice(0, i).reverse().find((g) => !g.part);
  return head ? `${head.label}（${own}）` : own;
}

const figureValue = (f: EnteredFigure) => {
  const name = figureName(f.key);
  const n = z.number({ error: `${name}应填数字` }).min(0, `${name}不能为负数`).max(1e7, `${name}过大，请核对`);
  return (f.integer ? n.int(`${name}应为整数`) : n.refine((v) => Math.round(v * 100) === Math.round(v * 100 * 1e6) / 1e6, `${name}最多保留两位小数`)).nullable().optional();
};

/** What the clerk entered for a year: blank (null) is printed blank, never as 0. */
export const enteredFiguresSchema = z.object(Object.fromEntries(ENTERED_FIGURES.map((f) => [f.key, figureValue(f)]))).strict();
export type EnteredFigures = Record<string, number | null | undefined>;

export const yearbookSettingsSchema = z.object({
  unit: yearbookUnitSchema.default(yearbookUnitSchema.parse({})),
  figures: enteredFiguresSchema.default({}),
});
export type YearbookSettings = z.output<typeof yearbookSettingsSchema>;
export type YearbookSettingsInput = z.input<typeof yearbookSettingsSchema>;

/** The figures counted from the register, as the form prints them. */
export interface YearbookFigures {
  year: number;
  /** when they were counted (ISO time): 室存 is what is held at that moment */
  countedAt: string;
  values: Record<Exclude<ComputedKey, 'transferredAny' | 'destroyedAny' | 'electronicGb'>, number> & {
    transferredAny: '是' | '否';
    destroyedAny: '是' | '否';
    /** GB (1024³ bytes) to three decimals, as text: 0.125 */
    electronicGb: string;
  };
  /** the bytes behind electronicGb */
  electronicBytes: number;
}

export interface YearbookResult {
  /** the workbook */
  path: string;
  figures: YearbookFigures;
  /** browser mode: the workbook to download */
  downloadUrl?: string;
}

/** Sums the clerk's entries should agree with (a notice, never a refusal: printed as entered). */
export const ENTERED_SUMS: { total: string; parts: string[]; label: string }[] = [
  { total: 'staffTotal', parts: ['staffFullTime', 'staffPartTime'], label: '专职与兼职' },
  { total: 'staffTotal', parts: ['age35', 'age36to45', 'age46to55', 'age56'], label: '按年龄分' },
  { total: 'staffTotal', parts: ['eduPostgrad', 'eduBachelor', 'eduCollege', 'eduOther'], label: '按学历分' },
];

/** Notices where entered parts do not add up to their total. */
export function enteredSumNotices(figures: EnteredFigures): string[] {
  const out: string[] = [];
  for (const s of ENTERED_SUMS) {
    const total = figures[s.total];
    const parts = s.parts.map((k) => figures[k]);
    if (total === null || total === undefined || parts.every((p) => p === null || p === undefined)) continue;
    const sum = parts.reduce<number>((a, p) => a + (p ?? 0), 0);
    if (sum !== total) out.push(`${s.label}合计 ${sum} 人，与档案工作人员 ${total} 人不一致`);
  }
  return out;
}

/** Each figure row's code on the form (01, 02, …), by key. */
export const FORM_CODES: ReadonlyMap<string, string> = new Map(
  YEARBOOK_FORM.filter((r) => r.kind !== 'group').map((r, i) => [(r as { key: string }).key, String(i + 1).padStart(2, '0')]),
);
