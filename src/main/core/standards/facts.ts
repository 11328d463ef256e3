// What an evaluation looks at, loaded once for all communities of a year: records (not voided),
// roster entries and attestations.
import type { Community, RosterEntry } from '../../../shared/domain';
import type { ArchiveContext } from '../context';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listRoster } from '../roster/repository';
import { latestAttestations, type Attestation } from './attestations';

export interface FactRecord {
  id: number;
  affair: string;
  kind: string;
  date: string;
  incomeFen: number | null;
  fundCategory: string | null;
  attachments: number;
  /** 档号, null until filed; the title names an unfiled item */
  code: string | null;
  title: string;
}

export interface CommunityFacts {
  community: Community;
  year: number;
  asOf: string;
  /** records of the year dated up to the as-of date, by kind, in date order */
  byKind: Map<string, FactRecord[]>;
  /** records of earlier years, by kind, for `within` rules (only the kinds those rules name) */
  earlier: Map<string, FactRecord[]>;
  roster: RosterEntry[];
  attestations: Map<string, Attestation>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Row = {
  id: number;
  community_id: number;
  affair: string;
  kind: string;
  date: string;
  income_fen: number | null;
  fund_category: string | null;
  attachments: number;
  archival_code: string | null;
  title: string;
};

export async function loadFacts(
  ctx: ArchiveContext,
  year: number,
  asOf: string,
  communities: Community[],
  earlier: { kinds: string[]; fromYear: number },
): Promise<Map<number, CommunityFacts>> {
  const out = new Map<number, CommunityFacts>();
  for (const community of communities) {
    out.set(community.id, { community, year, asOf, byKind: new Map(), earlier: new Map(), roster: [], attestations: new Map() });
  }
  // One plain statement: a street office's year is tens of thousands of rows, read on every audit.
  const rows = (
    await sql<Row>`SELECT r.id, r.community_id, r.affair, r.kind, r.date, r.income_fen, r.fund_category, r.archival_code, r.title,
              (SELECT count(*) FROM attachments a WHERE a.record_id = r.id AND a.removed_at IS NULL) AS attachments
         FROM records r
        WHERE r.year = ${year} AND r.date <= ${asOf} AND r.voided_at IS NULL
        ORDER BY r.date, r.id`.execute(ctx.db as unknown as Kysely<DB>)
  ).rows;
  for (const r of rows) {
    const f = out.get(r.community_id);
    if (f) push(f.byKind, r.kind, toFact(r));
  }
  if (earlier.kinds.length > 0 && earlier.fromYear < year) {
    const old = (
      await sql<Row>`SELECT id, community_id, affair, kind, date, income_fen, fund_category, 0 AS attachments, archival_code, title
           FROM records WHERE year >= ${earlier.fromYear} AND year < ${year} AND kind IN (${sql.join(earlier.kinds)}) AND voided_at IS NULL ORDER BY date, id`.execute(
        ctx.db as unknown as Kysely<DB>,
      )
    ).rows;
    for (const r of old) {
      const f = out.get(r.community_id);
      if (f) push(f.earlier, r.kind, toFact(r));
    }
  }
  for (const entry of await listRoster(ctx.db)) out.get(entry.communityId)?.roster.push(entry);
  for (const [communityId, byIndicator] of await latestAttestations(ctx.db, year)) {
    const f = out.get(communityId);
    if (f) f.attestations = byIndicator;
  }
  return out;
}

function toFact(r: Row): FactRecord {
  return {
    id: r.id,
    affair: r.affair,
    kind: r.kind,
    date: r.date,
    incomeFen: r.income_fen,
    fundCategory: r.fund_category,
    attachments: r.attachments,
    code: r.archival_code,
    title: r.title,
  };
}
