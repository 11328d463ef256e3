// The records the engine benchmarks search: titles, kinds and parties from the demo's vocabulary,
// deterministic by seed.
import type { RecordInput } from '../src/shared/schemas';
import { AFFAIRS, DEFAULT_VOCABULARY } from '../src/shared/vocabulary';

export const COMMUNITIES = 20;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['工作例会记录', '会议纪要', '公开栏照片', '情况通报', '活动签到表', '专题学习记录', '经费使用明细', '决议公告', '评议结果', '培训材料'];
const PEOPLE = ['社区党委', '居民委员会', '居务监督委员会', '社区服务站', '人民调解委员会', '财务室', '网格员张敏', '书记王建国'];

export function records(n: number, seed: number): RecordInput[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const affair = pick(AFFAIRS);
    const kind = pick(DEFAULT_VOCABULARY.kinds[affair]);
    const year = 2016 + Math.floor(rnd() * 10);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      communityId: 1 + (i % COMMUNITIES),
      affair,
      kind,
      title: `${year}年${month}月${kind}${pick(SUBJECTS)}`,
      responsible: pick(PEOPLE),
      docNumber: rnd() < 0.3 ? `社发〔${year}〕${1 + Math.floor(rnd() * 90)}号` : '',
      date,
      notes: rnd() < 0.1 ? '原件存社区档案室' : '',
      income: affair === '财务' && rnd() < 0.5 ? Math.round(rnd() * 5_000_000) / 100 : null,
    };
  });
}

