// 导出 of the records list: every match of the page's filters, in its sort order, as the list's .xlsx
// (reports/xlsx/list.ts), read page by page so memory stays flat whatever the count.
import type { DownloadFile } from '../../../shared/api';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled } from '../../../shared/errors';
import type { ListCell } from '../../../shared/lists';
import { describeRecordQuery, RECORD_LIST_COLUMNS, recordListRow } from '../../../shared/record-list';
import type { RecordQuery } from '../../../shared/schemas';
import type { ArchiveContext } from '../context';
import { listWorkbook } from '../reports/xlsx/list';
import { searchRecords } from './search';

const PAGE = 2000;

export async function exportRecords(ctx: ArchiveContext, query: Omit<RecordQuery, 'limit' | 'offset'>, opts: LongTaskOptions = {}): Promise<DownloadFile> {
  const first = await searchRecords(ctx, { ...query, limit: PAGE, offset: 0 });
  const community = query.communityId ? (await ctx.db.selectFrom('communities').select('name').where('id', '=', query.communityId).executeTakeFirst())?.name : undefined;
  async function* pages(): AsyncGenerator<ListCell[][]> {
    let page = first.records;
    for (let offset = 0; page.length > 0; ) {
      yield page.map(recordListRow);
      offset += page.length;
      opts.onProgress?.({ phase: 'export', done: offset, total: first.total });
      if (offset >= first.total) break;
      if (opts.signal?.aborted) throw cancelled();
      page = (await searchRecords(ctx, { ...query, limit: PAGE, offset })).records;
    }
  }
  const note = `${describeRecordQuery(query, community)}　共 ${first.total} 件`;
  return listWorkbook(ctx, { title: '档案清单', note, columns: RECORD_LIST_COLUMNS }, pages(), opts.signal);
}
