// Disclosure records (any kind whose name contains 公开): the nine 党务公开 classes, the quarterly
// 居务/财务 disclosures and the yearly 惠民 and 通报 items. Each has a photo of the board.
import { day, quarterMonths, QUARTER_NAMES, QUARTERS } from './calendar';
import { PARTY_CLASSES } from './gaps';
import { disclosed, type AttachmentKind, type PlanContext, type PlannedRecord } from './record-plan';

const PARTY_CLASS_TITLES: Record<string, (y: number) => string> = {
  学习贯彻: () => '关于学习贯彻党的二十届三中全会精神情况的公开',
  工作部署: (y) => `社区党组织${y}年工作计划公开`,
  组织生活: (y) => `${y}年“三会一课”及主题党日开展情况公开`,
  组织建设: (y) => `${y}年党员发展及党员队伍建设情况公开`,
  议事决策: () => '社区党组织“三重一大”事项议事决策情况公开',
  党风廉政: (y) => `${y}年党风廉政建设责任制落实情况公开`,
  服务群众: () => '党员志愿服务及“我为群众办实事”项目公开',
  社区治理: () => '社区治理重点工作（物业管理、垃圾分类）推进情况公开',
};

const WELFARE_PROJECTS = ['老旧小区路灯改造', '居民活动室修缮', '小区无障碍通道改造', '社区食堂（老年助餐点）建设', '小区雨污管网维修', '健身器材更新'];

/** Quarters holding no disclosure of the affair, when the community has that gap. */
function skippedQuarter(p: PlanContext, affair: PlannedRecord['affair']): number | undefined {
  const g = p.gaps.get('disclosureQuarter');
  return g?.affair === affair ? g.quarter : undefined;
}

/** The committee's disclosure at the end of each quarter (dated inside it, so the quarter counts). */
function quarterly(p: PlanContext, affair: PlannedRecord['affair'], kind: string, title: (q: number) => string, attach: AttachmentKind[]): PlannedRecord[] {
  const skip = skippedQuarter(p, affair);
  return QUARTERS.filter((q) => q !== skip).map((q) => {
    const date = day(p.year, q * 3, p.rng.int(20, 28));
    return { affair, kind, title: title(q), responsible: p.bodies.committee, date, pages: p.rng.int(1, 3), ...disclosed(p, date), attach: [...attach] };
  });
}

export function partyDisclosures(p: PlanContext, withOther: boolean): PlannedRecord[] {
  const { year: y, bodies: b, rng, gaps } = p;
  const skip = skippedQuarter(p, '党务');
  const dropped = gaps.get('partyDisclosureClass')?.partyClass;
  const out: PlannedRecord[] = [];
  PARTY_CLASSES.forEach((cls, i) => {
    const kind = `党务公开·${cls}`;
    if (kind === dropped) return;
    // Two classes a quarter; a skipped quarter's classes are disclosed in the next one.
    let q = Math.floor(i / 2) + 1;
    if (q === skip) q++;
    const [first, last] = quarterMonths(q);
    const date = day(y, rng.int(first, last), rng.int(3, 26));
    out.push({ affair: '党务', kind, title: PARTY_CLASS_TITLES[cls]!(y), responsible: b.party, date, pages: rng.int(1, 3), ...disclosed(p, date), attach: ['photo'] });
  });
  if (withOther) {
    const date = day(y, 12, rng.int(1, 15));
    out.push({ affair: '党务', kind: '党务公开·其他', title: `${y}年度党员名册及党组织联系方式公开`, responsible: b.party, date, pages: 1, ...disclosed(p, date), attach: ['photo'] });
  }
  const report = day(y, 12, rng.int(15, 28));
  out.push({
    affair: '党务', kind: '党务公开情况通报', title: `关于${y}年度党务公开工作情况的通报`, responsible: b.party, docPrefix: b.partyDoc,
    date: report, pages: rng.int(2, 4), ...disclosed(p, report), attach: ['scan'],
  });
  return out;
}

export function residentDisclosures(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, rng } = p;
  const out = quarterly(p, '居务', '居务公开', (q) => `关于${y}年${QUARTER_NAMES[q]}居务事项的公开`, ['photo']);
  const project = rng.pick(WELFARE_PROJECTS);
  const date = day(y, 11, rng.int(5, 25));
  out.push({
    affair: '居务', kind: '惠民项目公开', title: `${y}年惠民项目实施情况公示（${project}）`, responsible: b.committee,
    date, pages: rng.int(1, 2), ...disclosed(p, date), attach: ['photo'], notes: `项目：${project}`,
  });
  return out;
}

export function financialDisclosures(p: PlanContext): PlannedRecord[] {
  const { year: y, bodies: b, rng } = p;
  const out = quarterly(p, '财务', '财务收支公开', (q) => `关于${y}年${QUARTER_NAMES[q]}财务收支情况的公示`, ['photo', 'scan']);
  const received = rng.int(50, 200) * 1000;
  const date = day(y, 12, rng.int(5, 20));
  out.push({
    affair: '财务', kind: '惠民资金公开', title: `${y}年惠民资金使用情况公示`, responsible: b.committee, date, pages: rng.int(1, 3),
    ...disclosed(p, date), income: received, expense: Math.round(received * rng.int(80, 100)) / 100, fundCategory: '惠民资金', attach: ['photo'],
  });
  return out;
}
