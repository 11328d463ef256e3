// Create or edit one record. 事项 options follow 类别; amounts only for 财务; Enter submits. Dates,
// pages and amounts are typed as text and read by the shared field rules (the import's rules): a
// refusal shows next to its field (scrolled into view), nothing typed is changed, and a value saved
// differently is shown. A filed record's 类别, 事项, 成文日期 and 保管期限 are shown read-only (its
// 档号 rests on them); closing a changed form asks first.
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { isoDay, parseDate } from '../../../../shared/fields/dates';
import { parseAmount, parseCount } from '../../../../shared/fields/numbers';
import { LOCKED_WHEN_FILED, MIN_PAGES, recordDateIssues } from '../../../../shared/fields/record';
import { RECORD_LABELS as L } from '../../../../shared/labels';
import type { RecordInput } from '../../../../shared/schemas';
import { AFFAIRS, RETENTIONS, type Affair, type Retention } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunitySelect } from '../../components/Pickers';
import { toPayload } from '../../errors';
import { parsedRule, parsedValue, placeIssues, savedAs } from '../../forms/fieldRules';
import { formatMoney, toOptions as opts } from '../../format';
import { useArchive } from '../../hooks/useArchive';
import { useFormGuard } from '../../hooks/useUnsaved';

interface FormValues {
  communityId?: number;
  affair: Affair;
  kind?: string;
  title: string;
  responsible?: string;
  docNumber?: string;
  date?: string;
  disclosureDate?: string;
  disclosureChannel?: string | null;
  pages?: string;
  retention?: Retention;
  income?: string;
  expense?: string;
  fundCategory?: string | null;
  notes?: string;
}

const text = (v: number | string | null | undefined): string | undefined => (v === null || v === undefined ? undefined : String(v));
const pages = (t: string) => parseCount(t, MIN_PAGES);

function initialValues(record: ArchiveRecord | undefined): Partial<FormValues> {
  if (!record) return { affair: '党务' };
  return {
    communityId: record.communityId,
    affair: record.affair,
    kind: record.kind,
    title: record.title,
    responsible: record.responsible,
    docNumber: record.docNumber,
    date: record.date,
    disclosureDate: text(record.disclosureDate),
    disclosureChannel: record.disclosureChannel,
    pages: text(record.pages),
    retention: record.retention,
    income: text(record.income),
    expense: text(record.expense),
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
    date: parsedValue(parseDate, v.date) ?? '',
    disclosureDate: parsedValue(parseDate, v.disclosureDate),
    disclosureChannel: v.disclosureChannel ?? null,
    pages: parsedValue(pages, v.pages),
    retention: v.retention,
    income: financial ? parsedValue(parseAmount, v.income) : null,
    expense: financial ? parsedValue(parseAmount, v.expense) : null,
    fundCategory: financial ? (v.fundCategory ?? null) : null,
    notes: v.notes ?? '',
  };
}

/** 成文日期 → date …: where a refusal naming a field belongs. */
const FIELD_OF: Record<string, string> = Object.fromEntries(Object.entries(L).map(([field, label]) => [label, field]));

const today = (): string => isoDay(new Date());

const dateRule = parsedRule(parseDate, (date) => recordDateIssues({ date }, today())[0]?.message ?? null);
const disclosureRule = parsedRule(parseDate, (disclosureDate, form) => {
  const date = parsedValue(parseDate, form.getFieldValue('date')) ?? disclosureDate;
  return recordDateIssues({ date, disclosureDate }, today()).find((i) => i.field === 'disclosureDate')?.message ?? null;
});

