// Writing an import in ONE transaction, while it is being read: rows whose 社区 the archive already
// has go in as they come; the others wait for the import's 社区概况 rows. Records, roster entries and
// attachments are each audited with their source row. The search indexes are filled set-wise as the
// rows gather and at the end (the engine's bulkRecords). A refusal, a dry run or a cancel rolls the
// whole transaction back.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import type { ImportError } from '../../../shared/import';
import { communityInputSchema } from '../../../shared/schemas';
import { stageFile, type StagedAttachment, linkAttachments } from '../attachments/repository';
import { MEDIA_TYPES, readHead, sniffFormat } from '../attachments/sniff';
import { hashFile, type PlacedJournal } from '../attachments/store';
import { toCommunity, upsertCommunity } from '../communities/repository';
import type { ArchiveContext } from '../context';
import type { BulkIndexing } from '../db';
import type { DB } from '../db/schema';
import { insertRecords, loadRecordRules, type RecordRules } from '../records/repository';
import { insertRoster } from '../roster/repository';
import type { AttachmentRef } from './attachment-paths';
import { RECORDS_SHEET, ROSTER_SHEET } from './columns';
import type { CommunityDraft } from './community-rows';
import { unknownCommunityError, type CommunityPlan } from './plan';
import type { RecordDraft } from './record-rows';
import type { RosterDraft } from './roster-rows';

export interface WriteCounts {
  records: number;
  communities: number;
  roster: number;
  attachments: number;
  duplicates: number;
}

export interface WriteOptions extends LongTaskOptions {
  dryRun?: boolean;
  /** rows written so far (progress is the caller's to word) */
  onWritten?: (rows: number) => void;
}

export type Drafts = { kind: 'records'; drafts: RecordDraft[] } | { kind: 'roster'; drafts: RosterDraft[] };

const PROFILE_FIELDS = ['code', 'name', 'type', 'households', 'population', 'areaKm2', 'residentUnits', 'stationArea', 'weeklyHours'] as const;

/** Hashes a file without storing it: what a dry run links. */
async function inspectFile(ref: AttachmentRef): Promise<StagedAttachment> {
  return {
    sha256: await hashFile(ref.path),
    size: statSync(ref.path).size,
    originalName: basename(ref.written),
    mediaType: MEDIA_TYPES[sniffFormat(readHead(ref.path))],
  };
}

export class ImportWriter {
  readonly counts: WriteCounts = { records: 0, communities: 0, roster: 0, attachments: 0, duplicates: 0 };
  /** 社区 names the rows written so far used (a rename by the import must not strand them) */
  readonly usedNames = new Set<string>();
  /** the files 附件 cells named (in a zip, those are scans, not inputs) */
  readonly referenced = new Set<string>();
  /** set once a refusal makes the import's end a rollback: reading goes on, writing stops */
  stopped = false;
  private written = 0;
  private readonly held: Drafts[] = [];
  private readonly staged = new Map<string, Promise<StagedAttachment>>();

  private constructor(
    private readonly ctx: ArchiveContext,
    private readonly trx: Kysely<DB>,
    private readonly opts: WriteOptions,
    private readonly rules: RecordRules,
    private idOf: Map<string, number>,
    private readonly indexing: BulkIndexing,
    private readonly journal: PlacedJournal,
  ) {}

  /**
   * `journal`: the files this import places in the store (taken out again if it fails, recovery.ts);
   * `indexing`: the engine's search index for the bulk insert (engine.ts bulkRecords).
   */
  static async start(ctx: ArchiveContext, trx: Kysely<DB>, opts: WriteOptions, journal: PlacedJournal, indexing: BulkIndexing): Promise<ImportWriter> {
    const existing = await trx.selectFrom('communities').select(['id', 'name']).where('retired_at', 'is', null).execute();
    return new ImportWriter(ctx, trx, opts, await loadRecordRules(trx), new Map(existing.map((c) => [c.name, c.id])), indexing, journal);
  }

  /** Rows as they are read: written now if their 社区 is in the archive, else held for the import's 社区概况. */
  async add(batch: Drafts): Promise<void> {
    for (const d of batch.drafts) if ('attachments' in d) for (const a of d.attachments) this.referenced.add(a.path);
    if (this.stopped) return;
    const ready = batch.drafts.filter((d) => this.idOf.has(d.communityName));
    const later = batch.drafts.filter((d) => !this.idOf.has(d.communityName));
    if (later.length > 0) this.held.push({ kind: batch.kind, drafts: later } as Drafts);
    if (ready.length > 0) await this.write({ kind: batch.kind, drafts: ready } as Drafts);
  }

