// The records a self-assessment cites as evidence — the first few of each indicator — by id, for
// 题名/日期/档号.
import type { AuditResult } from '../../../shared/audit';
import type { ArchiveContext } from '../context';

export type EvidenceIndex = Map<number, { title: string; date: string; archivalCode: string | null }>;

/** Evidence items printed per indicator; the rest are counted ("另有N件，见台账"). */
export const EVIDENCE_SHOWN = 3;

export async function evidenceIndex(ctx: ArchiveContext, audit: AuditResult): Promise<EvidenceIndex> {
  const ids = new Set<number>();
  for (const c of audit.communities) for (const s of c.standards) for (const i of s.indicators) for (const id of i.evidence.slice(0, EVIDENCE_SHOWN)) ids.add(id);
  const out: EvidenceIndex = new Map();
  const all = [...ids];
  // SQLite limits bound parameters; 500 a query stays well inside it
  for (let i = 0; i < all.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('records')
      .select(['id', 'title', 'date', 'archival_code'])
      .where('id', 'in', all.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { title: r.title, date: r.date, archivalCode: r.archival_code });
  }
  return out;
}
