// The records list: a keyboard grid (components/grid) over one server page (up to 1,000 rows), sorted
// by the server (档号, 题名, 社区, 成文日期), rows picked for batch work, paged by records.search.
import { PaperClipOutlined } from '@ant-design/icons';
import { Pagination } from 'antd';
import { forwardRef, memo, type ReactNode } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { RECORD_LABELS as L } from '../../../../shared/labels';
import { DataGrid, type DataGridHandle } from '../../components/grid/DataGrid';
import type { GridColumn, GridSort } from '../../components/grid/types';
import type { RowSelection } from '../../components/grid/useRowSelection';
import { AffairTag, RecordStatusTag } from '../../components/StatusTags';
import { formatCount, formatDate } from '../../format';

const columns: GridColumn<ArchiveRecord>[] = [
  { key: 'code', title: L.archivalCode, width: 220, sort: 'archivalCode', render: (r) => r.archivalCode ?? <span style={{ color: '#595959' }}>未归档</span> },
  { key: 'title', title: L.title, minWidth: 220, sort: 'title', ellipsis: (r) => r.title, render: (r) => r.title },
  { key: 'community', title: L.community, width: 150, sort: 'community', ellipsis: (r) => r.community, render: (r) => r.community },
  { key: 'affair', title: L.affair, width: 72, render: (r) => <AffairTag affair={r.affair} /> },
  { key: 'kind', title: L.kind, width: 170, ellipsis: (r) => r.kind, render: (r) => r.kind },
  { key: 'date', title: L.date, width: 118, sort: 'date', render: (r) => formatDate(r.date) },
  { key: 'retention', title: L.retention, width: 96, render: (r) => r.retention },
  { key: 'status', title: L.status, width: 86, render: (r) => <RecordStatusTag status={r.status} voided={!!r.voidedAt} /> },
  { key: 'attachments', title: <PaperClipOutlined />, label: L.attachments, width: 56, align: 'right', render: (r) => r.attachments },
];

const rowKey = (r: ArchiveRecord): number => r.id;

export interface RecordTableProps {
  loading: boolean;
  data: { total: number; records: ArchiveRecord[] } | undefined;
  page: number;
  pageSize: number;
  height: number;
  sort: GridSort | null;
  selection: RowSelection<ArchiveRecord>;
  /** changes when the list is another one (filters, sort, page): it then starts at its top */
  listKey: string;
  empty: ReactNode;
  onSort: (sort: GridSort | null) => void;
  onPage: (page: number, size: number) => void;
  onOpen: (record: ArchiveRecord) => void;
}

export const RecordTable = memo(
  forwardRef<DataGridHandle, RecordTableProps>(function RecordTable(props, ref): React.JSX.Element {
    const { data } = props;
    return (
      <>
        <DataGrid<ArchiveRecord>
          ref={ref}
          testId="records-table"
          label="档案列表"
          rows={data?.records ?? []}
          rowKey={rowKey}
          columns={columns}
          height={props.height}
          loading={props.loading}
          empty={props.empty}
          sort={props.sort}
          onSort={props.onSort}
          selection={props.selection}
          onOpen={props.onOpen}
          firstRowNumber={(props.page - 1) * props.pageSize + 1}
          totalRows={data?.total}
          scrollKey={props.listKey}
        />
        <Pagination
          style={{ marginTop: 12, justifyContent: 'flex-end' }}
          current={props.page}
          pageSize={props.pageSize}
          total={data?.total ?? 0}
          showSizeChanger
          pageSizeOptions={[50, 100, 500, 1000]}
          showTotal={(total) => `共 ${formatCount(total)} 件`}
          onChange={props.onPage}
        />
      </>
    );
  }),
);
