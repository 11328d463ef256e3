// 登记借阅: the items (found by 档号 or 题名), the borrower, unit, purpose and due date. Items the
// register may not lend (已销毁, 已移交, 移交中) are shown but cannot be picked; the core refuses them too.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { UNLENDABLE_STATUSES, type LendResult } from '../../../../shared/lending';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';

interface Values {
  recordIds: number[];
  borrower: string;
  unit?: string;
  purpose: string;
  due?: Dayjs;
}

const unlendable = (r: ArchiveRecord) => (UNLENDABLE_STATUSES as readonly string[]).includes(r.status);

export function LendModal({ open, onClose, onLent }: { open: boolean; onClose: () => void; onLent: (r: LendResult) => void }): React.JSX.Element {
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Map<number, ArchiveRecord>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const found = useApi('records.search', open && q.trim() ? { q: q.trim(), limit: 30 } : null);
  const options = [...new Map([...chosen.values(), ...(found.data?.records ?? [])].map((r) => [r.id, r])).values()].map((r) => ({
    value: r.id,
    label: `${r.archivalCode ?? '（未归档）'} ${r.title}${unlendable(r) ? `（${r.status}，不能借出）` : ''}`,
    disabled: unlendable(r),
  }));

  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('lending.lend', {
        recordIds: v.recordIds,
        borrower: v.borrower,
        purpose: v.purpose,
        unit: v.unit ?? '',
        due: v.due ? v.due.format('YYYY-MM-DD') : undefined,
      });
      form.resetFields();
      setChosen(new Map());
      onLent(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="登记借阅" okText="登记借出" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="lend-form">
        <Form.Item name="recordIds" label="借阅的档案" rules={[{ required: true, message: '请选择要借阅的档案' }]} extra="输入档号或题名查找；可选多件">
          <Select
            mode="multiple"
            aria-label="借阅的档案"
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder="输入档号或题名"
            notFoundContent={q ? (found.loading ? '查找中……' : '没有找到') : '输入档号或题名查找'}
            options={options}
            onChange={(ids: number[]) => {
              const all = new Map([...chosen, ...(found.data?.records ?? []).map((r): [number, ArchiveRecord] => [r.id, r])]);
              setChosen(new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as [number, ArchiveRecord]] : []))));
            }}
          />
        </Form.Item>
        <Form.Item name="borrower" label="借阅人" rules={[{ required: true, whitespace: true, message: '请填写借阅人' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unit" label="借阅单位">
          <Input maxLength={100} placeholder="如：区审计局" />
        </Form.Item>
        <Form.Item name="purpose" label="借阅目的" rules={[{ required: true, whitespace: true, message: '请填写借阅目的' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如：审计核对 2025 年财务凭证" />
        </Form.Item>
        <Form.Item name="due" label="应还日期" extra="不填则不设归还期限">
          <DatePicker aria-label="应还日期" style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