export function RecordForm({ open, record, onClose, onSaved }: { open: boolean; record?: ArchiveRecord; onClose: () => void; onSaved: (r: ArchiveRecord) => void }): React.JSX.Element {
  const { vocabulary } = useArchive();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const affair = Form.useWatch('affair', form) ?? record?.affair ?? '党务';
  const typed = Form.useWatch([], form) ?? {};
  const errorBox = useRef<HTMLDivElement>(null);
  const filed = !!record?.archivalCode;
  const locked = (field: (typeof LOCKED_WHEN_FILED)[number]) => filed && LOCKED_WHEN_FILED.includes(field);
  const lockedHint = filed ? '已归档，不能修改（档号依据它编定）' : undefined;

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
  const guardedClose = useFormGuard(form, open, close);

  const save = async (v: FormValues): Promise<void> => {
    setBusy(true);
    try {
      const saved = base
        ? await api.call('records.update', { id: base.id, patch: toInput(v), version: base.version })
        : await api.call('records.create', { ...toInput(v), communityId: v.communityId ?? 0 });
      setError(null);
      message.success(base ? '已保存修改' : '已登记');
      onSaved(saved);
    } catch (e) {
      const payload = toPayload(e);
      const left = placeIssues(form, payload.issues, FIELD_OF);
      setError(left.length === payload.issues.length ? e : left.length > 0 ? { ...payload, issues: left } : null);
      // the refusal where the clerk can see it: next to its field, else the message at the top
      const placed = payload.issues.find((i) => i.column && FIELD_OF[i.column]);
      if (placed) form.scrollToField(FIELD_OF[placed.column!]!, { block: 'center', behavior: 'smooth' });
      else setTimeout(() => errorBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 0);
    } finally {
      setBusy(false);
    }
  };

  const dateHint = (v: string | undefined) => savedAs(parseDate, v, (d) => d);
  const moneyHint = (v: string | undefined) => savedAs(parseAmount, v, (n) => formatMoney(n));

  return (
    <Modal
      open={open}
      title={record ? '编辑档案' : '新建档案'}
      width={760}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={guardedClose}
      destroyOnHidden
    >
      <div ref={errorBox}>
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </div>
      {filed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已归档，档号 ${record?.archivalCode}`}
          description="类别、事项、成文日期和保管期限不能再改（档号依据它们编定；调整保管期限请通过鉴定办理），其余各项可以修改。"
        />
      )}
      <Form<FormValues> form={form} layout="vertical" onFinish={save} requiredMark data-testid="record-form" scrollToFirstError={{ block: 'center', behavior: 'smooth' }}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          {record ? (
            <Form.Item label={L.community} htmlFor="record-community">
              <Input id="record-community" disabled value={record.community} />
            </Form.Item>
          ) : (
            <Form.Item name="communityId" label={L.community} rules={[{ required: true, message: '请选择社区' }]}>
              <CommunitySelect by="id" />
            </Form.Item>
          )}
          <Form.Item name="affair" label={L.affair} rules={[{ required: true }]} extra={locked('affair') ? lockedHint : undefined}>
            <Radio.Group optionType="button" options={opts(AFFAIRS)} disabled={locked('affair')} onChange={() => form.setFieldValue('kind', undefined)} />
          </Form.Item>
          <Form.Item name="kind" label={L.kind} rules={[{ required: true, message: '请选择事项' }]} extra={locked('kind') ? lockedHint : undefined}>
            <Select aria-label={L.kind} disabled={locked('kind')} showSearch={{ optionFilterProp: 'label' }} placeholder={`选择${affair}事项`} options={opts(vocabulary?.kinds[affair] ?? [])} />
          </Form.Item>
          <Form.Item name="date" label={L.date} rules={[{ required: true, whitespace: true, message: `请填写${L.date}` }, dateRule]} extra={locked('date') ? lockedHint : dateHint(typed.date)}>
            <Input placeholder="如 2025-03-05、2025/3/5 或 2025年3月5日" autoComplete="off" readOnly={locked('date')} disabled={locked('date')} />
          </Form.Item>
          <Form.Item name="title" label={L.title} rules={[{ required: true, whitespace: true, message: '题名不能为空' }, { max: 500 }]} style={{ gridColumn: 'span 2' }}>
            <Input autoFocus placeholder="如：桃源社区居务监督委员会2025年3月例会记录" />
          </Form.Item>
          <Form.Item name="responsible" label={L.responsible}>
            <Input placeholder="如：桃源社区居民委员会" />
          </Form.Item>
          <Form.Item name="docNumber" label={L.docNumber}>
            <Input />
          </Form.Item>
          <Form.Item name="disclosureDate" label={L.disclosureDate} dependencies={['date']} rules={[disclosureRule]} extra={dateHint(typed.disclosureDate)}>
            <Input placeholder="写法同成文日期" autoComplete="off" />
          </Form.Item>
          <Form.Item name="disclosureChannel" label={L.disclosureChannel}>
            <Select aria-label={L.disclosureChannel} allowClear options={opts(vocabulary?.disclosureChannels ?? [])} />
          </Form.Item>
          <Form.Item name="pages" label={L.pages} rules={[parsedRule(pages)]}>
            <Input placeholder="正整数，如 3" autoComplete="off" />
          </Form.Item>
          <Form.Item name="retention" label={L.retention} extra={locked('retention') ? lockedHint : '不选则按保管期限表'}>
            <Select aria-label={L.retention} disabled={locked('retention')} allowClear placeholder="按保管期限表" options={opts(RETENTIONS)} />
          </Form.Item>
          {affair === '财务' && (
            <>
              <Form.Item name="income" label={`${L.income}（元）`} rules={[parsedRule(parseAmount)]} extra={moneyHint(typed.income)}>
                <Input placeholder="如 20000、20,000.00 或 2万" autoComplete="off" />
              </Form.Item>
              <Form.Item name="expense" label={`${L.expense}（元）`} rules={[parsedRule(parseAmount)]} extra={moneyHint(typed.expense)}>
                <Input placeholder="写法同收入金额" autoComplete="off" />
              </Form.Item>
              <Form.Item name="fundCategory" label={L.fundCategory}>
                <Select aria-label={L.fundCategory} allowClear options={opts(vocabulary?.fundCategories ?? [])} />
              </Form.Item>
            </>
          )}
          <Form.Item name="notes" label={L.notes} style={{ gridColumn: 'span 2' }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </div>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
