// Writing an import plan in ONE transaction: communities, roster, records with their attachments,
// each audited with its source row. A dry run takes the same path and rolls back at the end.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import { communityInputSchema } from '../../../shared/schemas';
import { readHead, stageFile, type StagedAttachment, linkAttachments } from '../attachments/repository';
import { MEDIA_TYPES, sniffFormat } from '../attachments/sniff';
import { hashFile, type PlacedJournal } from '../attachments/store';
import { toCommunity, upsertCommunity } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { placingFiles } from '../recovery';
import type { DB } from '../db/schema';
import { insertRecords, loadRecordRules } from '../records/repository';
import { insertRoster } from '../roster/repository';
import type { AttachmentRef } from './attachment-paths';
import type { CommunityDraft } from './community-rows';
import type { ImportPlan } from './plan';

export interface WriteCounts {
  records: number;
  communities: number;
  roster: number;
  attachments: number;
  duplicates: number;
}

export interface WriteOptions extends LongTaskOptions {
  dryRun?: boolean;
}

/** Rows per insert batch: small enough to keep a 100,000-row import's memory flat. */
const CHUNK = 500;

class DryRunRollback extends Error {}

const PROFILE_FIELDS = ['code', 'name', 'type', 'households', 'population', 'areaKm2', 'residentUnits', 'stationArea', 'weeklyHours'] as const;

/** Creates new communities and updates changed ones; an unchanged row writes nothing. */
async function writeCommunities(ctx: ArchiveContext, trx: Kysely<DB>, drafts: CommunityDraft[]): Promise<number> {
  let written = 0;
  for (const d of drafts) {
    const row = await trx.selectFrom('communities').selectAll().where('code', '=', d.input.code).executeTakeFirst();
    const input = communityInputSchema.parse(d.input);
    if (row) {
      const current = toCommunity(row);
      if (PROFILE_FIELDS.every((f) => (current[f] ?? null) === (input[f] ?? null))) continue;
    }
    await upsertCommunity(ctx, trx, input, d.source);
    written++;
  }
  return written;
}

/** Hashes a file without storing it: what a dry run links. */
async function inspectFile(ref: AttachmentRef): Promise<StagedAttachment> {
  return {
    sha256: await hashFile(ref.path),
    size: statSync(ref.path).size,
    originalName: basename(ref.written),
    mediaType: MEDIA_TYPES[sniffFormat(readHead(ref.path))],
  };
}

/**
 * Takes the items off the list chunk by chunk, so written drafts can be freed while the rest goes in;
 * yields to the event loop between chunks, so other calls are answered while a long import writes.
 */
async function inChunks<T>(items: T[], fn: (chunk: T[]) => Promise<void>): Promise<void> {
  while (items.length > 0) {
    await fn(items.splice(0, CHUNK));
    await new Promise((r) => setImmediate(r));
  }
}

/** Writes (and empties) the plan. */
export async function writePlan(ctx: ArchiveContext, plan: ImportPlan, opts: WriteOptions = {}): Promise<WriteCounts> {
  const counts: WriteCounts = { records: 0, communities: 0, roster: 0, attachments: 0, duplicates: 0 };
  const total = plan.communities.length + plan.roster.length + plan.records.length;
  let done = 0;
  const advance = (n: number) => {
    if (opts.signal?.aborted) throw cancelled();
    done += n;
    opts.onProgress?.({ phase: '写入', done, total });
  };
  // Staged after validation, inside the transaction.
  const staged = new Map<string, Promise<StagedAttachment>>();
  let journal: PlacedJournal | undefined;
  const stage = (ref: AttachmentRef, trx: Kysely<DB>) => {
    let s = staged.get(ref.path);
    if (!s) {
      s = opts.dryRun ? inspectFile(ref) : stageFile(ctx, ref.path, basename(ref.written), { journal, trx });
      staged.set(ref.path, s);
    }
    return s;
  };

  const run = async (trx: Kysely<DB>) => {
    counts.communities = await writeCommunities(ctx, trx, plan.communities);
    advance(plan.communities.length);
    const idOf = new Map((await trx.selectFrom('communities').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));

    await inChunks(plan.roster, async (chunk) => {
      const r = await insertRoster(ctx, trx, chunk.map((d) => ({ ...d.input, communityId: idOf.get(d.communityName)! })));
      counts.roster += r.inserted;
      counts.duplicates += r.duplicates;
      advance(chunk.length);
    });

    const rules = await loadRecordRules(trx);
    const seen = new Set<string>();
    await inChunks(plan.records, async (chunk) => {
      const fingerprints = chunk.map((d) => d.fingerprint);
      const existing = await trx.selectFrom('records').select('fingerprint').where('fingerprint', 'in', fingerprints).execute();
      for (const e of existing) seen.add(e.fingerprint!);
      const fresh = chunk.filter((d) => {
        if (seen.has(d.fingerprint)) return false;
        seen.add(d.fingerprint);
        return true;
      });
      counts.duplicates += chunk.length - fresh.length;
      const { ids } = await insertRecords(ctx, trx, fresh.map((d) => ({ ...d.input, communityId: idOf.get(d.communityName)! })), rules);
      counts.records += ids.length;
      for (const [i, d] of fresh.entries()) {
        if (d.attachments.length === 0) continue;
        const files = await Promise.all(d.attachments.map((ref) => stage(ref, trx)));
        counts.attachments += (await linkAttachments(ctx, trx, ids[i]!, files, d.source)).length;
      }
      advance(chunk.length);
    });
    if (opts.dryRun) throw new DryRunRollback();
  };

  try {
    // Files go into the store inside the transaction, under a journal: a failed or killed import takes
    // out again those no committed row references (recovery.ts).
    await placingFiles(ctx, (j) => {
      journal = j;
      return ctx.write.transaction(run, opts);
    });
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return counts;
}
