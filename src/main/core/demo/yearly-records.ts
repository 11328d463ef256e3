// Items of the year that come once or a few times: plans, trainings, evaluations, annual accounts,
// legal-education activities, the funding notices (with amounts), and the election and 居民公约
// files, which mostly lie in earlier years.
import { day } from './calendar';
import { maybe, type PlanContext, type PlannedRecord } from './record-plan';

const LEGAL_ACTIVITIES: { month: number; day: number; title: string }[] = [
  { month: 3, day: 15, title: '“3·15”消费者权益保护法治宣传活动' },
  { month: 4, day: 15, title: '“4·15”全民国家安全教育日宣传活动' },
  { month: 5, day: 20, title: '“民法典宣传月”进小区宣传活动' },
  { month: 6, day: 26, title: '“6·26”国际禁毒日禁毒宣传活动' },
  { month: 9, day: 12, title: '防范电信网络诈骗法治宣传活动' },
  { month: 12, day: 4, title: '“12·4”国家宪法日暨宪法宣传周活动' },
];
const CONSULTATIONS = ['老旧小区加装电梯', '小区停车位规划', '垃圾分类投放点设置', '小区绿化改造', '楼道杂物清理', '物业服务费调整'];

export function yearlyRecords(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, gaps, rng, community: c } = p;
  const out: PlannedRecord[] = [];
  const add = (r: PlannedRecord) => out.push(r);

  add({ affair: '党务', kind: '党组织基本情况', title: `${y}年度党组织基本情况（组织架构、党员名册）`, responsible: b.party, date: day(y, 1, rng.int(5, 20)), pages: rng.int(3, 8), attach: [] });
  add({ affair: '党务', kind: '民主评议党员', title: `${y}年度民主评议党员工作记录及结果`, responsible: b.party, date: day(y, 12, rng.int(20, 30)), pages: rng.int(3, 8), attach: maybe(p, 0.5, 'scan') });
  const unit = rng.pick(['驻区学校', '供电公司', '派出所', '人民医院', '税务局']);
  add({ affair: '党务', kind: '共建协议', title: `与${unit}党组织签订的党建共建协议`, responsible: b.party, date: day(y, rng.int(2, 4), rng.int(1, 28)), pages: rng.int(2, 4), attach: ['scan'] });

  add({ affair: '居务', kind: '年度工作部署', title: `关于印发《${c.name}${y}年工作要点》的通知`, responsible: b.committee, docPrefix: b.committeeDoc, date: day(y, 1, rng.int(8, 25)), pages: rng.int(3, 6), attach: ['scan'], notes: '民主法治建设纳入年度工作部署和责任制考核' });
  if (!gaps.has('noLegalPlan')) {
    add({ affair: '居务', kind: '法治宣传年度计划', title: `${c.name}${y}年法治宣传教育工作计划`, responsible: b.committee, docPrefix: b.committeeDoc, date: day(y, 2, rng.int(10, 28)), pages: rng.int(2, 4), attach: ['scan'] });
  }
  add({ affair: '居务', kind: '两委干部法治培训', title: `${y}年社区“两委”干部法治培训记录`, responsible: b.committee, date: day(y, rng.int(4, 10), rng.int(5, 25)), pages: rng.int(2, 5), attach: maybe(p, 0.8, 'photo') });
  add({ affair: '居务', kind: '居民会议', title: `${y}年度${p.rural ? '村民' : '居民'}会议记录`, responsible: b.committee, date: day(y, rng.int(3, 5), rng.int(5, 25)), pages: rng.int(4, 10), attach: maybe(p, 0.6, 'scan') });
  if (!gaps.has('noConsultation')) {
    for (const topic of rng.sample(CONSULTATIONS, rng.int(1, 2))) {
      add({ affair: '居务', kind: '居民协商议事', title: `关于${topic}的居民协商议事会议记录`, responsible: b.committee, date: day(y, rng.int(3, 11), rng.int(1, 28)), pages: rng.int(2, 6), attach: maybe(p, 0.6, 'scan'), notes: `议题：${topic}` });
    }
  }
  // Seed 003: cadres are evaluated once or twice a year.
  const evaluations: [string, number][] = rng.chance(0.4) ? [['上半年', 6], ['年度', 12]] : [['年度', 12]];
  for (const [period, month] of evaluations) {
    add({ affair: '居务', kind: '民主评议干部', title: `${y}${period}社区干部民主评议（德、能、勤、绩、廉）结果`, responsible: b.street, date: day(y, month, rng.int(10, 25)), pages: rng.int(2, 5), attach: maybe(p, 0.4, 'scan') });
  }

  const activities = gaps.has('fewLegalActivities') ? 3 : rng.int(4, 6);
  for (const a of rng.sample(LEGAL_ACTIVITIES, activities)) {
    add({ affair: '居务', kind: '法治宣传活动', title: `${y}年${a.title}记录`, responsible: b.committee, date: day(y, a.month, a.day), pages: rng.int(1, 3), attach: maybe(p, 0.85, 'photo') });
  }

  add({ affair: '财务', kind: '年度财务报告', title: `${y - 1}年度社区财务收支决算报告`, responsible: b.committee, date: day(y, 1, rng.int(15, 30)), pages: rng.int(4, 12), attach: ['scan'] });
  add({ affair: '财务', kind: '会计账簿', title: `${y}年度总分类账、明细分类账及现金日记账`, responsible: b.committee, date: day(y, 12, 31), pages: rng.int(60, 160), attach: [] });
  add({ affair: '财务', kind: '固定资产登记', title: `${y}年度固定资产盘点登记表`, responsible: b.committee, date: day(y, 12, rng.int(20, 30)), pages: rng.int(2, 6), attach: [] });
  out.push(...fundingRecords(p));
  return out;
}

