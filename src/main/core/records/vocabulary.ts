// The vocabulary in force: the defaults in resources/ plus what the clerk added in settings.
import { AFFAIRS, DEFAULT_VOCABULARY, type Affair } from '../../../shared/vocabulary';
import { getSetting } from '../settings/store';
import type { Reader } from '../db/handles';

export const EXTRA_KINDS_SETTING = 'vocabulary.extraKinds';

export interface KindIndex {
  kindsOf: Record<Affair, string[]>;
  affairOf: Map<string, Affair>;
  accounting: Set<string>;
}

export async function loadKinds(db: Reader): Promise<KindIndex> {
  const extra = await getSetting<Partial<Record<Affair, string[]>>>(db, EXTRA_KINDS_SETTING, {});
  const kindsOf = {} as Record<Affair, string[]>;
  const affairOf = new Map<string, Affair>();
  for (const a of AFFAIRS) {
    kindsOf[a] = [...DEFAULT_VOCABULARY.kinds[a], ...(extra[a] ?? [])];
    for (const k of kindsOf[a]) affairOf.set(k, a);
  }
  return { kindsOf, affairOf, accounting: new Set(DEFAULT_VOCABULARY.accountingKinds) };
}

/** 门类: accounting records are 会计 (KU), everything else 文书 (WS). */
export function categoryCodeOf(kinds: KindIndex, kind: string): string {
  return kinds.accounting.has(kind) ? 'KU' : 'WS';
}
