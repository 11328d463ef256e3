// The communities of each street office as the district knows them: from the newest year's package
// that reports them (a corrected package of an earlier year does not undo a later profile). A 全宗号 is
// unique within its office (the table's key); every change is audited with the row's whole state.
import { appendAudit, type AuditInput } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Trx } from '../db/handles';
import type { CommunityRow } from './content';

const FIELDS = ['name', 'type', 'households', 'population', 'area_km2', 'resident_units', 'station_area', 'weekly_hours'] as const;

export async function updateCommunities(ctx: ArchiveContext, trx: Trx, officeId: number, year: number, rows: CommunityRow[], source: string): Promise<void> {
  const known = new Map((await trx.selectFrom('district_communities').selectAll().where('office_id', '=', officeId).execute()).map((c) => [c.code, c]));
  const at = nowIso(ctx);
  const audit: AuditInput[] = [];
  for (const [code, name, type, households, population, area_km2, resident_units, station_area, weekly_hours] of rows) {
    const values = { name, type, households, population, area_km2, resident_units, station_area, weekly_hours };
    const row = known.get(code);
    if (!row) {
      const { id, state } = await trx
        .insertInto('district_communities')
        .values({ office_id: officeId, code, ...values, profile_year: year, created_at: at, updated_at: at })
        .returning(['id', stateColumn(trx, 'district_community').as('state')])
        .executeTakeFirstOrThrow();
      audit.push({ action: 'create', entity: 'district_community', entityId: id, afterJson: state, source });
      continue;
    }
    if (row.profile_year > year || FIELDS.every((f) => row[f] === values[f])) continue;
    const { state } = await trx
      .updateTable('district_communities')
      .set({ ...values, profile_year: year, updated_at: at })
      .where('id', '=', row.id)
      .returning(stateColumn(trx, 'district_community').as('state'))
      .executeTakeFirstOrThrow();
    audit.push({ action: 'update', entity: 'district_community', entityId: row.id, before: Object.fromEntries(FIELDS.map((f) => [f, row[f]])), afterJson: state, source });
  }
  await appendAudit(ctx, trx, audit);
}
