// A row's recorded state (audit-log/states.ts) built by PostgreSQL, as the very text SQLite's
// json_object('v', v, 'row', json_array(…)) writes (db/sqlite/states.ts): sanwu_json renders each value
// the way SQLite's JSON does (migration 0001), so the audit log and `check` agree across engines.
import { STATES, stateVersion, type StateEntity } from '../../audit-log/states';

/** SQL for the state of `entity`'s row (columns of `alias` when given) in version `v`. */
export function stateSqlPostgres(entity: StateEntity, alias?: string, v = stateVersion(entity)): string {
  const columns = STATES[entity].versions[v - 1]!;
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  return `('{"v":${v},"row":[' || ${columns.map((c) => `sanwu_json(${col(c)})`).join(` || ',' || `)} || ']}')`;
}
