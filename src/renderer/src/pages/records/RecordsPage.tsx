// 档案管理: filters in the URL, a server-paged virtual table, the record drawer, create/edit and 归档.
import { PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useArchiveChanges } from '../../hooks/useArchiveChanges';
import { navigate } from '../../hooks/useHashRoute';
import { FilingModal } from './FilingModal';
import { filterParams, filtersFromParams, toQuery, type RecordFilters } from './filters';
import { RecordDrawer } from './RecordDrawer';
import { RecordFilterBar } from './RecordFilterBar';
import { RecordForm } from './RecordForm';
import { RecordTable } from './RecordTable';
import { useCan } from '../../hooks/useAuth';

export function RecordsPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  // stable while only the open record changes, so the filter bar and table (memoised) skip re-rendering
  const filterKey = JSON.stringify(filtersFromParams(params));
  const filters = useMemo(() => JSON.parse(filterKey) as RecordFilters, [filterKey]);
  const openId = Number(params.get('id')) || null;
  // the page number belongs to one set of filters: new filters start at page 1
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const [pageSize, setPageSize] = useState(100);
  const [creating, setCreating] = useState(false);
  const [filing, setFiling] = useState(false);

  const result = useApi('records.search', toQuery(filters, page, pageSize));
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
  const onPage = useCallback(
    (p: number, size: number) => {
      setPaging({ filterKey, page: size === pageSize ? p : 1 });
      setPageSize(size);
    },
    [filterKey, pageSize],
  );
  const startCreating = useCallback(() => setCreating(true), []);
  const can = useCan();

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
            <Button type="primary" icon={<PlusOutlined />} onClick={startCreating}>
              新建档案
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={result.error} />
      <RecordTable
        loading={result.loading}
        data={result.data}
        page={page}
        pageSize={pageSize}
        filtered={filterKey !== '{}'}
        onPage={onPage}
        onOpen={openRecord}
        onCreate={startCreating}
      />
      <RecordDrawer id={openId} changes={changes} onClose={() => openRecord(null)} onChanged={result.reload} />
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
    </>
  );
}
