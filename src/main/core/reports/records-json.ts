// records.json (src/shared/records-json.ts: versioned zod schema): the year's records with their
// attachments' digests, the communities' profiles and assessment, for aggregation upward. Streamed:
// each record is typed against the schema at compile time; the head is checked when written.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { AuditResult } from '../../../shared/audit';
import { cancelled } from '../../../shared/errors';
import { RECORDS_SCHEMA_VERSION, recordsJsonSchema, type RecordsJson, type RecordsJsonCommunity, type RecordsJsonRecord } from '../../../shared/records-json';
import { isDisclosureKind } from '../../../shared/vocabulary';
import type { ArchiveContext } from '../context';
import { auditFor } from './assessment';
import { iterateRecords, scopedRecords } from './records';
import type { ReportScope } from './scope';

type AttachmentDigest = RecordsJsonRecord['attachments'][number];

async function attachmentsOf(ctx: ArchiveContext, scope: ReportScope): Promise<Map<number, AttachmentDigest[]>> {
  const out = new Map<number, AttachmentDigest[]>();
  const rows = await scopedRecords(ctx.db, scope)
    .innerJoin('attachments', 'attachments.record_id', 'records.id')
    .select(['attachments.record_id', 'attachments.sha256', 'attachments.size', 'attachments.media_type', 'attachments.original_name'])
    .where('attachments.removed_at', 'is', null)
    .orderBy('attachments.id')
    .execute();
  for (const a of rows) {
    const list = out.get(a.record_id) ?? [];
    list.push({ sha256: a.sha256, size: a.size, mediaType: a.media_type, originalName: a.original_name });
    out.set(a.record_id, list);
  }
  return out;
}

function communities(scope: ReportScope, audit: AuditResult): RecordsJsonCommunity[] {
  return scope.communities.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    profile: { households: c.households, population: c.population, areaKm2: c.areaKm2, residentUnits: c.residentUnits, stationArea: c.stationArea, weeklyHours: c.weeklyHours },
    audit: auditFor(audit, c.name).map((s) => ({
      id: s.id,
      name: s.name,
      score: s.score,
      result: s.result,
      vetoed: s.vetoed,
      vetoPending: s.vetoPending,
      provisional: s.provisional,
      assessed: s.assessed,
      awaiting: s.awaiting,
      indicators: s.indicators.map((i) => ({ id: i.id, status: i.status, veto: i.veto ?? false, missing: i.missing, evidence: i.evidence })),
    })),
  }));
}

/** Writes records.json; returns the number of records. */
export async function writeRecordsJson(ctx: ArchiveContext, file: string, scope: ReportScope, audit: AuditResult, createdAt: string, signal?: AbortSignal): Promise<number> {
  const attachments = await attachmentsOf(ctx, scope);
  const codes = new Map(scope.communities.map((c) => [c.id, c.code]));
  const head: RecordsJson = {
    schema: RECORDS_SCHEMA_VERSION,
    generatedAt: createdAt,
    office: { name: scope.office.name, code: scope.office.code },
    year: scope.year,
    asOf: audit.asOf,
    communities: communities(scope, audit),
    records: [],
  };
  // the head is small: checked whole, so a reader never meets a document its schema refuses
  recordsJsonSchema.parse(head);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let n = 0;
  try {
    await write(`${JSON.stringify(head).slice(0, -'[]}'.length)}[`);
    // only live records are reported: their void fields (always null) and edit count stay out
    for await (const { voidedAt: _v, voidReason: _r, version: _ver, ...r } of iterateRecords(ctx, scope)) {
      if (signal?.aborted) throw cancelled();
      const { attachments: _count, ...fields } = r as typeof r & { attachments?: number };
      const record: RecordsJsonRecord = {
        ...fields,
        communityCode: codes.get(r.communityId) ?? '',
        disclosure: isDisclosureKind(r.kind),
        attachments: attachments.get(r.id) ?? [],
      };
      await write(`${n++ ? ',' : ''}\n${JSON.stringify(record)}`);
    }
    await write('\n]}\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}