/** 经费拨付 from the street office, with amounts; 民主法治建设经费 ≥ 20,000 yuan unless underfunded. */
function fundingRecords(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, gaps, rng } = p;
  const grant = (title: string, fund: string, yuan: number, month: number, docNo: number): PlannedRecord => ({
    affair: '财务', kind: '经费拨付', title, responsible: b.street, docNumber: `${b.streetDoc}〔${y}〕${docNo}号`,
    date: day(y, month, rng.int(8, 22)), pages: 2, income: yuan, fundCategory: fund, attach: maybe(p, 0.5, 'scan'),
  });
  const [first, second] = gaps.has('underfunded') ? [rng.int(6, 9) * 1000, rng.int(4, 8) * 1000] : [rng.int(10, 15) * 1000, rng.int(10, 15) * 1000];
  return [
    grant(`关于拨付${y}年上半年民主法治建设经费的通知`, '民主法治建设经费', first, 3, 12),
    grant(`关于拨付${y}年下半年民主法治建设经费的通知`, '民主法治建设经费', second, 8, 47),
    grant(`关于拨付${y}年社区党建工作经费的通知`, '党建工作经费', rng.int(20, 50) * 1000, 4, 21),
    grant(`关于拨付${y}年党员教育经费的通知`, '党员教育经费', rng.int(3, 8) * 1000, 5, 26),
  ];
}

/**
 * Election and 居民公约 files. Most lie in earlier years (the 2021-style five-year cycle); the first
 * community also holds a by-election, a party election and a revised compact in the year itself,
 * so every kind of the vocabulary appears in the year.
 */
export function electionRecords(p: PlanContext): { inYear: PlannedRecord[]; earlier: PlannedRecord[] } {
  const { year: y, bodies: b, gaps, rng, community: c, rural } = p;
  const body = rural ? '村民委员会' : '居民委员会';
  const electionYear = gaps.has('staleElection') ? y - 6 : y - 4;
  const earlier: PlannedRecord[] = [
    { affair: '居务', kind: '居民委员会换届选举', title: `${c.name}第${rng.int(5, 8)}届${body}换届选举工作资料（选举公告、选票统计、当选名单）`, responsible: b.committee, date: day(electionYear, rng.int(6, 9), rng.int(1, 28)), pages: rng.int(20, 60), attach: ['scan'] },
    { affair: '党务', kind: '党组织换届选举', title: `${c.name}党组织换届选举工作资料`, responsible: b.party, date: day(y - 4, rng.int(4, 6), rng.int(1, 28)), pages: rng.int(10, 30), attach: ['scan'] },
  ];
  if (!gaps.has('noCompact')) {
    earlier.push({ affair: '居务', kind: '居民公约', title: `${c.name}${rural ? '村规民约' : '居民公约'}（经${rural ? '村' : '居'}民会议通过并报街道备案）`, responsible: b.committee, date: day(y - rng.int(1, 3), rng.int(3, 10), rng.int(1, 28)), pages: rng.int(2, 4), attach: ['scan'] });
  }
  if (c.index !== 0) return { inYear: [], earlier };
  const inYear: PlannedRecord[] = [
    { affair: '居务', kind: '居民委员会换届选举', title: `关于补选${c.name}${body}委员的选举公告及结果`, responsible: b.committee, docPrefix: b.committeeDoc, date: day(y, 7, rng.int(5, 25)), pages: rng.int(3, 8), attach: ['scan'] },
    { affair: '党务', kind: '党组织换届选举', title: `关于增补${c.name}党组织委员的选举结果报告`, responsible: b.party, docPrefix: b.partyDoc, date: day(y, 6, rng.int(5, 25)), pages: rng.int(2, 5), attach: ['scan'] },
    { affair: '居务', kind: '居民公约', title: `${c.name}居民公约（${y}年修订）`, responsible: b.committee, date: day(y, 9, rng.int(5, 25)), pages: rng.int(2, 4), attach: ['scan'] },
  ];
  return { inYear, earlier };
}
