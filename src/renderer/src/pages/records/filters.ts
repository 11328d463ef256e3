// The records page's filters live in the URL (#/records?year=2025&status=未归档), so warnings and
// evidence elsewhere can link straight to a filtered list.
import { RECORD_SORTS, type RecordQuery, type RecordSort } from '../../../../shared/schemas';
import { AFFAIRS, RECORD_STATUSES, RETENTIONS, type Affair, type RecordStatus, type Retention } from '../../../../shared/vocabulary';

export interface RecordFilters {
  year?: number;
  communityId?: number;
  community?: string;
  affair?: Affair;
  kind?: string;
  retention?: Retention;
  status?: RecordStatus;
  /** 已作废: only voided records (voided=1 in the URL) */
  voided?: boolean;
  q?: string;
  /** the list's order (not a filter, but kept in the URL beside them) */
  sort?: RecordSort;
  order?: 'desc';
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

const int = (v: string | null): number | undefined => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function filtersFromParams(p: URLSearchParams): RecordFilters {
  return {
    year: int(p.get('year')),
    communityId: int(p.get('communityId')),
    community: p.get('community') || undefined,
    affair: oneOf(AFFAIRS, p.get('affair')),
    kind: p.get('kind') || undefined,
    retention: oneOf(RETENTIONS, p.get('retention')),
    status: oneOf(RECORD_STATUSES, p.get('status')),
    voided: p.get('voided') === '1' || p.get('voided') === 'true' ? true : undefined,
    q: p.get('q') || undefined,
    sort: oneOf(RECORD_SORTS, p.get('sort')),
    order: p.get('order') === 'desc' ? 'desc' : undefined,
  };
}

export function toQuery(f: RecordFilters, page: number, pageSize: number): RecordQuery {
  const q: RecordQuery = { limit: pageSize, offset: (page - 1) * pageSize };
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') (q as Record<string, unknown>)[k] = v;
  return q;
}

/** The filters alone (what a selection belongs to: sorting keeps it, filtering starts afresh). */
export function withoutOrder(f: RecordFilters): RecordFilters {
  const { sort: _sort, order: _order, ...rest } = f;
  return rest;
}

/** The filters as URL parameters. */
export function filterParams(f: RecordFilters): Record<string, string | number | undefined> {
  const { voided, ...rest } = f;
  return { ...rest, voided: voided ? 1 : undefined };
}
