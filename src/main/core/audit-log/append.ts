// The append-only, hash-chained audit log. Always called inside the transaction of the change.
import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db/engine';
import type { DB } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
  /** `after` already as JSON text: a row's recorded state (audit-log/states.ts) */
  afterJson?: string;
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

/** The format new entries are hashed with (the audit_log.hash_format column). */
const HASH_FORMAT = 2 as const;

/**
 * Format 1 (legacy entries): sha256 of the previous hash, a newline and the fields as a JSON array.
 * Self-contained (crypto's `hash` comes in as an argument) because the audit-chain check's worker thread
 * runs its source text.
 */
export const chainHashWith = (sha: typeof hash, prevHash: string, fields: AuditFields): string =>
  sha('sha256', `${prevHash}\n${JSON.stringify(fields)}`);

export function chainHash(prevHash: string, fields: AuditFields): string {
  return chainHashWith(hash, prevHash, fields);
}

/**
 * A value as stored: U+001C–U+001F (the field marks and the separators verify.ts reads entries apart
 * with; control characters nobody types) become U+FFFD.
 */
// oxlint-disable-next-line no-control-regex -- these control characters are exactly what is replaced
const unmarked = (value: string): string => value.replace(/[\x1c-\x1f]/g, '\ufffd');

/**
 * Format 2: sha256 of the previous hash, a newline and each field as U+001F and its text, U+001E standing
 * for NULL. Values never contain either (`unmarked`), so the fields split back one way only; and SQLite
 * builds these bytes by plain concatenation, which makes verifying a long log cheap. Self-contained
 * (crypto's `hash` comes in as an argument) because the check's worker runs its source.
 */
export const chainHashV2With = (sha: typeof hash, prevHash: string, fields: AuditFields): string =>
  sha('sha256', `${prevHash}\n${fields.map((v) => `\x1f${v === null ? '\x1e' : v}`).join('')}`);

export function entryHash(prevHash: string, row: AuditRowInput): string {
  return chainHashV2With(hash, prevHash, [row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, row.source]);
}

function toRow(ctx: Pick<ArchiveContext, 'actor'>, at: string, e: AuditInput): AuditRowInput {
  // JSON text never holds a raw control character, so only the plain strings need unmarking.
  return {
    at: unmarked(at),
    actor: unmarked(ctx.actor),
    action: unmarked(e.action),
    entity: unmarked(e.entity),
    entity_id: e.entityId ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.afterJson ?? (e.after === undefined ? null : JSON.stringify(e.after)),
    source: e.source === undefined || e.source === null ? null : unmarked(e.source),
  };
}

/** The newest entry's sequence number and hash (0 and the genesis hash for an empty log). */
async function lastEntry(db: Kysely<DB>): Promise<{ id: number; hash: string }> {
  const row = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ?? { id: 0, hash: GENESIS_HASH };
}

export async function lastHash(db: Kysely<DB>): Promise<string> {
  return (await lastEntry(db)).hash;
}

/**
 * Appends entries in order; `db` must be the transaction of the change they describe. Sequence numbers
 * follow the last one without a gap on either engine (the writer holds the write lock, so nobody else
 * appends meanwhile; a server's sequences would leave gaps behind rolled-back transactions).
 */
export async function appendAudit(ctx: Pick<ArchiveContext, 'clock' | 'actor'>, db: Kysely<DB>, entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await lastEntry(db);
  let prev = last.hash;
  const at = ctx.clock.now().toISOString();
  const rows = entries.map((e, i) => {
    const row = toRow(ctx, at, e);
    const hash = entryHash(prev, row);
    const full = { id: last.id + i + 1, ...row, prev_hash: prev, hash, hash_format: HASH_FORMAT };
    prev = hash;
    return full;
  });
  // every row built alike: its values come in the order of its keys
  await engineOf(db).insertRows(db, 'audit_log', Object.keys(rows[0]!), rows.map((r) => Object.values(r)));
}
