// The demo communities (each a 全宗), modelled on 桃源社区 of seed 003 (STANDARDS.md §6).
import type { CommunityType } from '../../../shared/vocabulary';
import type { GapSet } from './gaps';
import { demoRandom } from './random';

export interface CommunitySlot {
  index: number;
  /** 全宗号 */
  code: string;
  name: string;
  type: CommunityType;
}

export interface DemoCommunity extends CommunitySlot {
  households: number;
  population: number;
  areaKm2: number;
  residentUnits: number;
  stationArea: number;
  weeklyHours: number;
}

const URBAN = [
  '桃源社区', '幸福里社区', '文化路社区', '塔河社区', '新城社区', '胜利社区', '友谊社区', '团结社区',
  '青松路社区', '光明社区', '建设路社区', '人民路社区', '天山社区', '昆仑社区', '康乐社区', '长安社区',
  '阳光社区', '红星社区', '金银川路社区', '南口社区', '和谐社区', '春晖社区', '五一路社区', '振兴社区',
];
const RURAL = ['沙河村', '金杨村', '双城村', '红桥村', '新开村', '永宁村', '花桥村', '托喀依村'];

/** Every fourth community is a village (村/农村社区), so 12 give 3. */
const isRural = (index: number) => index % 4 === 3;

export const MAX_COMMUNITIES = 30;

export function communitySlots(n: number): CommunitySlot[] {
  const slots: CommunitySlot[] = [];
  let urban = 0;
  let rural = 0;
  for (let index = 0; index < n; index++) {
    const type: CommunityType = isRural(index) ? '农村' : '城市';
    const name = type === '农村' ? RURAL[rural++]! : URBAN[urban++]!;
    slots.push({ index, code: `S${101 + index}`, name, type });
  }
  return slots;
}

/** 桃源社区 as seed 003 describes it. */
const TAOYUAN = { households: 1274, population: 3719, areaKm2: 4.96, residentUnits: 47, stationArea: 360, weeklyHours: 48 };

export function communityProfile(seed: number, slot: CommunitySlot, gaps: GapSet): DemoCommunity {
  if (slot.index === 0) return { ...slot, ...TAOYUAN };
  const rng = demoRandom(seed, 'profile', slot.code);
  const rural = slot.type === '农村';
  const households = rural ? rng.int(600, 1100) : rng.int(600, 3000);
  return {
    ...slot,
    households,
    population: Math.round(households * (rural ? rng.int(300, 360) : rng.int(255, 310)) / 100),
    areaKm2: rural ? rng.int(800, 2600) / 100 : rng.int(60, 620) / 100,
    residentUnits: rural ? rng.int(2, 9) : rng.int(12, 80),
    stationArea: gaps.has('smallStation') ? rng.int(30, 45) : rural ? rng.int(60, 220) : rng.int(150, 620),
    weeklyHours: gaps.has('shortHours') ? rng.pick([30, 32, 35, 36]) : rng.pick([40, 42, 44, 45, 48, 50]),
  };
}
