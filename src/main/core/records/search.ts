// Record search: Chinese substring terms and filters, paged, newest first or in a chosen order (sort.ts), over the text the clerk sees
// (db/search-index.ts, 档号 included). A term that looks like a 档号 or part of one also finds items by
// their code parts; exact codes come first, then items whose parts match, then the other matches. The
// search index itself is the engine's (db/engine.ts): SQLite's FTS tables, PostgreSQL's trigram and
// character-pair indexes.
import type { ArchiveRecord } from '../../../shared/domain';
import { recordQuerySchema, type RecordQuery } from '../../../shared/schemas';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE } from '../archival-codes/template';
import { requireCommunityByName } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { engineOf, type SearchPlan } from '../db/engine';
import { getSetting } from '../settings/store';
import { codeForm, codePartsCondition } from './code-query';
import { toRecord, type RecordRowWithJoins } from './mapping';
import { selectRecords } from './repository';
import { communityRanks, orderByClause } from './sort';

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
  const texts = (q.q ?? '').split(/\s+/u).filter(Boolean);
  const template = texts.length > 0 ? await getSetting(ctx.db, CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE) : DEFAULT_CODE_TEMPLATE;
  const terms = texts.map((text) => {
    const code = codePartsCondition(text, template);
    return { text, code: code ? { ...code, exact: [...new Set([text, codeForm(text)])] } : null };
  });
  const ranked = q.sort === 'community' ? communityRanks(await ctx.db.selectFrom('communities').select(['id', 'name']).execute()) : [];
  const order = q.sort ? { sql: orderByClause({ sort: q.sort, desc: q.order === 'desc' }, ranked), byDate: q.sort === 'date' } : null;
  const { total, ids } = await engineOf(ctx.db).search(ctx.db, { filters, terms, voided: q.voided === true, ids: q.ids, order, limit: q.limit, offset: q.offset });
  if (ids.length === 0) return { total, records: [] };

  const found = await selectRecords(ctx.db).where('records.id', 'in', ids).execute();
  const byId = new Map(found.map((r) => [r.id, toRecord(r as RecordRowWithJoins)]));
  return { total, records: ids.map((id) => byId.get(id)!) };
}
