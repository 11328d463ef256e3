// Correct a roster entry (类型, 名称, 日期, 备注), or end it on the day it ended (not only today). Dates are
// typed as the import takes them; a refusal shows next to its field; closing a changed form asks first.
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { RosterEntry } from '../../../../shared/domain';
import { parseDate } from '../../../../shared/fields/dates';
import { ROSTER_LABELS as L } from '../../../../shared/labels';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toPayload } from '../../errors';
import { parsedRule, parsedValue, placeIssues } from '../../forms/fieldRules';
import { toOptions } from '../../format';
import { useArchive } from '../../hooks/useArchive';
import { useFormGuard } from '../../hooks/useUnsaved';
import { useSave } from './useSave';

interface Values {
  kind: string;
  name: string;
  startDate?: string;
  endDate?: string;
  note?: string;
}

const FIELD_OF: Record<string, string> = { [L.startDate]: 'startDate', [L.endDate]: 'endDate', [L.kind]: 'kind', [L.name]: 'name' };

/** `ending`: opened to end the entry, its 终止日期 filled with `today`. */
export function RosterEntryModal({ entry, ending, today, onClose, onSaved }: { entry: RosterEntry | null; ending: boolean; today: string; onClose: () => void; onSaved: () => void }): React.JSX.Element {
  const { vocabulary } = useArchive();
  const [form] = Form.useForm<Values>();
  const { busy, error, save, clear } = useSave();
  const guardedClose = useFormGuard(form, entry !== null, onClose);

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    form.setFieldsValue({ kind: entry.kind, name: entry.name, startDate: entry.startDate ?? undefined, endDate: entry.endDate ?? (ending ? today : undefined), note: entry.note });
    clear();
  }, [entry, ending, today, form, clear]);

  const submit = async (v: Values): Promise<void> => {
    if (!entry) return;
    const patch = { kind: v.kind, name: v.name, startDate: parsedValue(parseDate, v.startDate), endDate: parsedValue(parseDate, v.endDate), note: v.note ?? '' };
    const ok = await save(async () => {
      try {
        await api.call('roster.update', { id: entry.id, patch });
      } catch (e) {
        placeIssues(form, toPayload(e).issues, FIELD_OF);
        throw e;
      }
    }, ending ? `已登记 ${v.name} 于 ${patch.endDate} 终止` : '已保存修改');
    if (ok) onSaved();
  };

  return (
    <Modal
      open={entry !== null}
      title={entry ? `${ending ? '登记终止' : '修改'}：${entry.name}` : ''}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={guardedClose}
    >
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} scrollToFirstError={{ block: 'center' }}>
        <Form.Item name="kind" label={L.kind} rules={[{ required: true, message: '请选择类型' }]}>
          <Select aria-label={L.kind} options={toOptions(vocabulary?.rosterKinds ?? [])} />
        </Form.Item>
        <Form.Item name="name" label={L.name} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="startDate" label={L.startDate} rules={[parsedRule(parseDate)]}>
          <Input placeholder="如 2025-03-05" autoComplete="off" />
        </Form.Item>
        <Form.Item name="endDate" label={L.endDate} rules={[parsedRule(parseDate)]} extra="离任、解散或撤销的日期；不填表示仍在任">
          <Input placeholder="如 2025-06-30" autoComplete="off" autoFocus={ending} />
        </Form.Item>
        <Form.Item name="note" label={L.note}>
          <Input />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
