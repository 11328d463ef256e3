// records.json: the year's records with their attachments' digests, for aggregation upward.
// Versioned: a reader checks `schema` before anything else.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { cancelled } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { iterateRecords, scopedRecords } from './records';
import type { ReportScope } from './scope';

export const RECORDS_SCHEMA = 'sanwu.records/1';

interface AttachmentDigest {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
}

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

/** Writes records.json; returns the number of records. */
export async function writeRecordsJson(ctx: ArchiveContext, file: string, scope: ReportScope, signal?: AbortSignal): Promise<number> {
  const attachments = await attachmentsOf(ctx, scope);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const head = { schema: RECORDS_SCHEMA, office: scope.office, year: scope.year, generatedAt: ctx.clock.now().toISOString(), communities: scope.communities.map((c) => ({ code: c.code, name: c.name })) };
  let n = 0;
  try {
    await write(`${JSON.stringify(head).slice(0, -1)},"records":[`);
    // only live records are reported: their void fields (always null) stay out
    for (const { voidedAt: _v, voidReason: _r, ...r } of iterateRecords(ctx, scope)) {
      if (signal?.aborted) throw cancelled();
      await write(`${n++ ? ',' : ''}\n${JSON.stringify({ ...r, attachments: attachments.get(r.id) ?? [] })}`);
    }
    await write('\n]}\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}
