// Realistic Chinese names of people, firms, units and bodies for the demo roster and records.
import type { Random } from './random';

// Common surnames, the frequent ones listed more than once so they come up more often.
const SURNAMES = [...'王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强春梅海燕文斌晓东丽娟永红建华宏伟淑珍国庆凤英玉梅新民卫东金花玉珍建军红梅'];

export function personName(rng: Random): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** Distinct names for one community's roster. */
export function personNames(rng: Random, n: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const name = personName(rng);
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

export const LAW_FIRMS = ['塔河律师事务所', '昆岗律师事务所', '天衡律师事务所', '正平律师事务所', '金胡杨律师事务所', '丝路法正律师事务所'];

/** 驻区单位 that send part-time members to the 大党委 and sign 共建 agreements. */
export const RESIDENT_UNITS = [
  '阿拉尔市第二小学', '阿拉尔市人民医院', '国网阿拉尔供电公司', '塔里木大学', '幸福路派出所', '阿拉尔市税务局',
  '中国农业银行阿拉尔分行', '阿拉尔市第一中学', '市自来水公司', '恒泰物业服务公司', '市市场监督管理局', '市邮政分公司',
];

export const VOLUNTEER_TEAMS = ['党员先锋志愿服务队', '巾帼志愿服务队', '青年志愿服务队', '银龄志愿服务队', '平安巡逻志愿服务队', '环保志愿服务队'];

export const SOCIAL_ORGANISATIONS = ['老年协会', '书画协会', '舞蹈队', '邻里互助会', '红白理事会', '家长学校', '文体协会', '残疾人协会'];

/** The short form used in document numbers: 桃源社区 -> 桃源, 沙河村 -> 沙河. */
export function shortName(community: string): string {
  return community.replace(/(农村社区|社区|村)$/, '');
}
