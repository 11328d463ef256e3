// Optimistic concurrency for records: every change bumps records.version (a trigger on both engines),
// an edit names the version it was made from, and an edit of a record someone changed since is refused
// with who changed it and when — never silently overwriting their change.
import { SanwuError } from '../../../shared/errors';
import type { Clock } from '../context';
import { isoDay } from '../context';
import type { Reader } from '../db/handles';
import { displayNames } from '../users/repository';

/** "14:05" today, else "2025-12-03 14:05" (the computer's local time). */
function when(at: string, clock: Clock): string {
  const t = new Date(at);
  const hm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return isoDay(t) === isoDay(clock.now()) ? hm : `${isoDay(t)} ${hm}`;
}

/** The refusal of an edit made from `version` of a record now at a later one. */
export async function staleEdit(db: Reader, clock: Clock, id: number): Promise<SanwuError> {
  const last = await db
    .selectFrom('audit_log')
    .select(['actor', 'at'])
    .where('entity', '=', 'record')
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return new SanwuError('CONFLICT', `此档案已被他人修改，请刷新后再改。`);
  const who = (await displayNames(db, [last.actor])).get(last.actor) ?? last.actor;
  return new SanwuError('CONFLICT', `此档案已被 ${who} 于 ${when(last.at, clock)} 修改，请刷新后再改。`);
}
