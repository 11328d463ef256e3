// Create or edit one record. 事项 options follow 类别; amounts only for 财务; Enter submits.
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import type { RecordInput } from '../../../../shared/schemas';
import { AFFAIRS, RETENTIONS, type Affair, type Retention } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunitySelect } from '../../components/Pickers';
import { DATE_FORMAT as DATE, toOptions as opts } from '../../format';
import { useArchive } from '../../hooks/useArchive';

interface FormValues {
  communityId?: number;
  affair: Affair;
  kind?: string;
  title: string;
  responsible?: string;
  docNumber?: string;
  date?: Dayjs;
  disclosureDate?: Dayjs | null;
  disclosureChannel?: string | null;
  pages?: number | null;
  retention?: Retention;
  income?: number | null;
  expense?: number | null;
  fundCategory?: string | null;
  notes?: string;
}

const day = (v: string | null | undefined): Dayjs | null => (v ? dayjs(v, DATE) : null);

function initialValues(record: ArchiveRecord | undefined): Partial<FormValues> {
  if (!record) return { affair: '党务' };
  return {
    communityId: record.communityId,
    affair: record.affair,
    kind: record.kind,
    title: record.title,
    responsible: record.responsible,
    docNumber: record.docNumber,
    date: day(record.date) ?? undefined,
    disclosureDate: day(record.disclosureDate),
    disclosureChannel: record.disclosureChannel,
    pages: record.pages,
    retention: record.retention,
    income: record.income,
    expense: record.expense,
    fundCategory: record.fundCategory,
    notes: record.notes,
  };
}

function toInput(v: FormValues): Omit<RecordInput, 'communityId'> {
  const financial = v.affair === '财务';
  return {
    affair: v.affair,
    kind: v.kind ?? '',
    title: v.title,
    responsible: v.responsible ?? '',
    docNumber: v.docNumber ?? '',
    date: v.date?.format(DATE) ?? '',
    disclosureDate: v.disclosureDate?.format(DATE) ?? null,
    disclosureChannel: v.disclosureChannel ?? null,
    pages: v.pages ?? null,
    retention: v.retention,
    income: financial ? (v.income ?? null) : null,
    expense: financial ? (v.expense ?? null) : null,
    fundCategory: financial ? (v.fundCategory ?? null) : null,
    notes: v.notes ?? '',
  };
}

export function RecordForm({ open, record, onClose, onSaved }: { open: boolean; record?: ArchiveRecord; onClose: () => void; onSaved: (r: ArchiveRecord) => void }): React.JSX.Element {
  const { vocabulary } = useArchive();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const affair = Form.useWatch('affair', form) ?? record?.affair ?? '党务';

  // The record as it was when the form opened: a refresh meanwhile (another clerk's change) neither
  // wipes what is being typed nor moves the edit onto the newer version — saving then says who changed it.
  const [openedAs, setOpenedAs] = useState<ArchiveRecord | undefined>(undefined);
  if (open && openedAs === undefined && record !== undefined) setOpenedAs(record);
  if (!open && openedAs !== undefined) setOpenedAs(undefined);
  const base = openedAs ?? record;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(base));
  }, [open, base, form]);

  const close = (): void => {
    setError(null);
    onClose();
  };

  const save = async (v: FormValues): Promise<void> => {
    setBusy(true);
    try {
      const saved = base
        ? await api.call('records.update', { id: base.id, patch: toInput(v), version: base.version })
        : await api.call('records.create', { ...toInput(v), communityId: v.communityId ?? 0 });
      message.success(base ? '已保存修改' : '已登记');
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={record ? '编辑档案' : '新建档案'}
      width={760}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<FormValues> form={form} layout="vertical" onFinish={save} requiredMark data-testid="record-form">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          {record ? (
            <Form.Item label="社区">
              <Input disabled value={record.community} />
            </Form.Item>
          ) : (
            <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
              <CommunitySelect by="id" />
            </Form.Item>
          )}
          <Form.Item name="affair" label="类别" rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={opts(AFFAIRS)} onChange={() => form.setFieldValue('kind', undefined)} />
          </Form.Item>
          <Form.Item name="kind" label="事项" rules={[{ required: true, message: '请选择事项' }]}>
            <Select aria-label="事项" showSearch={{ optionFilterProp: 'label' }} placeholder={`选择${affair}事项`} options={opts(vocabulary?.kinds[affair] ?? [])} />
          </Form.Item>
          <Form.Item name="date" label="成文日期" rules={[{ required: true, message: '请选择成文日期' }]}>
            <DatePicker format={DATE} style={{ width: '100%' }} placeholder="如 2025-03-05" />
          </Form.Item>
          <Form.Item name="title" label="题名" rules={[{ required: true, whitespace: true, message: '题名不能为空' }, { max: 500 }]} style={{ gridColumn: 'span 2' }}>
            <Input autoFocus placeholder="如：桃源社区居务监督委员会2025年3月例会记录" />
          </Form.Item>
          <Form.Item name="responsible" label="责任者">
            <Input placeholder="如：桃源社区居民委员会" />
          </Form.Item>
          <Form.Item name="docNumber" label="文号">
            <Input />
          </Form.Item>
          <Form.Item name="disclosureDate" label="公开日期">
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="disclosureChannel" label="公开形式">
            <Select allowClear options={opts(vocabulary?.disclosureChannels ?? [])} />
          </Form.Item>
          <Form.Item name="pages" label="页数">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="retention" label="保管期限" extra="不选则按保管期限表">
            <Select allowClear placeholder="按保管期限表" options={opts(RETENTIONS)} />
          </Form.Item>
          {affair === '财务' && (
            <>
              <Form.Item name="income" label="收入金额（元）">
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="expense" label="支出金额（元）">
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="fundCategory" label="资金类别">
                <Select allowClear options={opts(vocabulary?.fundCategories ?? [])} />
              </Form.Item>
            </>
          )}
          <Form.Item name="notes" label="备注" style={{ gridColumn: 'span 2' }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </div>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
