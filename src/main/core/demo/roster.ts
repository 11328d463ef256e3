// The roster of a demo community: every roster kind of STANDARDS.md §1, with date ranges, some of
// them ended during the year so that "active on the as-of date" matters.
import type { RosterInput } from '../../../shared/schemas';
import { day } from './calendar';
import type { DemoCommunity } from './communities';
import type { GapSet } from './gaps';
import { LAW_FIRMS, personNames, RESIDENT_UNITS, SOCIAL_ORGANISATIONS, VOLUNTEER_TEAMS } from './names';
import { demoRandom } from './random';

export type DemoRosterEntry = Omit<RosterInput, 'communityId' | 'fingerprint' | 'source'>;

/** 专职工作人员 the staffing rule asks for: max(2, ceil(户数 / 300)). */
export const requiredStaff = (households: number) => Math.max(2, Math.ceil(households / 300));

/** `until`: the last day planned; nothing starts after it, and a term ending later ends then at the earliest. */
export function demoRoster(seed: number, year: number, c: DemoCommunity, gaps: GapSet, until: string): DemoRosterEntry[] {
  const rng = demoRandom(seed, 'roster', c.code);
  const rural = c.type === '农村';
  const taken = new Set<string>();
  const people = (n: number) => personNames(rng, n, taken);
  const since = () => day(year - rng.int(1, 6), rng.int(1, 12), rng.int(1, 28));
  const out: DemoRosterEntry[] = [];
  const add = (kind: string, name: string, note = '', startDate: string | null = since(), endDate: string | null = null) => {
    if (startDate !== null && startDate > until) return;
    out.push({ kind, name, note, startDate, endDate: endDate !== null && endDate > until ? until : endDate });
  };

  // 法律顾问: a yearly contract with a law firm; the previous adviser's contract ended last year.
  const firm = rng.pick(LAW_FIRMS);
  const [oldLawyer, lawyer] = people(2);
  add('法律顾问', oldLawyer!, `${firm}律师`, day(year - 3, 1, 1), day(year - 1, 12, 31));
  add('法律顾问', lawyer!, `${firm}律师`, day(year, 1, 1), gaps.has('lawyerLapsed') ? day(year, 6, 30) : null);

  // 人民调解员: one full-time, the others part-time; one retired last year.
  const mediators = people(rng.int(2, 4));
  mediators.forEach((name, i) => add('人民调解员', name, i === 0 ? '专职人民调解员' : '兼职人民调解员'));
  add('人民调解员', people(1)[0]!, '兼职人民调解员（已退休）', day(year - 4, 3, 1), day(year - 1, 8, 31));

  add('普法阵地', `${c.name}${rural ? '法治文化广场' : '普法宣传栏'}`, '每月更换普法挂图');
  if (rng.chance(0.5)) add('普法阵地', `${c.name}法律图书角`);
  add('德育阵地', `${c.name}新时代文明实践站`);
  if (rng.chance(0.4)) add('德育阵地', `${c.name}道德讲堂`);
  add('普法志愿者队伍', `${c.name}法律服务志愿者队`, `队员 ${rng.int(8, 30)} 人`);

  const teams = gaps.has('fewVolunteerTeams') ? 1 : rng.int(2, 4);
  for (const team of rng.sample(VOLUNTEER_TEAMS, teams)) add('志愿者队伍', `${c.name}${team}`, `队员 ${rng.int(10, 60)} 人`);

  const orgs = gaps.has('fewSocialOrgs') ? 2 : rng.int(3, 6);
  for (const org of rng.sample(SOCIAL_ORGANISATIONS, orgs)) add('社会组织', `${c.name}${org}`, '已在街道登记备案');

  // 大党委兼职委员 from the 驻区单位; a rotation during the year leaves one ended entry behind.
  const members = gaps.has('committeeOver') ? 6 : gaps.has('committeeUnder') ? 2 : rng.int(3, 5);
  const units = rng.sample(RESIDENT_UNITS, members + 1);
  people(members).forEach((name, i) => add('大党委兼职委员', name, `${units[i]}党组织负责人`));
  if (gaps.has('committeeUnder') || rng.chance(0.4)) {
    add('大党委兼职委员', people(1)[0]!, `${units[members]}党组织负责人（已调离）`, day(year - 2, 3, 1), day(year, rng.int(3, 10), 15));
  }

  // 专职工作人员: one per 300 households at least; a hand-over mid-year in some communities.
  const need = requiredStaff(c.households);
  const staff = c.index === 0 ? 12 : gaps.has('understaffed') ? Math.max(1, need - 2) : need + rng.int(0, 3);
  const roles = c.index === 0 ? [...Array(8).fill('事业编制'), ...Array(3).fill('公益性岗位'), '大学生志愿者'] : [];
  people(staff).forEach((name, i) => add('专职工作人员', name, roles[i] ?? rng.pick(['社区工作者', '社区工作者', '公益性岗位'])));
  if (rng.chance(0.5)) add('专职工作人员', people(1)[0]!, '社区工作者（已辞职）', day(year - 3, 9, 1), day(year, rng.int(2, 9), 30));

  add('专职党建工作者', people(1)[0]!, '社区党建指导员');
  if (rural) {
    const officials = gaps.has('oneCollegeOfficial') ? 1 : 2;
    for (const name of people(officials)) {
      const hired = year - rng.int(1, 3);
      add('大学生村官', name, `${hired}年选聘`, day(hired, 8, 1));
    }
  }
  people(c.index === 0 ? 2 : rng.int(1, 3)).forEach((name) => add('持证社工', name, rng.pick(['助理社会工作师', '社会工作师'])));
  add('社区民警兼副书记', people(1)[0]!, '幸福路派出所社区民警');
  people(rng.int(3, 5)).forEach((name, i) => add('居务监督委员会委员', name, i === 0 ? '主任' : '委员'));
  return out;
}
