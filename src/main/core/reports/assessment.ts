// How assessment results (src/shared/audit.ts) read in the documents: the shortfalls found (partial,
// unmet), kept apart from what awaits attestation or is not yet due, which is never a shortfall.
import type { AuditResult, IndicatorResult, IndicatorStatus, StandardResult } from '../../../shared/audit';
import { STANDARDS, type Indicator, type Standard } from '../standards/catalogue';

import { STATUS_TEXT } from '../../../shared/audit-verdict';

export const standardLabel = (s: Pick<StandardResult, 'id' | 'name'>): string => s.name ?? s.id;

export const catalogueStandard = (id: string): Standard | undefined => STANDARDS.find((s) => s.id === id);

/** 标准简称 as words (title breaking); the full name when the catalogue has none */
export const shortNameWords = (s: Pick<StandardResult, 'id' | 'name'>): string[] => catalogueStandard(s.id)?.shortName ?? [standardLabel(s)];
export const shortName = (s: Pick<StandardResult, 'id' | 'name'>): string => shortNameWords(s).join('');

export function auditFor(audit: AuditResult, community: string): StandardResult[] {
  return audit.communities.find((c) => c.community === community)?.standards ?? [];
}

/** A shortfall is an indicator found partly or not met; manual ones await attestation, pending ones are not yet due. */
export const isShortfall = (status: IndicatorStatus): boolean => status === 'partial' || status === 'unmet';

export interface IndicatorShortfalls {
  standard: StandardResult;
  indicator: IndicatorResult;
  /** the catalogue's definition (its rules say what kind of remedy fits) */
  definition: Indicator | undefined;
  communities: { community: string; missing: string[] }[];
}

/** Every indicator found short somewhere, with the communities short of it, in catalogue order. */
export function shortfallsByIndicator(audit: AuditResult): IndicatorShortfalls[] {
  const byId = new Map<string, IndicatorShortfalls>();
  for (const c of audit.communities) {
    for (const s of c.standards) {
      for (const i of s.indicators) {
        if (!isShortfall(i.status)) continue;
        const entry = byId.get(i.id) ?? { standard: s, indicator: i, definition: catalogueStandard(s.id)?.indicators.find((d) => d.id === i.id), communities: [] };
        entry.communities.push({ community: c.community, missing: i.missing.length ? i.missing : [`${i.item ?? i.id}${STATUS_TEXT[i.status]}`] });
        byId.set(i.id, entry);
      }
    }
  }
  const order = STANDARDS.flatMap((s) => s.indicators.map((i) => i.id));
  return [...byId.values()].sort((a, b) => order.indexOf(a.indicator.id) - order.indexOf(b.indicator.id));
}

export interface Awaiting {
  /** indicator × community pairs awaiting attestation */
  items: number;
  /** of which veto indicators */
  veto: number;
  /** communities with any */
  communities: number;
  /** the indicator ids awaiting, in catalogue order */
  ids: string[];
}

export function awaitingAttestation(audit: AuditResult): Awaiting {
  const ids = new Set<string>();
  let items = 0;
  let veto = 0;
  let communities = 0;
  for (const c of audit.communities) {
    let any = false;
    for (const s of c.standards) {
      for (const i of s.indicators) {
        if (i.status !== 'manual') continue;
        items++;
        any = true;
        if (i.veto) veto++;
        ids.add(i.id);
      }
    }
    if (any) communities++;
  }
  const order = STANDARDS.flatMap((s) => s.indicators.map((i) => i.id));
  return { items, veto, communities, ids: [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/**
 * Indicator ids as a reader takes them in: runs of consecutive numbers of one standard collapse,
 * the standard named once — BJ-NCSQ-01—06、08、10—12 (never a list of 55 that breaks mid-id).
 */
export function indicatorList(ids: string[]): string {
  const groups = new Map<string, { n: number; label: string }[]>();
  for (const id of ids) {
    const m = /^(.*)-(\d+)([A-Z]?)$/.exec(id);
    const [prefix, label, n] = m ? [m[1]!, `${m[2]}${m[3]}`, m[3] ? NaN : Number(m[2])] : [id, '', NaN];
    groups.set(prefix, [...(groups.get(prefix) ?? []), { n, label }]);
  }
  return [...groups]
    .map(([prefix, items]) => {
      const runs: string[] = [];
      for (let i = 0; i < items.length; i++) {
        let j = i;
        while (j + 1 < items.length && items[j + 1]!.n === items[j]!.n + 1) j++;
        // three or more in a row read better as a range
        if (j - i >= 2) {
          runs.push(`${items[i]!.label}—${items[j]!.label}`);
          i = j;
        } else runs.push(items[i]!.label);
      }
      return runs[0] === '' ? prefix : `${prefix}-${runs.join('、')}`;
    })
    .join('、');
}
