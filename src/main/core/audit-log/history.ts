// One entity's entries in the audit log, newest first (the record page's history), each naming who
// acted by the account's display name where it has one.
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../shared/domain';
import type { DB } from '../db/schema';
import { displayNames } from '../users/repository';

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export async function entityHistory(db: Kysely<DB>, entity: string, id: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'source'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  const names = await displayNames(db, rows.map((r) => r.actor));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    ...(names.has(r.actor) ? { actorDisplay: names.get(r.actor) } : {}),
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    source: r.source,
  }));
}
