// What an archive holds after an import, without what differs by file or run (ids, sources, times):
// the meaning two imports of the same rows must agree on.
import type { ArchiveContext } from '../../src/main/core/context';

export interface ImportedRecord {
  community: string;
  affair: string;
  kind: string;
  title: string;
  responsible: string;
  docNumber: string;
  date: string;
  disclosureDate: string | null;
  channel: string | null;
  pages: number | null;
  retention: string;
  incomeFen: number | null;
  expenseFen: number | null;
  fundCategory: string | null;
  notes: string;
  attachments: { name: string; sha256: string; mediaType: string }[];
}

export async function importedContent(ctx: ArchiveContext) {
  const records = await ctx.db
    .selectFrom('records as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .select([
      'r.id', 'c.name as community', 'r.affair', 'r.kind', 'r.title', 'r.responsible', 'r.doc_number as docNumber', 'r.date',
      'r.disclosure_date as disclosureDate', 'r.disclosure_channel as channel', 'r.pages', 'r.retention',
      'r.income_fen as incomeFen', 'r.expense_fen as expenseFen', 'r.fund_category as fundCategory', 'r.notes',
    ])
    .orderBy('r.title')
    .orderBy('r.id')
    .execute();
  const files = (id: number) =>
    ctx.db.selectFrom('attachments').select(['original_name as name', 'sha256', 'media_type as mediaType']).where('record_id', '=', id).orderBy('original_name').execute();
  return {
    records: await Promise.all(records.map(async ({ id, ...r }) => ({ ...r, attachments: await files(id) }))),
    communities: await ctx.db
      .selectFrom('communities')
      .select(['code', 'name', 'type', 'households', 'population', 'area_km2', 'resident_units', 'station_area', 'weekly_hours'])
      .orderBy('code')
      .execute(),
    roster: await ctx.db
      .selectFrom('roster as r')
      .innerJoin('communities as c', 'c.id', 'r.community_id')
      .select(['c.name as community', 'r.kind', 'r.name', 'r.start_date', 'r.end_date', 'r.note'])
      .orderBy('r.name')
      .orderBy('r.id')
      .execute(),
  };
}
