// A row's recorded state (audit-log/states.ts) built by SQLite itself, so the text written into the
// audit log and the text `check` builds from the live row are byte for byte the same expression.
import { STATES, stateVersion, type StateEntity } from '../../audit-log/states';

/** SQL for the state of `entity`'s row (columns of `alias` when given) in version `v`. */
export function stateSql(entity: StateEntity, alias?: string, v = stateVersion(entity)): string {
  const columns = STATES[entity].versions[v - 1]!;
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  return `json_object('v', ${v}, 'row', json_array(${columns.map(col).join(', ')}))`;
}
