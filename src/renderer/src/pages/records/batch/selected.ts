// The records a batch action works on: the rows picked, or every match of the list's query (fetched,
// up to the limit one action takes).
import type { ArchiveRecord } from '../../../../../shared/domain';
import { SanwuError } from '../../../../../shared/errors';
import { api } from '../../../api';
import { formatCount } from '../../../format';
import type { BatchScope } from './actions';

/** The most records one batch action takes (the contract's limit for a list of ids). */
export const MAX_BATCH = 10_000;

export async function selectedRecords(scope: BatchScope): Promise<ArchiveRecord[]> {
  const { selection, query, total } = scope;
  if (!selection.allMatching) return [...selection.picked.values()];
  if (total > MAX_BATCH) {
    throw new SanwuError('INVALID_INPUT', `符合条件的档案有 ${formatCount(total)} 件，一次最多处理 ${formatCount(MAX_BATCH)} 件。请缩小筛选范围后再试。`);
  }
  return (await api.call('records.search', { ...query, limit: total, offset: 0 })).records;
}

export async function selectedIds(scope: BatchScope): Promise<number[]> {
  if (!scope.selection.allMatching) return [...scope.selection.picked.keys()] as number[];
  return (await selectedRecords(scope)).map((r) => r.id);
}
