// 利用: every view of a stored file in the app (who, which item, when), logged without holding the view
// up. The transports note a view as they serve the file; the notes are written shortly after, a burst
// in one transaction, each row with its audit entry (the viewer as the actor), so check reconciles the
// log like any other register.
import { viewQuerySchema, type ViewList, type ViewQuery } from '../../../shared/lending';
import { appendAudit, type AuditInput } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Trx } from '../db/handles';
import { yearBounds } from './year-bounds';

export interface ViewNote {
  viewer: string;
  attachmentId: number;
  /** when the file was served (ISO time) */
  at: string;
}

/** the most rows one transaction takes */
const BATCH = 500;

async function writeViews(ctx: ArchiveContext, notes: ViewNote[]): Promise<number> {
  return ctx.write.transaction(async (trx: Trx) => {
    const ids = [...new Set(notes.map((n) => n.attachmentId))];
    const owners = new Map(
      (await trx.selectFrom('attachments').select(['id', 'record_id']).where('id', 'in', ids).execute()).map((a) => [a.id, a.record_id]),
    );
    const rows = notes.flatMap((n) => {
      const recordId = owners.get(n.attachmentId);
      return recordId === undefined ? [] : [{ attachment_id: n.attachmentId, record_id: recordId, viewer: n.viewer, viewed_at: n.at }];
    });
    if (rows.length === 0) return 0;
    // one statement for the batch; its new ids run in insertion order
    const inserted = (await trx.insertInto('file_views').values(rows).returning(['id', 'viewer', stateColumn(trx, 'file_view').as('state')]).execute()).sort((x, y) => x.id - y.id);
    const byViewer = new Map<string, AuditInput[]>();
    for (const row of inserted) {
      const entries = byViewer.get(row.viewer) ?? [];
      entries.push({ action: 'view', entity: 'file_view', entityId: row.id, afterJson: row.state });
      byViewer.set(row.viewer, entries);
    }
    // each entry names the viewer as its actor
    for (const [viewer, entries] of byViewer) await appendAudit({ ...ctx, actor: viewer }, trx, entries);
    return inserted.length;
  });
}

/**
 * The views a transport serves, written in batches: `note` returns at once (the file is served
 * meanwhile) and the notes of the next second are written together, so a commit's fsync — which holds
 * the process while it lasts — comes at most about once a second however many files are viewed;
 * `flush` writes what is pending at once and waits (before the archive closes). A crash loses at most
 * the views of that last second, never half of one: each batch is one transaction with its audit entries.
 */
export class ViewLog {
  readonly #ctx: ArchiveContext;
  readonly #delayMs: number;
  #pending: ViewNote[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #draining: Promise<void> | null = null;

  constructor(ctx: ArchiveContext, delayMs = 1000) {
    this.#ctx = ctx;
    this.#delayMs = delayMs;
  }

  note(viewer: string, attachmentId: number): void {
    this.#pending.push({ viewer, attachmentId, at: nowIso(this.#ctx) });
    if (this.#timer || this.#draining) return;
    this.#timer = setTimeout(() => void this.#start(), this.#delayMs);
    this.#timer.unref?.();
  }

  #start(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#draining ??= this.#drain();
    return this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, BATCH);
      try {
        await writeViews(this.#ctx, batch);
      } catch (e) {
        this.#ctx.log.warn(`${batch.length} 条利用记录未能写入：${(e as Error).message}`);
      }
    }
    this.#draining = null;
  }

  async flush(): Promise<void> {
    while (this.#pending.length > 0 || this.#draining) await this.#start();
  }
}

export async function listViews(ctx: ArchiveContext, query: ViewQuery = {}): Promise<ViewList> {
  const q = viewQuerySchema.parse(query);
  let base = ctx.db
    .selectFrom('file_views as v')
    .innerJoin('records as r', 'r.id', 'v.record_id')
    .innerJoin('attachments as a', 'a.id', 'v.attachment_id');
  if (q.year !== undefined) {
    const [from, to] = yearBounds(q.year);
    base = base.where('v.viewed_at', '>=', from).where('v.viewed_at', '<', to);
  }
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['v.id', 'v.viewer', 'v.viewed_at', 'v.record_id', 'r.archival_code', 'r.title', 'v.attachment_id', 'a.original_name'])
      .orderBy('v.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return {
    total: Number(n),
    views: rows.map((r) => ({
      id: r.id,
      viewer: r.viewer,
      viewedAt: r.viewed_at,
      recordId: r.record_id,
      archivalCode: r.archival_code,
      title: r.title,
      attachmentId: r.attachment_id,
      fileName: r.original_name,
    })),
  };
}
