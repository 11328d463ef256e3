// One entity's entries in the audit log, newest first (the record page's history), each naming who
// acted by the account's display name where it has one. A record's history includes its attachments'
// entries; recorded states are shown as column → value.
import type { AuditEntry } from '../../../shared/domain';
import type { Reader } from '../db/handles';
import { displayNames } from '../users/repository';
import { decodeState, isStateEntity } from './states';

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export async function entityHistory(db: Reader, entity: string, id: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'source'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', entity), eb('entity_id', '=', id)]),
        ...(entity === 'record'
          ? [eb.and([eb('entity', '=', 'attachment'), eb('entity_id', 'in', eb.selectFrom('attachments').select('id').where('record_id', '=', id))])]
          : []),
      ]),
    )
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
    after: (isStateEntity(r.entity) ? decodeState(r.entity, r.after) : null) ?? parseJson(r.after),
    source: r.source,
  }));
}
