// Reconciliation in SQL: every live row of a reconciled table against the state its latest audit entry
// records, and every audited row still there. Runs in the check's worker (source text), so the finder
// is self-contained and its SQL is built here beforehand.
import type BetterSqlite3 from 'better-sqlite3';
import { STATE_ENTITIES, STATES, type StateEntity } from '../../audit-log/states';
import { stateSql } from './states';

/** A row whose state differs from what the log records: live null = the row is gone; recorded null = never audited. */
export interface Discrepancy {
  entity: StateEntity;
  /** the row's id (null for rows keyed otherwise: filing cells) */
  id: number | null;
  live: string | null;
  recorded: string | null;
}

interface EntityQueries {
  entity: StateEntity;
  /** rows whose state is not the latest recorded one: id, live, recorded */
  changed: string;
  /** ids the log names that are no longer there */
  gone: string;
  /**
   * The quick proof that nothing is gone: the table's ids run 1…max without a hole (rows are never
   * deleted) and every id the log names lies within. Only when it fails is `gone` run.
   */
  span: string;
  /** the latest recorded state of one id */
  latest: string;
}

export interface ReconcileQueries {
  byId: EntityQueries[];
  /** composite keys (filing cells): every recorded state in order, and every live state */
  keyed: { entity: StateEntity; keyLength: number; recorded: string; live: string }[];
}

const LATEST = (entity: string, id: string) =>
  `SELECT a.after FROM audit_log a WHERE a.entity = '${entity}' AND a.entity_id = ${id} AND substr(a.after, 1, 5) = '{"v":' ORDER BY a.id DESC LIMIT 1`;

export function reconcileQueries(): ReconcileQueries {
  const queries: ReconcileQueries = { byId: [], keyed: [] };
  for (const entity of STATE_ENTITIES) {
    const { table, key } = STATES[entity];
    if (key.length > 1) {
      queries.keyed.push({
        entity,
        keyLength: key.length,
        recorded: `SELECT after FROM audit_log WHERE entity = '${entity}' AND substr(after, 1, 5) = '{"v":' ORDER BY id`,
        live: `SELECT ${stateSql(entity)} FROM ${table}`,
      });
      continue;
    }
    queries.byId.push({
      entity,
      changed: `SELECT id, live, recorded FROM (SELECT t.id AS id, ${stateSql(entity, 't')} AS live, (${LATEST(entity, 't.id')}) AS recorded FROM ${table} t) WHERE live IS NOT recorded`,
      gone: `SELECT DISTINCT a.entity_id FROM audit_log a WHERE a.entity = '${entity}' AND a.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = a.entity_id)`,
      span: `SELECT (SELECT count(*) FROM ${table}) = coalesce((SELECT max(id) FROM ${table}), 0) AND coalesce((SELECT min(id) FROM ${table}), 1) >= 1
                AND coalesce((SELECT min(entity_id) FROM audit_log WHERE entity = '${entity}'), 1) >= 1
                AND coalesce((SELECT max(entity_id) FROM audit_log WHERE entity = '${entity}'), 0) <= coalesce((SELECT max(id) FROM ${table}), 0)`,
      latest: LATEST(entity, '?'),
    });
  }
  return queries;
}

/** Self-contained (the worker runs its source). At most `limit` discrepancies per entity. */
export function findDiscrepancies(db: BetterSqlite3.Database, queries: ReconcileQueries, limit = 1000): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const e of queries.byId) {
    let n = 0;
    for (const row of db.prepare(e.changed).iterate() as IterableIterator<{ id: number; live: string; recorded: string | null }>) {
      if (n++ >= limit) break;
      out.push({ entity: e.entity, id: row.id, live: row.live, recorded: row.recorded });
    }
    if (db.prepare(e.span).pluck().get() === 1) continue;
    const latest = db.prepare(e.latest).pluck();
    for (const id of (db.prepare(e.gone).pluck().all() as number[]).slice(0, limit)) {
      out.push({ entity: e.entity, id, live: null, recorded: (latest.get(id) as string | undefined) ?? null });
    }
  }
  for (const k of queries.keyed) {
    const keyOf = (state: string) => JSON.stringify((JSON.parse(state) as { row: unknown[] }).row.slice(0, k.keyLength));
    const recorded = new Map<string, string>();
    for (const after of db.prepare(k.recorded).pluck().iterate() as IterableIterator<string>) recorded.set(keyOf(after), after);
    const live = new Map<string, string>();
    for (const state of db.prepare(k.live).pluck().iterate() as IterableIterator<string>) live.set(keyOf(state), state);
    for (const [key, state] of live) if (recorded.get(key) !== state) out.push({ entity: k.entity, id: null, live: state, recorded: recorded.get(key) ?? null });
    for (const [key, state] of recorded) if (!live.has(key)) out.push({ entity: k.entity, id: null, live: null, recorded: state });
  }
  return out;
}
