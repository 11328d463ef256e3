// Attest a manual indicator: met / unmet / not applicable, a note and evidence records.
import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { IndicatorResult } from '../../../../shared/audit';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormGuard } from '../../hooks/useUnsaved';
import { EvidencePicker } from './EvidencePicker';

interface Values {
  status: 'met' | 'unmet' | 'na';
  note?: string;
  evidence?: number[];
}

export function AttestModal(props: { year: number; target: { community: string; indicator: IndicatorResult } | null; onClose: () => void; onSaved: () => void }): React.JSX.Element {
  const { target } = props;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!target) return;
    const a = target.indicator.attestation;
    form.setFieldsValue({ status: a?.status ?? 'met', note: a?.note ?? '', evidence: target.indicator.evidence });
  }, [target, form]);

  const close = (): void => {
    setError(null);
    props.onClose();
  };

  const guardedClose = useFormGuard(form, !!target, close);

  const save = async (v: Values): Promise<void> => {
    if (!target) return;
    setBusy(true);
    try {
      await api.call('audit.attest', {
        year: props.year,
        community: target.community,
        indicator: target.indicator.id,
        status: v.status,
        note: v.note,
        evidence: v.evidence ?? [],
      });
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!target} title={target ? `认定 ${target.community} ${target.indicator.id}` : ''} okText="保存认定" okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={guardedClose}>
      <div style={{ marginBottom: 12 }}>{target?.indicator.item}</div>
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Form.Item name="status" label="认定结果" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={[{ value: 'met', label: '达标' }, { value: 'unmet', label: '未达标' }, { value: 'na', label: '不适用' }]} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} placeholder="如：经查阅会议记录，2025 年无集体上访" />
        </Form.Item>
        <Form.Item name="evidence" label="佐证档案" extra="可选多件；只能从档案中选，不能随手填写">
          {target && <EvidencePicker year={props.year} community={target.community} />}
        </Form.Item>
      </Form>
    </Modal>
  );
}
