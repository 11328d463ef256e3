// What has changed in the archive, for screens kept open while other clerks work: every change is an
// audit entry, so the newest entry's number moves whenever anything is written, by anyone.
import type { ArchiveChanges } from '../../../shared/domain';
import type { Reader } from '../db/handles';

export async function latestChange(db: Reader): Promise<ArchiveChanges> {
  const last = await db.selectFrom('audit_log').select(['id', 'at', 'actor']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { seq: last?.id ?? 0, at: last?.at ?? null, actor: last?.actor ?? null };
}