  /**
   * All files read: writes the planned communities, then the held rows whose 社区 is now known; the
   * others become refusals (returned).
   */
  async finishCommunities(plan: CommunityPlan): Promise<ImportError[]> {
    const errors: ImportError[] = [];
    if (!this.stopped) this.counts.communities = await this.writeCommunities(plan.communities);
    this.idOf = new Map((await this.trx.selectFrom('communities').select(['id', 'name']).where('retired_at', 'is', null).execute()).map((c) => [c.name, c.id]));
    for (const batch of this.held.splice(0)) {
      const sheet = batch.kind === 'records' ? RECORDS_SHEET.name : ROSTER_SHEET.name;
      const ready = batch.drafts.filter((d) => plan.known.has(d.communityName));
      for (const d of batch.drafts) if (!plan.known.has(d.communityName)) errors.push(unknownCommunityError(d, sheet, plan.known));
      if (!this.stopped && ready.length > 0) await this.write({ kind: batch.kind, drafts: ready } as Drafts);
    }
    return errors;
  }

  /** Fills the search indexes for the rows written. */
  async finish(): Promise<WriteCounts> {
    await this.indexing.finish(async (indexed, all) => {
      this.opts.onProgress?.({ phase: '索引', done: indexed, total: all, message: `正在建立检索索引：${indexed.toLocaleString('en-US')} / ${all.toLocaleString('en-US')} 件` });
      await this.breathe();
    });
    return this.counts;
  }

  /** Lets progress out and a cancel in (the inserts themselves never leave the thread). */
  private async breathe(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    if (this.opts.signal?.aborted) throw cancelled();
  }

  private async write(batch: Drafts): Promise<void> {
    for (const d of batch.drafts) this.usedNames.add(d.communityName);
    if (batch.kind === 'roster') {
      const r = await insertRoster(this.ctx, this.trx, batch.drafts.map((d) => ({ ...d.input, communityId: this.idOf.get(d.communityName)! })));
      this.counts.roster += r.inserted;
      this.counts.duplicates += r.duplicates;
    } else {
      await this.writeRecords(batch.drafts);
    }
    this.written += batch.drafts.length;
    this.opts.onWritten?.(this.written);
    await this.breathe();
  }

  /** Rows whose fingerprint the archive (or this import) has already are skipped by the insert and counted. */
  private async writeRecords(drafts: RecordDraft[]): Promise<void> {
    const inputs = drafts.map((d) => ({ ...d.input, communityId: this.idOf.get(d.communityName)! }));
    const { ids, each, duplicates } = await insertRecords(this.ctx, this.trx, inputs, this.rules, { parsed: true });
    this.counts.records += ids.length;
    this.counts.duplicates += duplicates;
    const pairs = drafts.flatMap((d, i): [number, string][] => (d.grams === undefined || each[i] === null ? [] : [[each[i]!, d.grams]]));
    await this.indexing.added(pairs);
    for (const [i, d] of drafts.entries()) {
      const id = each[i];
      if (id === null || d.attachments.length === 0) continue;
      const files = await Promise.all(d.attachments.map((a) => this.stage(a)));
      this.counts.attachments += (await linkAttachments(this.ctx, this.trx, id!, files, d.source)).length;
    }
  }

  /** Staged inside the transaction, under the journal. A dry run only hashes. */
  private stage(ref: AttachmentRef): Promise<StagedAttachment> {
    let s = this.staged.get(ref.path);
    if (!s) {
      s = this.opts.dryRun ? inspectFile(ref) : stageFile(this.ctx, ref.path, basename(ref.written), { journal: this.journal, trx: this.trx });
      this.staged.set(ref.path, s);
    }
    return s;
  }

  /** Creates new communities and updates changed ones; an unchanged row writes nothing. */
  private async writeCommunities(drafts: CommunityDraft[]): Promise<number> {
    let written = 0;
    for (const d of drafts) {
      const row = await this.trx.selectFrom('communities').selectAll().where('code', '=', d.input.code).executeTakeFirst();
      const input = communityInputSchema.parse(d.input);
      if (row) {
        const current = toCommunity(row);
        if (PROFILE_FIELDS.every((f) => (current[f] ?? null) === (input[f] ?? null))) continue;
      }
      await upsertCommunity(this.ctx, this.trx, input, d.source);
      written++;
    }
    return written;
  }
}
