// 01 年度三务公开工作报告: the street office's annual report (GB/T 9704 layout).
import { scoreText, verdictText, vetoText } from '../../../../shared/audit-verdict';
import { Packer, type Paragraph, type Table } from 'docx';
import type { AuditResult } from '../../../../shared/audit';
import { AFFAIRS } from '../../../../shared/vocabulary';
import { auditFor, awaitingAttestation, shortfalls, standardLabel } from '../assessment';
import type { ReportFacts } from '../facts';
import type { ReportScope } from '../scope';
import { totalsByAffair } from '../statistics';
import { caption, columns, heading1, heading2, paragraph, signature, table, title } from './blocks';
import { officialDocument, section, TEXT_WIDTH } from './layout';

export interface WorkReportInput {
  scope: ReportScope;
  facts: ReportFacts;
  audit: AuditResult;
  nextSteps?: string;
}

export const DEFAULT_NEXT_STEPS =
  '下一步，街道将继续指导各社区严格落实三务公开制度，按照公开目录和时限要求及时、全面公开党务、居务、财务信息；' +
  '加强公开档案的收集、整理和归档，确保应归尽归、件号连续、档号规范；针对考评中发现的问题逐项整改，' +
  '补齐缺失的会议记录和公开资料，定期开展自查和档案保管期限检查，不断提升三务公开工作的规范化水平。';

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

function basics({ scope, facts }: WorkReportInput): (Paragraph | Table)[] {
  const cs = scope.communities;
  const rural = cs.filter((c) => c.type === '农村').length;
  const households = cs.reduce((s, c) => s + (c.households ?? 0), 0);
  const population = cs.reduce((s, c) => s + (c.population ?? 0), 0);
  const byAffair = totalsByAffair(facts.monthly);
  const total = byAffair.党务 + byAffair.居务 + byAffair.财务;
  const perCommunity = cs.map((c) => {
    const rows = facts.monthly.filter((r) => r.communityId === c.id);
    const n = AFFAIRS.map((a) => rows.find((r) => r.affair === a)?.total ?? 0);
    return [c.name, c.type, c.households?.toString() ?? '—', c.population?.toString() ?? '—', ...n.map(String), String(n.reduce((s, v) => s + v, 0))];
  });
  const monthRows = AFFAIRS.map((a) => {
    const months = MONTHS.map((_, m) => facts.monthly.filter((r) => r.affair === a).reduce((s, r) => s + r.months[m]!, 0));
    return [a, ...months.map(String), String(byAffair[a])];
  });
  const monthTotals = MONTHS.map((_, m) => facts.monthly.reduce((s, r) => s + r.months[m]!, 0));
  return [
    heading1('一、基本情况'),
    paragraph(
      `${scope.office.name}共有社区${cs.length}个（城市社区${cs.length - rural}个、农村社区${rural}个），` +
        `登记户数合计${households}户、人口${population}人。${scope.year}年度各社区共形成三务公开档案${total}件，` +
        `其中党务公开${byAffair.党务}件、居务公开${byAffair.居务}件、财务公开${byAffair.财务}件；` +
        `已归档${facts.filed}件，未归档${facts.unfiled}件。各社区情况见表1，各月分布见表2。`,
    ),
    caption('表1  各社区三务公开档案件数'),
    table(
      columns(TEXT_WIDTH, [['社区', 3], ['类型', 1.4], ['户数', 1.6], ['人口', 1.6], ['党务', 1.4], ['居务', 1.4], ['财务', 1.4], ['合计', 1.4]]),
      [...perCommunity, ['合计', '', String(households), String(population), String(byAffair.党务), String(byAffair.居务), String(byAffair.财务), String(total)]],
    ),
    caption('表2  三务公开档案按月分布（件）'),
    table(
      columns(TEXT_WIDTH, [['类别', 1.6], ...MONTHS.map((m): [string, number] => [m, 1]), ['合计', 1.3]]),
      [...monthRows, ['合计', ...monthTotals.map(String), String(total)]],
    ),
  ];
}

