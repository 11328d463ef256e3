// The district's summary report (GB/T 9704 上行文, the street office's layout module): 基本情况 with
// tables (who reported, the records by street office, the grades), 存在问题 by street office, 下一步打算.
import { Paragraph, type Table } from 'docx';
import type { ReportSettings } from '../../../../shared/report';
import { AFFAIRS } from '../../../../shared/vocabulary';
import { caption, columns, heading1, heading2, paragraph, table, title } from '../../reports/docx/blocks';
import { officialDocument, section, STYLE, TEXT_WIDTH } from '../../reports/docx/layout';
import { addressee, issuerHeader, signatureBlock } from '../../reports/docx/official';
import { packDocx } from '../../reports/docx/pack';
import { isShortfall, shortName } from '../../reports/assessment';
import { chineseDate } from '../../reports/dates';
import { numeral, percent } from '../../reports/numbers';
import type { SummaryData } from './data';
import { STATE_TEXT } from './xlsx';

const names = (list: string[]) => list.join('、');

function basics(d: SummaryData): (Paragraph | Table)[] {
  const { offices, counts, deadline } = d.dashboard;
  const reported = offices.filter((o) => o.state !== 'missing');
  const missing = offices.filter((o) => o.state === 'missing').map((o) => o.office.name);
  const late = offices.filter((o) => o.state === 'late').map((o) => o.office.name);
  const communities = reported.reduce((s, o) => s + o.communities.length, 0);
  const sum = (f: (r: SummaryData['monthly'][number]) => number, office?: string) => d.monthly.filter((r) => !office || r.office === office).reduce((s, r) => s + f(r), 0);
  const byAffair = (office?: string) => AFFAIRS.map((a) => sum((r) => (r.affair === a ? r.disclosed : 0), office));
  const disclosed = sum((r) => r.disclosed);
  const holdings = sum((r) => r.holdings);
  const total = disclosed + holdings;
  const [party, residents, finance] = byAffair();
  const perOffice = reported.map((o) => {
    const a = byAffair(o.office.name);
    const h = sum((r) => r.holdings, o.office.name);
    return [o.office.name, String(o.communities.length), ...a.map(String), String(h), String(a.reduce((s, v) => s + v, 0) + h)];
  });
  const standards = new Map<string, string>();
  for (const a of d.audits) standards.set(a.standard.id, shortName(a.standard));
  const gradeRows = reported.flatMap((o) =>
    [...standards].map(([id, name]) => {
      const mine = d.audits.filter((a) => a.office === o.office.name && a.standard.id === id).map((a) => a.standard);
      const grade = (g: string) => String(mine.filter((s) => !s.vetoed && s.result === g).length);
      return [o.office.name, name, String(mine.length), grade('达标'), grade('基本达标'), String(mine.filter((s) => s.vetoed || s.result === '不达标').length), String(mine.filter((s) => s.score === null).length), String(mine.filter((s) => s.provisional).length)];
    }),
  ).filter((r) => r[2] !== '0');
  return [
    heading1('一、基本情况'),
    paragraph(
      `全区共有街道办事处${offices.length}个。截至${chineseDate(deadline)}（报送截止日期），按时报送${d.year}年度三务公开报送包的${counts.reported}个，逾期报送的${counts.late}个${late.length ? `（${names(late)}）` : ''}，` +
        `未报送的${counts.missing}个${missing.length ? `（${names(missing)}）` : ''}。各街道报送情况见表1。`,
    ),
    paragraph(
      `已报送的${reported.length}个街道共有社区${communities}个，${d.year}年度形成三务档案${total}件，其中公开事项${disclosed}件（党务公开${party}件、居务公开${residents}件、财务公开${finance}件），` +
        `占${percent(disclosed, total)}；会议记录、选举、调解、会计资料等其他档案${holdings}件。各街道情况见表2，考评情况见表3。`,
    ),
    caption('表1  各街道报送情况'),
    table(
      columns(TEXT_WIDTH, [['街道办事处', 3], ['报送状态', 1.4], ['报送次数', 1.2], ['社区数', 1.1], ['档案件数', 1.3]]),
      offices.map((o) => [o.office.name, STATE_TEXT[o.state], String(o.versions), o.state === 'missing' ? '—' : String(o.communities.length), o.state === 'missing' ? '—' : String(o.records)]),
    ),
    caption('表2  各街道三务档案件数（件）'),
    table(
      columns(TEXT_WIDTH, [['街道办事处', 3], ['社区数', 1], ['党务公开', 1.2], ['居务公开', 1.2], ['财务公开', 1.2], ['其他档案', 1.2], ['合计', 1.1]]),
      [...perOffice, ['合计', String(communities), String(party), String(residents), String(finance), String(holdings), String(total)]],
    ),
    caption('表3  各街道社区考评情况（个）'),
    table(
      columns(TEXT_WIDTH, [['街道办事处', 2.4], ['标准', 2.2], ['社区', 0.9], ['达标', 0.9], ['基本\n达标', 0.9], ['不达标', 1.1], ['暂无\n得分', 0.9], ['暂评', 0.9]]),
      gradeRows,
    ),
    paragraph('表3中“暂评”指尚有指标待人工认定或本年度未到期，其等次按已评指标计算；一票否决项未认定的，不作是否存在一票否决事项的结论。'),
  ];
}

