// 01 年度三务公开工作报告: the street office's report to its district (GB/T 9704 上行文): 版头 with
// 发文字号 and 签发人, title, 主送机关, basis, 基本情况 with captioned tables, 主要做法和成效 from the
// records, 考评情况 (provisional while items await attestation), 存在问题, 下一步打算, 特此报告,
// 附件说明, signature and date.
import { Paragraph, type Table } from 'docx';
import type { AuditResult } from '../../../../shared/audit';
import { scoreText, verdictText, vetoText } from '../../../../shared/audit-verdict';
import type { ReportSettings } from '../../../../shared/report';
import { AFFAIRS } from '../../../../shared/vocabulary';
import { auditFor, awaitingAttestation, shortName } from '../assessment';
import type { ReportFacts } from '../facts';
import { percent } from '../numbers';
import type { ReportScope } from '../scope';
import { totalsByAffair } from '../statistics';
import { caption, columns, heading1, paragraph, table, title } from './blocks';
import { officialDocument, section, STYLE, TEXT_WIDTH } from './layout';
import { addressee, attachmentNote, issuerHeader, signatureBlock } from './official';
import { packDocx } from './pack';
import { practice } from './work-report-practice';
import { nextSteps, problems } from './work-report-problems';

export interface WorkReportInput {
  scope: ReportScope;
  facts: ReportFacts;
  audit: AuditResult;
  settings: ReportSettings;
  /** the package's other documents, for 附件说明 */
  attachments: string[];
  catalogue: { volumes: number; boxes: number };
  /** 五、下一步打算 in the clerk's words; generated from the shortfalls when absent */
  nextSteps?: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** how the disclosures were made public, e.g. 公开事项按公开形式分，公开栏120件、微信群60件，未登记公开形式3件。 */
function channels(facts: ReportFacts): string {
  const known = [...facts.channels].filter(([c]) => c !== '').map(([c, n]) => `${c}${n}件`);
  const unknown = facts.channels.get('') ?? 0;
  if (known.length === 0) return '';
  return `公开事项按公开形式分，${known.join('、')}${unknown ? `，未登记公开形式${unknown}件` : ''}。`;
}

function basics({ scope, facts }: WorkReportInput): (Paragraph | Table)[] {
  const cs = scope.communities;
  const rural = cs.filter((c) => c.type === '农村').length;
  const households = cs.reduce((s, c) => s + (c.households ?? 0), 0);
  const population = cs.reduce((s, c) => s + (c.population ?? 0), 0);
  const t = totalsByAffair(facts.monthly);
  const disclosed = AFFAIRS.reduce((s, a) => s + t[a].disclosed, 0);
  const holdings = AFFAIRS.reduce((s, a) => s + t[a].holdings, 0);
  const total = disclosed + holdings;
  const perCommunity = cs.map((c) => {
    const rows = facts.monthly.filter((r) => r.communityId === c.id);
    const d = AFFAIRS.map((a) => rows.find((r) => r.affair === a)?.disclosed ?? 0);
    const h = rows.reduce((s, r) => s + r.holdings, 0);
    return [c.name, c.type, c.households?.toString() ?? '—', ...d.map(String), String(h), String(d.reduce((s, v) => s + v, 0) + h)];
  });
  const monthRows = AFFAIRS.map((a) => {
    const months = MONTHS.map((_, m) => facts.monthly.filter((r) => r.affair === a).reduce((s, r) => s + r.disclosures[m]!, 0));
    return [`${a}公开`, ...months.map(String), String(t[a].disclosed)];
  });
  const monthTotals = MONTHS.map((_, m) => facts.monthly.reduce((s, r) => s + r.disclosures[m]!, 0));
  return [
    heading1('一、基本情况'),
    paragraph(
      `${scope.office.name}共有社区${cs.length}个（城市社区${cs.length - rural}个、农村社区${rural}个），户数合计${households}户、人口${population}人。` +
        `${scope.year}年度各社区共形成三务档案${total}件，其中公开事项${disclosed}件（党务公开${t.党务.disclosed}件、居务公开${t.居务.disclosed}件、财务公开${t.财务.disclosed}件），` +
        `占${percent(disclosed, total)}；会议记录、选举、调解、会计凭证等其他档案${holdings}件。已归档${facts.filed}件，未归档${facts.unfiled}件。` +
        channels(facts) +
        '各社区情况见表1，公开事项按月分布见表2。',
    ),
    caption('表1  各社区三务档案件数（件）'),
    table(
      columns(TEXT_WIDTH, [['社区', 2.2], ['类型', 1], ['户数', 1.2], ['党务公开', 1.5], ['居务公开', 1.5], ['财务公开', 1.5], ['其他档案', 1.5], ['合计', 1.1]]),
      [...perCommunity, ['合计', '', String(households), String(t.党务.disclosed), String(t.居务.disclosed), String(t.财务.disclosed), String(holdings), String(total)]],
    ),
    caption('表2  公开事项按月分布（件）'),
    table(
      columns(TEXT_WIDTH, [['类别＼月份', 2.4], ...MONTHS.map((m): [string, number] => [m, 1]), ['合计', 1.3]]),
      [...monthRows, ['合计', ...monthTotals.map(String), String(disclosed)]],
    ),
  ];
}

function assessment({ scope, audit }: WorkReportInput): (Paragraph | Table)[] {
  const rows: string[][] = [];
  const standards = new Map<string, string>();
  let final = 0;
  for (const c of scope.communities) {
    for (const s of auditFor(audit, c.name)) {
      standards.set(s.id, s.name ?? s.id);
      if (!s.provisional && s.result !== null) final++;
      rows.push([c.name, shortName(s), `${s.assessed}/${s.indicators.length}`, scoreText(s), verdictText(s), vetoText(s), String(s.awaiting)]);
    }
  }
  const waiting = awaitingAttestation(audit);
  const names = [...standards.values()].map((n) => `《${n}》`).join('');
  const out: (Paragraph | Table)[] = [
    heading1('三、考评情况'),
    paragraph(`对照${names}，对${scope.communities.length}个社区逐项评价，共${rows.length}项评价结果（见表3）。`),
  ];
  if (waiting.items > 0) {
    out.push(
      paragraph(
        `目前尚有${waiting.items}项指标待人工认定，涉及${waiting.communities}个社区${waiting.veto > 0 ? `，其中一票否决项${waiting.veto}项` : ''}。` +
          `表3中的得分和等次仅按已评指标计算，为暂评结果${waiting.veto > 0 ? '；一票否决项认定前，不作是否存在一票否决事项的结论' : ''}。` +
          (final > 0 ? `不含待认定、未到期指标的评价结果${final}项，为最终结果。` : ''),
      ),
    );
  }
  out.push(
    caption('表3  各社区考评情况'),
    table(
      [
        { header: '社区', width: 1330 },
        { header: '标准', width: 2100 },
        { header: '已评/指标', width: 1170 },
        { header: '得分', width: 700 },
        { header: '等次', width: 1640 },
        { header: '一票否决', width: 1060 },
        { header: '待认定', width: TEXT_WIDTH - 1330 - 2100 - 1170 - 700 - 1640 - 1060 },
      ],
      rows,
    ),
  );
  return out;
}

export function workReportDocument(input: WorkReportInput) {
  const { scope, settings } = input;
  const children = [
    ...issuerHeader({ mark: `${scope.office.name}文件`, docNumber: settings.docNumber, signer: settings.signer, year: scope.reportDate.getFullYear() }),
    title([scope.office.name, '关于', `${scope.year}年度`, '三务公开工作', '情况的报告']),
    ...addressee(settings.addressee),
    paragraph(
      `根据《中国共产党党务公开条例（试行）》《中华人民共和国城市居民委员会组织法》和《城市社区档案管理办法》有关规定，现将${scope.office.name}${scope.year}年度三务公开和档案管理工作情况报告如下：`,
    ),
    ...basics(input),
    heading1('二、主要做法和成效'),
    ...practice(scope, input.facts, input.audit, input.catalogue),
    ...assessment(input),
    heading1('四、存在问题'),
    ...problems(input),
    heading1('五、下一步打算'),
    ...(input.nextSteps?.trim() ? input.nextSteps.trim().split(/\n+/).map((p) => paragraph(p.trim())) : nextSteps(input)),
    new Paragraph({ style: STYLE.body, keepNext: true, text: '特此报告。' }),
    ...attachmentNote(input.attachments),
    ...signatureBlock({ name: scope.office.name, date: scope.reportDate, sealed: settings.sealed }),
  ];
  return officialDocument(`${scope.office.name}关于${scope.year}年度三务公开工作情况的报告`, [section(children)]);
}

export async function workReportBuffer(input: WorkReportInput): Promise<Buffer> {
  return packDocx(workReportDocument(input));
}