function disclosure({ facts }: WorkReportInput): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading1('二、公开情况')];
  const byAffair = totalsByAffair(facts.monthly);
  AFFAIRS.forEach((affair, i) => {
    const kinds = facts.kinds.filter((k) => k.affair === affair);
    out.push(heading2(`（${numeral(i + 1)}）${affair}公开`));
    const top = kinds.slice(0, 5).map((k) => `${k.kind}${k.count}件`);
    let text = `全年共公开${affair}事项${byAffair[affair]}件，涉及${kinds.length}类事项${top.length ? `，主要有${top.join('、')}` : ''}。`;
    if (affair === '财务') text += `财务公开中登记收入合计${yuan(facts.income)}元、支出合计${yuan(facts.expense)}元。`;
    out.push(paragraph(text));
    if (kinds.length > 0) {
      out.push(
        table(
          columns(TEXT_WIDTH, [['序号', 1], ['事项', 5], ['件数', 1.5]]),
          kinds.map((k, n) => [String(n + 1), k.kind, String(k.count)]),
        ),
      );
    }
  });
  const channels = [...facts.channels].map(([c, n]) => `${c}${n}件`).join('、');
  if (channels) out.push(paragraph(`从公开形式看，${channels}。`));
  return out;
}

function assessment({ scope, audit }: WorkReportInput): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading1('三、考评情况')];
  const rows: string[][] = [];
  for (const c of scope.communities) {
    for (const s of auditFor(audit, c.name)) rows.push([c.name, standardLabel(s), scoreText(s), verdictText(s), vetoText(s)]);
  }
  const passed = rows.filter((r) => r[3] === '达标').length;
  out.push(paragraph(`对照各项示范创建标准，${scope.year}年度共评价${rows.length}项（社区×标准），达标${passed}项。各社区得分和等次见表3。`));
  out.push(caption('表3  各社区考评得分和等次'));
  out.push(table(columns(TEXT_WIDTH, [['社区', 2], ['标准', 4], ['得分', 1], ['等次', 1.4], ['一票否决', 1.4]]), rows));
  return out;
}

const NUMERALS = '一二三四五六七八九十';
const numeral = (n: number) => (n <= 10 ? NUMERALS[n - 1]! : n < 20 ? `十${NUMERALS[n - 11] ?? ''}` : String(n));

function problems({ scope, facts, audit }: WorkReportInput): Paragraph[] {
  const out = [heading1('四、存在问题')];
  let n = 0;
  for (const c of scope.communities) {
    const list = shortfalls(audit, c.name);
    const manual = awaitingAttestation(audit, c.name);
    if (list.length === 0 && manual === 0) continue;
    out.push(heading2(`（${numeral(++n)}）${c.name}`));
    for (const s of list) out.push(paragraph(`对照《${s.standard}》：${s.items.map((t, i) => `${i + 1}.${t}`).join('；')}。`));
    if (manual > 0) out.push(paragraph(`另有${manual}项指标需人工认定，请社区提供佐证材料后由街道审核确认。`));
  }
  if (facts.unfiled > 0) out.push(paragraph(`全街道尚有${facts.unfiled}件档案未归档，应在归档期限前完成整理归档。`));
  if (n === 0 && facts.unfiled === 0) out.push(paragraph('经对照考评标准检查，各社区未发现需要整改的问题。'));
  return out;
}

export function workReportDocument(input: WorkReportInput) {
  const { scope } = input;
  const children = [
    title(`${scope.office.name}${scope.year}年度三务公开工作报告`),
    ...basics(input),
    ...disclosure(input),
    ...assessment(input),
    ...problems(input),
    heading1('五、下一步工作'),
    ...(input.nextSteps?.trim() || DEFAULT_NEXT_STEPS).split(/\n+/).map((p) => paragraph(p.trim())),
    ...signature(scope.office.name, scope.reportDate),
  ];
  return officialDocument(`${scope.year}年度三务公开工作报告`, [section(children)]);
}

export async function workReportBuffer(input: WorkReportInput): Promise<Buffer> {
  return Packer.toBuffer(workReportDocument(input));
}
