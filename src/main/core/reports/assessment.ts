// How assessment results (src/shared/audit.ts) read in the documents.
import type { AuditResult, IndicatorStatus, StandardResult } from '../../../shared/audit';

export const STATUS_LABEL: Record<IndicatorStatus, string> = {
  met: '达标',
  partial: '部分达标',
  unmet: '未达标',
  pending: '未到期',
  manual: '待人工认定',
  na: '不适用',
};

export function standardLabel(s: StandardResult): string {
  return s.name ?? s.id;
}

export function auditFor(audit: AuditResult, community: string) {
  return audit.communities.find((c) => c.community === community)?.standards ?? [];
}

/** A shortfall is an indicator found partly or not met; manual ones await the clerk's attestation. */
export const isShortfall = (status: IndicatorStatus): boolean => status === 'partial' || status === 'unmet';

/** A community's shortfalls in an inspector's words, per standard (standards without any left out). */
export function shortfalls(audit: AuditResult, community: string): { standard: string; items: string[] }[] {
  return auditFor(audit, community)
    .map((s) => ({
      standard: standardLabel(s),
      items: s.indicators.filter((i) => isShortfall(i.status)).map((i) => (i.missing.length > 0 ? i.missing.join('；') : `${i.item ?? i.id}${STATUS_LABEL[i.status]}`)),
    }))
    .filter((s) => s.items.length > 0);
}

export function awaitingAttestation(audit: AuditResult, community: string): number {
  return auditFor(audit, community).reduce((n, s) => n + s.indicators.filter((i) => i.status === 'manual').length, 0);
}
