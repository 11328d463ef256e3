// One entity's entries in the audit log, newest first (the record page's history).
import type { AuditEntry } from '../../../shared/domain';
import type { Reader } from '../db/handles';

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export async function entityHistory(db: Reader, entity: string, id: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'source'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    source: r.source,
  }));
}