/** Each community's shortfalls: how many, and the first few in the audit's words. */
function shortfallsByCommunity(audits: SummaryData['audits']): string[] {
  const byCommunity = new Map<string, string[]>();
  for (const a of audits) {
    for (const i of a.standard.indicators.filter((x) => isShortfall(x.status))) {
      byCommunity.set(a.community, [...(byCommunity.get(a.community) ?? []), ...(i.missing.length ? i.missing : [`${i.id}未达标`])]);
    }
  }
  return [...byCommunity].map(([community, missing]) => `${community}${missing.length}项，如${missing.slice(0, 2).join('、')}`);
}

function problems(d: SummaryData): Paragraph[] {
  const out: Paragraph[] = [];
  d.dashboard.offices.forEach((o, k) => {
    const said: string[] = [];
    if (o.state === 'missing') said.push(`截至${chineseDate(d.dashboard.deadline)}未报送${d.year}年度三务公开报送包，全区汇总中没有该街道的数据。`);
    if (o.state === 'late') said.push(`报送包逾期报送（首份接收于${o.firstReceivedAt ? chineseDate(new Date(o.firstReceivedAt)) : ''}）。`);
    const mine = d.audits.filter((a) => a.office === o.office.name);
    const vetoed = [...new Set(mine.filter((a) => a.standard.vetoed).map((a) => a.community))];
    if (vetoed.length) said.push(`${names(vetoed)}存在一票否决事项，考评不达标。`);
    const total = mine.reduce((s, a) => s + a.standard.indicators.filter((i) => isShortfall(i.status)).length, 0);
    const communities = shortfallsByCommunity(mine);
    if (total) said.push(`考评发现未达标、部分达标的指标${total}项，涉及${communities.length}个社区：${communities.join('；')}。`);
    const awaiting = mine.reduce((s, a) => s + a.standard.awaiting, 0);
    if (awaiting) said.push(`尚有${awaiting}项指标待人工认定。`);
    if (said.length === 0) said.push('报送及时，考评未发现问题。');
    out.push(heading2(`（${numeral(k + 1)}）${o.office.name}`), paragraph(said.join('')));
  });
  if (out.length === 0) out.push(paragraph('全区尚未登记街道办事处。'));
  return out;
}

function nextSteps(d: SummaryData): Paragraph[] {
  const { counts } = d.dashboard;
  const shortfalls = d.audits.reduce((s, a) => s + a.standard.indicators.filter((i) => isShortfall(i.status)).length, 0);
  const steps = [
    counts.missing + counts.late > 0
      ? `一是督促${counts.missing ? `未报送的${counts.missing}个街道尽快报送` : ''}${counts.missing && counts.late ? '，' : ''}${counts.late ? `逾期报送的${counts.late}个街道说明原因` : ''}，按时报送年度三务公开报送包。`
      : '一是保持按时报送，继续做好年度三务公开报送包的汇总工作。',
    shortfalls > 0
      ? `二是针对考评发现的${shortfalls}项问题，逐街道逐社区反馈问题清单，限期整改，整改情况纳入下一年度考评。`
      : '二是巩固考评成果，推动各街道对照标准查漏补缺。',
    '三是加强三务公开档案规范化管理，指导各街道及时归档、规范编制档号，做好档案的保管、鉴定和移交工作。',
  ];
  return steps.map(paragraph);
}

export async function summaryReportBuffer(d: SummaryData, settings: ReportSettings): Promise<Buffer> {
  const children = [
    ...issuerHeader({ mark: `${d.district}文件`, docNumber: settings.docNumber, signer: settings.signer, year: d.date.getFullYear() }),
    title([d.district, '关于', `${d.year}年度`, '全区三务公开工作', '情况的报告']),
    ...addressee(settings.addressee),
    paragraph(`根据《中国共产党党务公开条例（试行）》和城乡社区三务公开有关规定，${d.district}汇总了各街道办事处报送的${d.year}年度三务公开报送包，现将全区三务公开工作情况报告如下：`),
    ...basics(d),
    heading1('二、存在问题'),
    ...problems(d),
    heading1('三、下一步打算'),
    ...nextSteps(d),
    new Paragraph({ style: STYLE.body, keepNext: true, text: '特此报告。' }),
    ...signatureBlock({ name: d.district, date: d.date, sealed: settings.sealed }),
  ];
  return packDocx(officialDocument(`${d.district}关于${d.year}年度全区三务公开工作情况的报告`, [section(children)]));
}
