// The records list: antd's virtual table over one server page (up to 1,000 rows), paged by records.search.
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { memo } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { RECORD_LABELS as L } from '../../../../shared/labels';
import { EmptyState } from '../../components/EmptyState';
import { AffairTag, RecordStatusTag } from '../../components/StatusTags';
import { formatDate } from '../../format';
import { useViewportHeight } from '../../hooks/useViewportHeight';

const columns: TableColumnsType<ArchiveRecord> = [
  { title: L.archivalCode, dataIndex: 'archivalCode', width: 210, render: (v: string | null) => v ?? <span style={{ color: '#999' }}>未归档</span> },
  { title: L.title, dataIndex: 'title', ellipsis: true },
  { title: L.community, dataIndex: 'community', width: 120, ellipsis: true },
  { title: L.affair, dataIndex: 'affair', width: 72, render: (v: string) => <AffairTag affair={v} /> },
  { title: L.kind, dataIndex: 'kind', width: 170, ellipsis: true },
  { title: L.date, dataIndex: 'date', width: 110, render: formatDate },
  { title: L.retention, dataIndex: 'retention', width: 96 },
  { title: L.status, dataIndex: 'status', width: 86, render: (v: ArchiveRecord['status'], r) => <RecordStatusTag status={v} voided={!!r.voidedAt} /> },
  { title: <PaperClipOutlined aria-label={L.attachments} />, dataIndex: 'attachments', width: 56, align: 'right' },
];

export const RecordTable = memo(function RecordTable(props: {
  loading: boolean;
  data: { total: number; records: ArchiveRecord[] } | undefined;
  page: number;
  pageSize: number;
  filtered: boolean;
  onPage: (page: number, size: number) => void;
  onOpen: (id: number) => void;
  onCreate: () => void;
}): React.JSX.Element {
  const { data } = props;
  // header, filters and pagination take about 290px
  const height = Math.max(240, useViewportHeight() - 290);
  return (
    <Table<ArchiveRecord>
      data-testid="records-table"
      virtual
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={data?.records ?? []}
      loading={props.loading}
      scroll={{ x: 1100, y: height }}
      onRow={(r) => ({ onClick: () => props.onOpen(r.id), style: { cursor: 'pointer' } })}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [50, 100, 500, 1000],
        showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 件`,
        onChange: props.onPage,
      }}
      locale={{
        // nothing to say until the first answer arrives
        emptyText: props.loading ? (
          <div style={{ height: 120 }} />
        ) : props.filtered ? (
          <EmptyState title="没有符合条件的档案" hint="请放宽筛选条件，或清空搜索词再试。" />
        ) : (
          <EmptyState
            title="还没有档案"
            hint="可以在“数据导入”页导入社区报送的工作簿，或点击下面的按钮逐件登记。"
            action={<Button type="primary" onClick={props.onCreate}>新建档案</Button>}
          />
        ),
      }}
    />
  );
});
