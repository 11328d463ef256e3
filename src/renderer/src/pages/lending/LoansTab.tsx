// The lending register: loans by state (在借, 逾期, 已还) and text, registering a loan and a return.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Loan } from '../../../../shared/lending';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { navigate } from '../../hooks/useHashRoute';
import { LendModal } from './LendModal';

type State = 'all' | 'open' | 'overdue' | 'returned';
const STATES: { value: State; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '在借' },
  { value: 'overdue', label: '逾期' },
  { value: 'returned', label: '已还' },
];
const PAGE = 20;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function LoansTab({ params }: { params: URLSearchParams }): React.JSX.Element {
  const { message } = App.useApp();
  const can = useCan();
  const state = (STATES.find((s) => s.value === params.get('state'))?.value ?? 'all') as State;
  const q = params.get('q') ?? '';
  const [page, setPage] = useState(1);
  const [lending, setLending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loans = useApi('lending.list', { state, q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const go = (next: Record<string, string | undefined>) => {
    setPage(1);
    navigate('/lending', { state: state === 'all' ? undefined : state, q: q || undefined, ...next });
  };

  const giveBack = async (loan: Loan): Promise<void> => {
    setError(null);
    try {
      await api.call('lending.return', { loan: loan.id });
      message.success(`借阅单 ${loan.id} 已登记归还`);
      loans.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<State> aria-label="借阅状态" options={STATES} value={state} onChange={(v) => go({ state: v === 'all' ? undefined : v })} />
        <Input.Search aria-label="查找借阅" placeholder="借阅人、单位、目的、档号或题名" allowClear defaultValue={q} style={{ width: 300 }} onSearch={(v) => go({ q: v.trim() || undefined })} />
        {can('lending.lend') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLending(true)}>
            登记借阅
          </Button>
        )}
      </Space>
      <ErrorAlert error={error ?? loans.error} />
      <Table<Loan>
        rowKey="id"
        size="middle"
        loading={loans.loading}
        dataSource={loans.data?.loans ?? []}
        locale={{ emptyText: state === 'overdue' ? '没有逾期未还的借阅' : '还没有借阅登记' }}
        pagination={{ current: page, pageSize: PAGE, total: loans.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 笔` }}
        expandable={{
          expandedRowRender: (loan) => (
            <ul style={{ margin: 0 }}>
              {loan.items.map((i) => (
                <li key={i.id}>
                  {i.archivalCode ?? `记录 ${i.id}（未归档）`}　{i.community}　{i.title}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '借阅单号', dataIndex: 'id', width: 90 },
          { title: '借阅人', dataIndex: 'borrower', width: 110 },
          { title: '借阅单位', dataIndex: 'unit', width: 140 },
          { title: '借阅目的', dataIndex: 'purpose', ellipsis: true },
          {
            title: '档案',
            key: 'items',
            width: 220,
            render: (_, loan) => (
              <Typography.Text ellipsis={{ tooltip: loan.items.map((i) => i.archivalCode ?? i.title).join('、') }} style={{ maxWidth: 200 }}>
                {loan.items.length} 件：{loan.items.map((i) => i.archivalCode ?? i.title).join('、')}
              </Typography.Text>
            ),
          },
          { title: '借出日期', key: 'lentAt', width: 110, render: (_, loan) => localDay(loan.lentAt) },
          {
            title: '应还日期',
            key: 'due',
            width: 140,
            render: (_, loan) => (
              <Space size={4}>
                {day(loan.due) || '—'}
                {loan.overdue && <Tag color="red">逾期</Tag>}
              </Space>
            ),
          },
          {
            title: '归还',
            key: 'return',
            width: 150,
            render: (_, loan) =>
              loan.returnedAt ? (
                <span>
                  {localDay(loan.returnedAt)} 已还
                </span>
              ) : can('lending.return') ? (
                <Popconfirm title={`登记借阅单 ${loan.id} 的 ${loan.items.length} 件档案已全部归还？`} okText="登记归还" cancelText="取消" onConfirm={() => giveBack(loan)}>
                  <Button size="small">登记归还</Button>
                </Popconfirm>
              ) : (
                <Tag>在借</Tag>
              ),
          },
        ]}
      />
      <LendModal
        open={lending}
        onClose={() => setLending(false)}
        onLent={(r) => {
          setLending(false);
          message.success(`已登记借阅，借阅单号 ${r.loan}（${r.items.length} 件）`);
          loans.reload();
        }}
      />
    </Space>
  );
}
