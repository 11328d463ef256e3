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
  const records = ctx.sqlite
    .prepare(
      `SELECT r.id, c.name AS community, r.affair, r.kind, r.title, r.responsible, r.doc_number AS docNumber, r.date,
              r.disclosure_date AS disclosureDate, r.disclosure_channel AS channel, r.pages, r.retention,
              r.income_fen AS incomeFen, r.expense_fen AS expenseFen, r.fund_category AS fundCategory, r.notes
       FROM records r JOIN communities c ON c.id = r.community_id ORDER BY r.title`,
    )
    .all() as (ImportedRecord & { id: number })[];
  const files = ctx.sqlite.prepare('SELECT original_name AS name, sha256, media_type AS mediaType FROM attachments WHERE record_id = ? ORDER BY original_name');
  return {
    records: records.map(({ id, ...r }) => ({ ...r, attachments: files.all(id) as ImportedRecord['attachments'] })),
    communities: ctx.sqlite
      .prepare('SELECT code, name, type, households, population, area_km2, resident_units, station_area, weekly_hours FROM communities ORDER BY code')
      .all(),
    roster: ctx.sqlite
      .prepare('SELECT c.name AS community, r.kind, r.name, r.start_date, r.end_date, r.note FROM roster r JOIN communities c ON c.id = r.community_id ORDER BY r.name')
      .all(),
  };
}
