// What the record planners share: the planned record, the community's bodies, and the builder.
import type { RecordInput } from '../../../shared/schemas';
import type { Affair } from '../../../shared/vocabulary';
import { addDaysInYear } from './calendar';
import type { DemoCommunity } from './communities';
import type { GapSet } from './gaps';
import { shortName } from './names';
import type { Random } from './random';

/** scan: a PDF of the signed paper; photo: a PNG of the board, the poster or the event. */
export type AttachmentKind = 'scan' | 'photo';

export interface PlannedRecord extends Omit<RecordInput, 'communityId' | 'fingerprint' | 'docNumber'> {
  affair: Affair;
  attach: AttachmentKind[];
  /** 文号 prefix such as 桃源居发; numbered in date order once the year is planned */
  docPrefix?: string;
  docNumber?: string;
}

/** The issuing bodies (责任者) of a community and the street office. */
export interface Bodies {
  party: string;
  committee: string;
  supervision: string;
  mediation: string;
  street: string;
  streetParty: string;
  /** 文号 prefixes */
  committeeDoc: string;
  partyDoc: string;
  streetDoc: string;
}

export const STREET_OFFICE = { name: '幸福路街道办事处', code: '659002' } as const;

export function bodiesOf(c: DemoCommunity): Bodies {
  const rural = c.type === '农村';
  const short = shortName(c.name);
  return {
    party: `中共${c.name}${rural ? '支部委员会' : '委员会'}`,
    committee: `${c.name}${rural ? '村民委员会' : '居民委员会'}`,
    supervision: `${c.name}${rural ? '村务' : '居务'}监督委员会`,
    mediation: `${c.name}人民调解委员会`,
    street: STREET_OFFICE.name,
    streetParty: '中共幸福路街道工作委员会',
    committeeDoc: `${short}${rural ? '村' : '居'}发`,
    partyDoc: `${short}党发`,
    streetDoc: '幸街发',
  };
}

export interface PlanContext {
  year: number;
  /** the last day planned: 31 Dec, or today in the running year */
  until: string;
  community: DemoCommunity;
  rural: boolean;
  gaps: GapSet;
  bodies: Bodies;
  rng: Random;
}

const DISCLOSURE_CHANNELS = ['公开栏', '公开栏', '公开栏', '电子屏', '微信群', '网站', '会议'] as const;

/** A disclosure is posted on the day or within a few days, on the board most of the time. */
export function disclosed(p: PlanContext, date: string): Pick<PlannedRecord, 'disclosureDate' | 'disclosureChannel'> {
  return { disclosureDate: addDaysInYear(date, p.rng.int(0, 3)), disclosureChannel: p.rng.pick(DISCLOSURE_CHANNELS) };
}

/** The attachment, with the given probability. */
export function maybe(p: PlanContext, chance: number, kind: AttachmentKind): AttachmentKind[] {
  return p.rng.chance(chance) ? [kind] : [];
}

/** Gives 文号 in date order per prefix: 桃源居发〔2025〕1号, 2号 … */
export function numberDocuments(records: PlannedRecord[]): void {
  const next = new Map<string, number>();
  const numbered = records.filter((r) => r.docPrefix).sort((a, b) => a.date.localeCompare(b.date));
  for (const r of numbered) {
    const year = r.date.slice(0, 4);
    const key = `${r.docPrefix}${year}`;
    const n = (next.get(key) ?? 0) + 1;
    next.set(key, n);
    r.docNumber = `${r.docPrefix}〔${year}〕${n}号`;
  }
}
