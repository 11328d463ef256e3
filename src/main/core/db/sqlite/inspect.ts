// Looking at a database file before it becomes an archive (a backup being restored): ours, sound,
// and not from a newer version. Read-only; the file is left as it was.
import { SanwuError } from '../../../../shared/errors';
import { APPLICATION_ID, openForInspection } from './connection';
import { planFrom } from './migrate';
import { statementsOn } from './statements';

/** Why the file cannot be an archive (Chinese), or null when it can; an ARCHIVE_NEWER error is thrown as is. */
export function databaseFileProblem(path: string): string | null {
  let raw;
  try {
    raw = openForInspection(path, false);
  } catch (e) {
    return `其中的数据库无法读取：${(e as Error).message}`;
  }
  try {
    if (raw.pragma('application_id', { simple: true }) !== APPLICATION_ID) return '其中的数据库不是三务档案库';
    const check = raw.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return `数据库完整性检查未通过：${String(check)}`;
    planFrom(statementsOn(raw));
    return null;
  } catch (e) {
    if (e instanceof SanwuError) throw e;
    return `其中的数据库无法读取：${(e as Error).message}`;
  } finally {
    raw.close();
  }
}
