// The append-only, hash-chained audit log. Always called inside the transaction of the change.
import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ArchiveContext } from '../context';
import type { DB } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
  source?: string | null;
}

export interface AuditRowInput {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  source: string | null;
}

export type AuditFields = [AuditRowInput['at'], string, string, string, number | null, string | null, string | null, string | null];

/**
 * sha256 of the previous hash, a newline and the entry's fields as a JSON array. Self-contained (crypto's
 * `hash` comes in as an argument) because the audit-chain check's worker thread runs its source text.
 */
export const chainHashWith = (sha: typeof hash, prevHash: string, fields: AuditFields): string =>
  sha('sha256', `${prevHash}\n${JSON.stringify(fields)}`);

export function chainHash(prevHash: string, fields: AuditFields): string {
  return chainHashWith(hash, prevHash, fields);
}

export function entryHash(prevHash: string, row: AuditRowInput): string {
  return chainHash(prevHash, [row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, row.source]);
}

function toRow(ctx: ArchiveContext, at: string, e: AuditInput): AuditRowInput {
  return {
    at,
    actor: ctx.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    source: e.source ?? null,
  };
}

export async function lastHash(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash ?? GENESIS_HASH;
}

/** Appends entries in order; `db` must be the transaction of the change they describe. */
export async function appendAudit(ctx: ArchiveContext, db: Kysely<DB>, entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  let prev = await lastHash(db);
  const at = ctx.clock.now().toISOString();
  const rows = entries.map((e) => {
    const row = toRow(ctx, at, e);
    const hash = entryHash(prev, row);
    const full = { ...row, prev_hash: prev, hash };
    prev = hash;
    return full;
  });
  // Chunked so a bulk import stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 2000)).execute();
  }
}
