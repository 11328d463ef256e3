// Record search: Chinese substring terms and filters, paged, newest first. The search index itself is
// the engine's (db/engine.ts): SQLite's FTS tables, PostgreSQL's trigram and character-pair indexes.
import type { ArchiveRecord } from '../../../shared/domain';
import { recordQuerySchema, type RecordQuery } from '../../../shared/schemas';
import { requireCommunityByName } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db/engine';
import type { SearchPlan } from '../db/engine';
import { toRecord, type RecordRowWithJoins } from './mapping';
import { selectRecords } from './repository';

export interface SearchResult {
  /** every match, whatever the page */
  total: number;
  records: ArchiveRecord[];
}

export async function searchRecords(ctx: ArchiveContext, query: RecordQuery): Promise<SearchResult> {
  const q = recordQuerySchema.parse(query);
  const communityId = q.community ? (await requireCommunityByName(ctx.db, q.community)).id : q.communityId;
  const filters: SearchPlan['filters'] = [];
  for (const [column, value] of [
    ['year', q.year],
    ['community_id', communityId],
    ['affair', q.affair],
    ['kind', q.kind],
    ['retention', q.retention],
    ['status', q.status],
  ] as const) {
    if (value !== undefined) filters.push([column, value]);
  }
  const terms = (q.q ?? '').split(/\s+/u).filter(Boolean);
  const { total, ids } = await engineOf(ctx.db).search(ctx.db, { filters, terms, limit: q.limit, offset: q.offset });
  if (ids.length === 0) return { total, records: [] };

  const found = await selectRecords(ctx.db).where('records.id', 'in', ids).execute();
  const byId = new Map(found.map((r) => [r.id, toRecord(r as RecordRowWithJoins)]));
  return { total, records: ids.map((id) => byId.get(id)!) };
}
