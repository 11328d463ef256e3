// The everyday items that fill a community's year up to --records: 三会一课, mediation cases,
// volunteering, safety patrols, small finance items. None of them is counted by a cadence rule.
import { day } from './calendar';
import { personName } from './names';
import { maybe, type PlanContext, type PlannedRecord } from './record-plan';

type Maker = (p: PlanContext, month: number) => PlannedRecord;

const DISPUTES = ['楼上漏水', '相邻通道', '噪音扰民', '宠物伤人', '赡养', '房屋租赁', '停车位占用', '物业费'];
const VOLUNTEERING = ['学雷锋', '文明城市创建', '敬老爱老', '环境卫生整治', '关爱留守儿童', '垃圾分类宣传', '邻里守望'];
const OTHER_AFFAIRS = ['高龄津贴申报名单', '城乡居民医疗保险参保登记汇总表', '困难群众走访慰问记录', '流动人口登记台账', '退役军人信息采集表', '残疾人两项补贴申报材料'];
const TRAININGS = ['社区工作者业务能力', '网格员信息采集', '社会救助政策', '档案管理实务', '矛盾纠纷排查化解'];

const MAKERS: { weight: number; make: Maker }[] = [
  {
    weight: 8,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      const [title, pages] = rng.pick<[string, number]>([
        [`${y}年${m}月党支部委员会会议记录`, 2],
        [`${y}年${m}月党员大会记录`, 4],
        [`${y}年${m}月党课记录（${rng.pick(['党章学习', '廉洁自律', '为民服务', '党史学习'])}）`, 3],
        [`${y}年${m}月党小组会议记录`, 2],
      ]);
      return { affair: '党务', kind: '三会一课', title, responsible: b.party, date: day(y, m, rng.int(1, 28)), pages, attach: maybe(p, 0.05, 'scan') };
    },
  },
  {
    weight: 5,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      const dispute = rng.pick(DISPUTES);
      return {
        affair: '居务', kind: '人民调解', title: `关于${personName(rng)}与${personName(rng)}${dispute}纠纷的调解记录及调解协议书`,
        responsible: b.mediation, date: day(y, m, rng.int(1, 28)), pages: rng.int(2, 5), attach: maybe(p, 0.1, 'scan'), notes: rng.pick(['调解成功', '调解成功', '调解成功，已回访', '未达成协议，已引导诉讼']),
      };
    },
  },
  {
    weight: 4,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      return { affair: '居务', kind: '志愿服务', title: `${y}年${m}月“${rng.pick(VOLUNTEERING)}”志愿服务活动记录`, responsible: b.committee, date: day(y, m, rng.int(1, 28)), pages: rng.int(1, 3), attach: maybe(p, 0.2, 'photo') };
    },
  },
  {
    weight: 4,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      const title = rng.pick([`${y}年${m}月治安巡逻及安全隐患排查记录`, `${y}年${m}月平安建设工作例会记录`, `${y}年${m}月消防安全检查记录`]);
      return { affair: '居务', kind: '平安建设', title, responsible: b.committee, date: day(y, m, rng.int(1, 28)), pages: rng.int(1, 4), attach: maybe(p, 0.05, 'photo') };
    },
  },
  {
    weight: 3,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      return { affair: '居务', kind: '其他居务', title: `${y}年${m}月${rng.pick(OTHER_AFFAIRS)}`, responsible: b.committee, date: day(y, m, rng.int(1, 28)), pages: rng.int(1, 6), attach: [] };
    },
  },
  {
    weight: 2,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      return { affair: '居务', kind: '社区矫正与安置帮教', title: `${y}年${m}月社区矫正对象走访谈话及帮教记录`, responsible: b.committee, date: day(y, m, rng.int(1, 28)), pages: rng.int(1, 3), attach: [], secrecy: '内部' };
    },
  },
  {
    weight: 1,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      return { affair: '居务', kind: '社区工作者培训', title: `${y}年${rng.pick(TRAININGS)}培训记录`, responsible: b.street, date: day(y, m, rng.int(1, 28)), pages: rng.int(2, 4), attach: maybe(p, 0.2, 'photo') };
    },
  },
  {
    weight: 1,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      const stage = rng.pick(['入党积极分子确定', '发展对象公示', '接收预备党员', '预备党员转正']);
      return { affair: '党务', kind: '发展党员', title: `关于${personName(rng)}同志${stage}的材料`, responsible: b.party, date: day(y, m, rng.int(1, 28)), pages: rng.int(2, 8), attach: [] };
    },
  },
  {
    weight: 1,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      return { affair: '财务', kind: '其他财务', title: `${y}年${m}月社会捐赠款物接收登记及收据存根`, responsible: b.committee, date: day(y, m, rng.int(1, 28)), pages: rng.int(1, 3), income: rng.int(5, 60) * 100, fundCategory: '社会捐赠', attach: [] };
    },
  },
  {
    weight: 1,
    make: (p, m) => {
      const { year: y, bodies: b, rng } = p;
      const fund = rng.pick(['办公经费', '公益事业专项补助']);
      return { affair: '财务', kind: '经费拨付', title: `${y}年${m}月${fund}到账通知`, responsible: b.street, date: day(y, m, rng.int(1, 28)), pages: 1, income: rng.int(20, 150) * 100, fundCategory: fund, attach: [] };
    },
  },
];

const TOTAL_WEIGHT = MAKERS.reduce((s, m) => s + m.weight, 0);

/** One of every everyday kind first, then a weighted mix, each in a random month up to p.until. */
export function ordinaryRecords(p: PlanContext, n: number): PlannedRecord[] {
  const out: PlannedRecord[] = [];
  const lastMonth = Number(p.until.slice(5, 7));
  for (let i = 0; i < n; i++) {
    let maker = MAKERS[i];
    if (!maker) {
      let r = p.rng.int(1, TOTAL_WEIGHT);
      maker = MAKERS.find((m) => (r -= m.weight) <= 0)!;
    }
    const r = maker.make(p, p.rng.int(1, lastMonth));
    out.push(r.date > p.until ? { ...r, date: p.until } : r);
  }
  return out;
}

export const ORDINARY_KIND_COUNT = MAKERS.length;
