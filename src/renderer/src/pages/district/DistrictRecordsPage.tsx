// 档案 of a district: the records its street offices reported (the packages in force), across offices
// or one, by community, 类别 and text; the files a package carried can be opened.
import { Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { DistrictRecord } from '../../../../shared/district';
import { RECORD_LABELS as L } from '../../../../shared/labels';
import { AFFAIRS, type Affair } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { YearSelect } from '../../components/Pickers';
import { AffairTag } from '../../components/StatusTags';
import { formatDate, toOptions } from '../../format';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';
import { ReceivedFiles } from './ReceivedFiles';

const columns: TableColumnsType<DistrictRecord> = [
  { title: '街道办事处', dataIndex: 'office', width: 140, ellipsis: true },
  { title: L.community, dataIndex: 'community', width: 110, ellipsis: true },
  { title: L.archivalCode, dataIndex: 'archivalCode', width: 235, render: (v: string | null) => v ?? <span style={{ color: '#595959' }}>未归档</span> },
  { title: L.title, dataIndex: 'title', ellipsis: true },
  { title: L.affair, dataIndex: 'affair', width: 72, render: (v: string | null) => (v ? <AffairTag affair={v} /> : '—') },
  { title: L.kind, dataIndex: 'kind', width: 150, ellipsis: true },
  { title: L.date, dataIndex: 'date', width: 105, render: formatDate },
  { title: L.status, dataIndex: 'status', width: 72 },
  { title: '文件', width: 150, render: (_, r) => <ReceivedFiles files={r.files} /> },
];

export function DistrictRecordsPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const year = Number(params.get('year')) || undefined;
  const office = params.get('office') || undefined;
  const community = params.get('community') || undefined;
  const affair = (AFFAIRS as readonly string[]).includes(params.get('affair') ?? '') ? (params.get('affair') as Affair) : undefined;
  const q = params.get('q') || undefined;
  const filters = { year, office, community, affair, q };
  const set = (change: Partial<typeof filters>) => navigate('/records', { ...filters, ...change });
  const [paging, setPaging] = useState({ key: '', page: 1, size: 100 });
  const key = JSON.stringify(filters);
  const page = paging.key === key ? paging.page : 1;
  const offices = useApi('district.offices', {});
  const result = useApi('district.records', { ...filters, limit: paging.size, offset: (page - 1) * paging.size });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <YearSelect value={year} onChange={(y) => set({ year: y })} allowClear />
        <Select
          aria-label="街道办事处"
          placeholder="全部街道"
          allowClear
          style={{ width: 200 }}
          value={office}
          onChange={(v) => set({ office: v ?? undefined, community: undefined })}
          options={(offices.data ?? []).map((o) => ({ value: o.name, label: o.name }))}
        />
        <Input aria-label="社区" placeholder="社区名称或全宗号" allowClear style={{ width: 170 }} defaultValue={community} key={`c-${community ?? ''}`} onBlur={(e) => set({ community: e.target.value.trim() || undefined })} onPressEnter={(e) => set({ community: e.currentTarget.value.trim() || undefined })} />
        <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 100 }} value={affair} onChange={(v) => set({ affair: v ?? undefined })} options={toOptions(AFFAIRS)} />
        <Input.Search aria-label="检索" placeholder="题名、责任者、文号、档号" allowClear style={{ width: 260 }} defaultValue={q} key={`q-${q ?? ''}`} onSearch={(v) => set({ q: v.trim() || undefined })} />
      </Space>
      <ErrorAlert error={result.error ?? offices.error} />
      <Table<DistrictRecord>
        data-testid="district-records"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={result.data?.records ?? []}
        loading={result.loading}
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize: paging.size,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 500],
          showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 件`,
          onChange: (p, size) => setPaging({ key, page: size === paging.size ? p : 1, size }),
        }}
        locale={{ emptyText: '没有符合条件的报送档案。' }}
      />
    </Space>
  );
}
