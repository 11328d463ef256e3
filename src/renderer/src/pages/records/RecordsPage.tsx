// 档案管理: filters and sort in the URL, a server-paged keyboard grid, rows picked for batch work,
// 导出/打印 of the list, the record drawer, create/edit (Alt+N) and 归档.
import { PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { describeRecordQuery, RECORD_LIST_COLUMNS, recordListRow } from '../../../../shared/record-list';
import { SanwuError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { DataGridHandle } from '../../components/grid/DataGrid';
import type { GridSort } from '../../components/grid/types';
import { useRowSelection } from '../../components/grid/useRowSelection';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { useArchiveChanges } from '../../hooks/useArchiveChanges';
import { useCan } from '../../hooks/useAuth';
import { useFillHeight } from '../../hooks/useFillHeight';
import { navigate } from '../../hooks/useHashRoute';
import { useLongTask } from '../../hooks/useLongTask';
import { SHORTCUT_KEYS, useShortcut } from '../../hooks/useShortcuts';
import type { BatchScope } from './batch/actions';
import { selectedRecords } from './batch/selected';
import { FilingModal, ProgressModal, RecordDrawer, RecordForm } from './deferred-dialogs';
import { filterParams, filtersFromParams, toQuery, withoutOrder, type RecordFilters } from './filters';
import { RecordBatchBar } from './RecordBatchBar';
import { RecordFilterBar } from './RecordFilterBar';
import { RecordsEmpty } from './RecordsEmpty';
import { RecordTable } from './RecordTable';

/** Rows one print takes (more: export to Excel and print from there). */
const MAX_PRINT_ROWS = 1000;

export function RecordsPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const { communities } = useArchive();
  const can = useCan();
  // stable while only the open record changes, so the filter bar and table (memoised) skip re-rendering
  const filterKey = JSON.stringify(filtersFromParams(params));
  const filters = useMemo(() => JSON.parse(filterKey) as RecordFilters, [filterKey]);
  const scopeKey = JSON.stringify(withoutOrder(filters));
  const openId = Number(params.get('id')) || null;
  // the page number belongs to one set of filters and one order: new ones start at page 1
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const [pageSize, setPageSize] = useState(100);
  const [creating, setCreating] = useState(false);
  const [filing, setFiling] = useState(false);
  const grid = useRef<DataGridHandle>(null);
  const gridBox = useRef<HTMLDivElement>(null);
  // the pagination and the content's bottom padding lie below the grid
  const height = useFillHeight(gridBox, 72);

  const query = toQuery(filters, page, pageSize);
  const result = useApi('records.search', query);
  const selection = useRowSelection<ArchiveRecord>(scopeKey);
  const exportTask = useLongTask('records.export');
  // another clerk's change (or this one's in another window) refreshes the list and the open record
  const [changes, setChanges] = useState(0);
  const reloadList = result.reload;
  useArchiveChanges(
    useCallback(() => {
      reloadList();
      setChanges((n) => n + 1);
    }, [reloadList]),
  );

  const setFilters = useCallback((next: RecordFilters) => navigate('/records', filterParams(next)), []);
  const openRecord = useCallback((id: number | null) => navigate('/records', { ...filterParams(filters), id: id ?? undefined }), [filters]);
  const onOpen = useCallback((r: ArchiveRecord) => openRecord(r.id), [openRecord]);
  const onSort = useCallback((s: GridSort | null) => setFilters({ ...filters, sort: s?.key as RecordFilters['sort'], order: s?.order === 'desc' ? 'desc' : undefined }), [filters, setFilters]);
  const sort = useMemo<GridSort | null>(() => (filters.sort ? { key: filters.sort, order: filters.order ?? 'asc' } : null), [filters.sort, filters.order]);
  const onPage = useCallback(
    (p: number, size: number) => {
      setPaging({ filterKey, page: size === pageSize ? p : 1 });
      setPageSize(size);
    },
    [filterKey, pageSize],
  );
  const startCreating = useCallback(() => setCreating(true), []);
  useShortcut('new-record', can('records.create') ? startCreating : null);

  const { limit: _limit, offset: _offset, ...listQuery } = query;
  const total = result.data?.total ?? 0;
  const scope: BatchScope = { selection, query: listQuery, total };
  const picked = selection.count(total) > 0;
  const community = filters.communityId ? communities.find((c) => c.id === filters.communityId)?.name : undefined;
  const described = describeRecordQuery(listQuery, community);

  const filtered = scopeKey !== '{}';
  const creatable = can('records.create');
  const clear = useCallback(() => setFilters({}), [setFilters]);
  // a stable element: a new one each render would re-render the memoised table
  const empty = useMemo(() => <RecordsEmpty filtered={filtered} onCreate={creatable ? startCreating : undefined} onClear={clear} />, [filtered, creatable, startCreating, clear]);

  const shown = async (): Promise<ShownList> => {
    const rows = picked ? await selectedRecords(scope) : (result.data?.records ?? []);
    if (rows.length > MAX_PRINT_ROWS) throw new SanwuError('INVALID_INPUT', `一次最多打印 ${MAX_PRINT_ROWS} 行，所选有 ${rows.length} 件。请缩小范围，或导出 Excel 后打印。`);
    const what = picked ? `所选 ${rows.length} 件` : `共 ${total} 件，本页第 ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + rows.length} 件`;
    return { title: '档案清单', note: `${described}，${what}`, columns: RECORD_LIST_COLUMNS, rows: rows.map(recordListRow) };
  };
  const exportFile = async () => {
    if (picked && !selection.allMatching) return exportTask.run({ ...listQuery, ids: [...selection.picked.keys()] as number[] });
    return exportTask.run(listQuery);
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <RecordFilterBar value={filters} onChange={setFilters} />
        <Space>
          {can('filing.run') && (
            <Button icon={<SnippetsOutlined />} onClick={() => setFiling(true)}>
              归档
            </Button>
          )}
          {can('records.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={startCreating} aria-keyshortcuts={SHORTCUT_KEYS['new-record']} title={`快捷键：${SHORTCUT_KEYS['new-record']}`}>
              新建档案
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={result.error ?? exportTask.error} />
      <RecordBatchBar
        scope={scope}
        pageSize={pageSize}
        onDone={result.reload}
        extra={<ListActions list={shown} exportFile={exportFile} disabled={total === 0} exportLabel={picked ? '导出所选' : '导出 Excel'} printLabel={picked ? '打印所选' : '打印'} />}
      />
      <div ref={gridBox}>
        <RecordTable
          ref={grid}
          loading={result.loading}
          data={result.data}
          page={page}
          pageSize={pageSize}
          height={height}
          sort={sort}
          selection={selection}
          listKey={`${filterKey}#${page}#${pageSize}`}
          empty={empty}
          onSort={onSort}
          onPage={onPage}
          onOpen={onOpen}
        />
      </div>
      <RecordDrawer
        id={openId}
        changes={changes}
        onClose={() => {
          openRecord(null);
          // back to the row it was opened from
          setTimeout(() => grid.current?.focus(), 0);
        }}
        onChanged={result.reload}
      />
      <RecordForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(record) => {
          setCreating(false);
          result.reload();
          navigate('/records', { ...filterParams(filters), id: record.id });
        }}
      />
      <FilingModal open={filing} defaultYear={filters.year} onClose={() => setFiling(false)} onFiled={result.reload} />
      <ProgressModal open={exportTask.running} title="正在导出档案清单" progress={exportTask.progress} onCancel={exportTask.cancel} />
    </>
  );
}
