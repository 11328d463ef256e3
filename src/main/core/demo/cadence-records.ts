// Records that come on a fixed cadence: monthly, quarterly, half-yearly (STANDARDS.md §2 period rules).
import { day, MONTHS, QUARTER_NAMES, QUARTERS } from './calendar';
import { maybe, type PlanContext, type PlannedRecord } from './record-plan';

const PARTY_DAY_THEMES = [
  '重温入党誓词', '学习党的二十届三中全会精神', '“七一”红色观影', '党员志愿服务进楼栋', '学习《中国共产党纪律处分条例》',
  '走访慰问困难党员', '参观爱国主义教育基地', '“我为群众办实事”', '垃圾分类党员先行', '学习新修订的《居民委员会组织法》',
  '清明祭扫烈士陵园', '国家安全教育学习',
];
const POSTER_TOPICS = [
  '宪法', '民法典·婚姻家庭编', '未成年人保护法', '反电信网络诈骗法', '国家安全法', '禁毒法', '消防法',
  '居民委员会组织法', '老年人权益保障法', '反家庭暴力法', '人民调解法', '道路交通安全法',
];

export function monthlyRecords(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, gaps, rng, rural } = p;
  const out: PlannedRecord[] = [];
  const missed = (kind: 'supervisionMonth' | 'partyDayMonth' | 'posterMonth', m: number) => gaps.get(kind)?.month === m;
  for (const m of MONTHS) {
    if (!missed('supervisionMonth', m)) {
      out.push({
        affair: '居务', kind: '居务监督委员会例会', title: `${y}年${m}月${rural ? '村务' : '居务'}监督委员会工作例会记录`,
        responsible: b.supervision, date: day(y, m, rng.int(5, 12)), pages: rng.int(2, 5), attach: maybe(p, 0.7, 'scan'),
      });
    }
    if (!missed('partyDayMonth', m)) {
      out.push({
        affair: '党务', kind: '主题党日', title: `${y}年${m}月主题党日活动记录（${PARTY_DAY_THEMES[m - 1]}）`,
        responsible: b.party, date: day(y, m, rng.int(1, 10)), pages: rng.int(2, 4), attach: maybe(p, 0.8, 'photo'),
      });
    }
    if (!missed('posterMonth', m)) {
      out.push({
        affair: '居务', kind: '普法挂图张贴', title: `${y}年${m}月普法宣传挂图张贴记录（${POSTER_TOPICS[m - 1]}）`,
        responsible: b.committee, date: day(y, m, rng.int(1, 6)), pages: 1, attach: ['photo'],
      });
    }
    out.push({
      affair: '财务', kind: '会计凭证', title: `${y}年${m}月记账凭证`, responsible: b.committee,
      date: day(y, m, 31), pages: rng.int(18, 70), expense: rng.int(30, 250) * 100, attach: [],
    });
    out.push({
      affair: '财务', kind: '银行对账单', title: `${y}年${m}月银行存款对账单及余额调节表`, responsible: b.committee,
      date: day(y, m, 31), pages: rng.int(1, 3), attach: maybe(p, 0.3, 'scan'),
    });
  }
  return out;
}

export function quarterlyRecords(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, gaps, rng, rural } = p;
  const out: PlannedRecord[] = [];
  const repGap = gaps.get('repMeetingQuarter')?.quarter;
  for (const q of QUARTERS) {
    const qn = QUARTER_NAMES[q];
    const last = q * 3;
    if (repGap !== q) {
      out.push({
        affair: '居务', kind: '居民代表会议', title: `${y}年${qn}${rural ? '村民' : '居民'}代表会议记录`,
        responsible: b.committee, date: day(y, last - rng.int(0, 2), rng.int(10, 25)), pages: rng.int(3, 8), attach: maybe(p, 0.6, 'scan'),
      });
    }
    out.push({
      affair: '财务', kind: '月度季度财务报告', title: `${y}年${qn}财务报表（资产负债表、收支表）`,
      responsible: b.committee, date: day(y, last, 31), pages: rng.int(2, 4), attach: [],
    });
    out.push({
      affair: '党务', kind: '党费收缴使用', title: `${y}年${qn}党费收缴情况登记表`,
      responsible: b.party, date: day(y, last, rng.int(20, 28)), pages: rng.int(1, 3), attach: [],
    });
    out.push({
      affair: '党务', kind: '大党委会议', title: `${y}年${qn}社区大党委联席会议记录`,
      responsible: b.party, date: day(y, last - rng.int(0, 2), rng.int(12, 26)), pages: rng.int(2, 6), attach: maybe(p, 0.5, 'scan'),
    });
  }
  return out;
}

export function halfYearlyRecords(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, gaps, rng } = p;
  const out: PlannedRecord[] = [];
  if (!gaps.has('orgLifeHalf')) {
    out.push({
      affair: '党务', kind: '组织生活会', title: `${y}年上半年党支部组织生活会记录`, responsible: b.party,
      date: day(y, rng.int(5, 6), rng.int(10, 28)), pages: rng.int(4, 10), attach: maybe(p, 0.7, 'scan'),
    });
  }
  out.push({
    affair: '党务', kind: '组织生活会', title: `${y}年度组织生活会和民主评议党员会议记录`, responsible: b.party,
    date: day(y, 12, rng.int(10, 26)), pages: rng.int(6, 14), attach: maybe(p, 0.7, 'scan'),
  });
  return out;
}
