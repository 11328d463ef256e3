// Shortfalls in an inspector's words, e.g. 缺3月、7月居务监督委员会例会记录.
import { chineseDate } from '../../../shared/fields/dates';

const list = (items: string[]) => items.join('、');

export function yuan(fen: number): string {
  const y = fen / 100;
  return y >= 10000 && y % 100 === 0 ? `${y / 10000}万元` : `${Number.isInteger(y) ? y : y.toFixed(2)}元`;
}

export const missingPeriods = (labels: string[], kind: string) => `缺${list(labels)}${kind}记录`;

const ONE_PERIOD = /^缺(\d+月|\d季度|上半年|下半年)(.+)记录$/;

/** One-period shortfalls of the same kind joined as 考评 words them: 缺3月、7月居务监督委员会例会记录. */
export function mergePeriodShortfalls(texts: string[]): string[] {
  const labels = new Map<string, string[]>();
  const out: (string | { kind: string })[] = [];
  for (const text of texts) {
    const m = ONE_PERIOD.exec(text);
    if (!m) out.push(text);
    else if (labels.has(m[2]!)) labels.get(m[2]!)!.push(m[1]!);
    else {
      labels.set(m[2]!, [m[1]!]);
      out.push({ kind: m[2]! });
    }
  }
  return out.map((o) => (typeof o === 'string' ? o : missingPeriods(labels.get(o.kind)!, o.kind)));
}

export const missingKinds = (kinds: string[]) => `缺${list(kinds)}记录`;

export function yearlyShortfall(kind: string, n: number, min: number, yearOpen: boolean): string {
  const need = min === 1 ? '' : `（全年应不少于${min}次）`;
  const text = n === 0 ? `缺${kind}记录${need}` : `${kind}记录仅${n}次，全年应不少于${min}次`;
  return yearOpen ? `${text}；本年度尚未结束` : text;
}

export function withinShortfall(kind: string, years: number, year: number, yearOpen: boolean): string {
  const text = `近${years}年（${year - years + 1}—${year}年）无${kind}记录`;
  return yearOpen ? `${text}；本年度尚未结束` : text;
}

export function fundShortfall(category: string, fen: number, minFen: number, yearOpen: boolean): string {
  const text = fen === 0 ? `无${category}收入记录（每年应不少于${yuan(minFen)}）` : `${category}收入${yuan(fen)}，每年应不少于${yuan(minFen)}`;
  return yearOpen ? `${text}；本年度尚未结束` : text;
}

export function rosterShortfall(kind: string, n: number, min: number, max: number | undefined, unit: string, asOf: string): string {
  const on = `截至${chineseDate(asOf)}`;
  if (max !== undefined && n > max) return `${kind}${on}在任${n}${unit}，一般应为${min}至${max}${unit}`;
  return n === 0 ? `缺${kind}（${on}在任0${unit}，应至少${min}${unit}）` : `${kind}${on}在任${n}${unit}，应至少${min}${unit}`;
}

export const rosterBasis = (kind: string, n: number, unit: string, asOf: string) => `截至${chineseDate(asOf)}在任${kind}${n}${unit}`;

export const staffingBasis = (kind: string, n: number, required: number, households: number | null, asOf: string) =>
  `截至${chineseDate(asOf)}在任${kind}${n}名（${households === null ? '' : `按${households}户`}应至少${required}名）`;

export const profileBasis = (field: string, value: number, unit: string) => `${field}${value}${unit}`;

export const fundBasis = (category: string, fen: number) => `${category}收入${yuan(fen)}`;

export function staffingShortfall(kind: string, n: number, required: number, households: number | null, asOf: string): string {
  const basis = households === null ? '（社区概况缺户数，按最低配备计）' : `（按${households}户计）`;
  return `${kind}截至${chineseDate(asOf)}在任${n}名，应至少${required}名${basis}`;
}

export function profileShortfall(field: string, value: number | null, min: number, unit: string): string {
  return value === null ? `社区概况缺${field}（应不低于${min}${unit}）` : `${field}${value}${unit}，应不低于${min}${unit}`;
}

/** An item as an inspector finds it: its 档号, or its title while unfiled. */
const itemName = (r: { code: string | null; title: string }) => r.code ?? `“${r.title}”（未归档）`;

export const disclosureWithoutAttachment = (affair: string, records: { code: string | null; title: string }[]) =>
  `${records.length}件${affair}公开事项没有留存公开材料（${list(records.slice(0, 5).map(itemName))}${records.length > 5 ? `等${records.length}件` : ''}）`;

export const AWAITING_ATTESTATION = '待人工认定';
export const attestedUnmet = (note: string) => `人工认定未达标${note ? `：${note}` : ''}`;
export const notStarted = (year: number) => `${year}年尚未开始`;
