// 四、存在问题 and 五、下一步打算 of the work report: the audit's shortfalls in words, indicator by
// indicator, and for each a remedy fitted to what the indicator asks (meet monthly, fund, staff …).
import type { Paragraph } from 'docx';
import type { Rule } from '../../standards/catalogue';
import { awaitingAttestation, shortfallsByIndicator, type IndicatorShortfalls } from '../assessment';
import type { ReportFacts } from '../facts';
import { numeral, wan } from '../numbers';
import type { WorkReportInput } from './work-report';
import { paragraph } from './blocks';

const CADENCE: Record<string, string> = { monthly: '每月', quarterly: '每季度', halfyearly: '每半年' };

/** What names a rule in its shortfall text (the kind, category or field it counts). */
function ruleKeys(rule: Rule): string[] {
  switch (rule.type) {
    case 'fund':
      return [rule.category];
    case 'profile':
      return [rule.field];
    case 'coverage':
      return rule.kinds;
    case 'disclosed':
      return ['公开'];
    case 'manual':
      return ['人工认定'];
    default:
      return [rule.kind];
  }
}

interface Gap {
  community: string;
  rule: Rule | undefined;
  item: string;
}

/** Each community's failing rules of each indicator found short: those its shortfall text names. */
function gaps(found: IndicatorShortfalls[]): Gap[] {
  return found.flatMap((s) =>
    s.communities.flatMap(({ community, missing }) => {
      const text = missing.join('；');
      const rules = s.definition?.rules ?? [];
      const failing = rules.filter((r) => ruleKeys(r).some((k) => text.includes(k)));
      const chosen = failing.length ? failing : [rules.find((r) => r.type !== 'manual') ?? rules[0]];
      return chosen.map((rule) => ({ community, rule, item: s.indicator.item ?? s.indicator.id }));
    }),
  );
}

type Remedy = 'meet' | 'staff' | 'profile' | 'fund' | 'disclose' | 'fix';

/** One gap in a few words, and the remedy it belongs to. */
function phrase(g: Gap): [Remedy, string] {
  const r = g.rule;
  switch (r?.type) {
    case 'monthly':
    case 'quarterly':
    case 'halfyearly':
      return ['meet', `${g.community}${CADENCE[r.type]}开展${r.kind}`];
    case 'yearly':
      return ['meet', `${g.community}年内开展${r.kind}${r.min > 1 ? `不少于${r.min}次` : ''}`];
    case 'within':
      return ['meet', `${g.community}依法按期开展${r.kind}`];
    case 'coverage':
      return ['meet', `${g.community}按公开目录补齐缺项内容`];
    case 'roster':
      return ['staff', `${g.community}${r.kind}（${r.max ? `${r.min}至${r.max}${r.unit ?? '名'}` : `不少于${r.min}${r.unit ?? '名'}`}）`];
    case 'staffing':
      return ['staff', `${g.community}${r.kind}（每${r.householdsPerStaff}户1名、不少于${r.min}名）`];
    case 'profile':
      return ['profile', `${g.community}${r.field}达到${r.min}${r.unit}以上`];
    case 'fund':
      return ['fund', `${g.community}${r.category}每年不低于${wan(r.yuan)}`];
    case 'disclosed':
      return ['disclose', g.community];
    default:
      return ['fix', `${g.community}在“${g.item}”方面的问题`];
  }
}

const REMEDIES: [Remedy, (list: string) => string][] = [
  ['meet', (l) => `督促${l}，当期形成记录、及时归档，杜绝缺月漏季。`],
  ['disclose', (l) => `指导${l}每季度公开党务、居务、财务事项，公开栏照片等公开材料随公开事项一并归档。`],
  ['staff', (l) => `配齐${l}，人员变动及时登记。`],
  ['fund', (l) => `协调落实${l}，收支登记入账并公开。`],
  ['profile', (l) => `推动${l}，并更新社区概况。`],
  ['fix', (l) => `针对${l}逐项整改，整改情况报街道备案。`],
];

/** The remedies for the shortfalls found, one item per kind of remedy. */
function remedies(found: IndicatorShortfalls[]): string[] {
  const by = new Map<Remedy, string[]>();
  for (const g of gaps(found)) {
    const [kind, text] = phrase(g);
    const list = by.get(kind) ?? [];
    if (!list.includes(text)) list.push(text);
    by.set(kind, list);
  }
  return REMEDIES.filter(([kind]) => by.has(kind)).map(([kind, sentence]) => sentence(by.get(kind)!.join('、')));
}

export function problems({ audit, facts }: Pick<WorkReportInput, 'audit' | 'facts'>): Paragraph[] {
  const found = shortfallsByIndicator(audit);
  const out: Paragraph[] = [];
  let n = 0;
  for (const s of found) {
    const detail = s.communities.map((c) => `${c.community}${c.missing.join('，')}`).join('；');
    out.push(paragraph(`（${numeral(++n)}）“${s.indicator.item ?? s.indicator.id}”方面，${s.communities.length}个社区未达到要求：${detail}。`));
  }
  out.push(...archiveProblems(facts, n));
  if (out.length === 0) out.push(paragraph('对照考评标准和档案管理要求检查，各社区已评指标均达到要求，未发现需要整改的问题。'));
  return out;
}

function archiveProblems(facts: ReportFacts, from: number): Paragraph[] {
  const out: Paragraph[] = [];
  let n = from;
  const unrecorded = facts.channels.get('') ?? 0;
  if (facts.unfiled > 0) out.push(paragraph(`（${numeral(++n)}）档案归档方面。尚有${facts.unfiled}件文件未归档，未赋档号。`));
  if (unrecorded > 0) out.push(paragraph(`（${numeral(++n)}）公开登记方面。${unrecorded}件公开事项未登记公开形式，无法核实公开情况。`));
  return out;
}

/** Specific to the shortfalls found; the clerk's own text replaces it when given. */
export function nextSteps({ audit, facts, scope }: Pick<WorkReportInput, 'audit' | 'facts' | 'scope'>): Paragraph[] {
  const out: string[] = remedies(shortfallsByIndicator(audit));
  const waiting = awaitingAttestation(audit);
  if (waiting.items > 0) {
    out.push(
      `组织各社区对${waiting.items}项待人工认定的指标提供佐证材料，街道逐项审核认定${waiting.veto > 0 ? `，一票否决事项（${waiting.veto}项）优先认定` : ''}，认定后更新考评结果。`,
    );
  }
  if (facts.unfiled > 0) out.push(`${scope.year + 1}年6月30日前完成${facts.unfiled}件未归档文件的整理归档（会计档案于3月31日前），做到件号连续、档号规范。`);
  if ((facts.channels.get('') ?? 0) > 0) out.push('补登公开事项的公开日期和公开形式，公开材料随件归档。');
  if (out.length === 0) out.push('巩固现有成果，坚持每季度开展三务公开自查，按期整理归档，迎接复评。');
  return out.map((text, i) => paragraph(`（${numeral(i + 1)}）${text}`));
}
