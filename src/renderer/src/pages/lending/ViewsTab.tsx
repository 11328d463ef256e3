// 利用记录: every file viewed in the app — who, which item, when — newest first.
import { Space, Table } from 'antd';
import { useState } from 'react';
import type { FileView } from '../../../../shared/lending';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWorkingYear, YearSelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';

const PAGE = 50;
const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function ViewsTab(): React.JSX.Element {
  const working = useWorkingYear();
  const [chosen, setYear] = useState<number | undefined>();
  const year = chosen ?? working;
  const [page, setPage] = useState(1);
  const views = useApi('lending.views', year ? { year, limit: PAGE, offset: (page - 1) * PAGE } : null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <YearSelect
        value={year}
        onChange={(y) => {
          setPage(1);
          setYear(y);
        }}
      />
      <ErrorAlert error={views.error} />
      <Table<FileView>
        rowKey="id"
        size="middle"
        loading={views.loading}
        dataSource={views.data?.views ?? []}
        locale={{ emptyText: '这一年还没有人在本软件中查看过电子文件' }}
        pagination={{ current: page, pageSize: PAGE, total: views.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 次` }}
        columns={[
          { title: '查看时间', key: 'at', width: 180, render: (_, v) => localTime(v.viewedAt) },
          { title: '查看人', dataIndex: 'viewer', width: 120 },
          { title: '档号', key: 'code', width: 220, render: (_, v) => v.archivalCode ?? `记录 ${v.recordId}（未归档）` },
          { title: '题名', dataIndex: 'title', ellipsis: true },
          { title: '文件', dataIndex: 'fileName', width: 200, ellipsis: true },
        ]}
      />
    </Space>
  );
}
