// What the 年报 prints that no register holds: the reporting unit (header, signatures) and the year's
// staff, rooms and equipment, printed as entered (blank stays blank).
import { Alert, Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { enteredSumNotices, figureName, YEARBOOK_FORM, type EnteredFigures, type YearbookUnit } from '../../../../shared/yearbook';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { useSave } from '../settings/useSave';

interface Values {
  unit: YearbookUnit;
  figures: EnteredFigures;
}

const UNIT_FIELDS: { key: keyof YearbookUnit; label: string; extra?: string }[] = [
  { key: 'unitName', label: '单位名称', extra: '不填则用街道名称' },
  { key: 'creditCode', label: '统一社会信用代码', extra: '18位' },
  { key: 'unitHead', label: '单位负责人' },
  { key: 'statHead', label: '统计负责人' },
  { key: 'preparer', label: '填表人' },
  { key: 'phone', label: '联系电话' },
];

/** The entered figures by the form's groups. */
const GROUPS = YEARBOOK_FORM.reduce<{ label: string; keys: { key: string; unit: string; integer: boolean }[] }[]>((groups, row) => {
  if (row.kind === 'group') groups.push({ label: row.label, keys: [] });
  else if (row.kind === 'entered') groups.at(-1)!.keys.push({ key: row.key, unit: row.unit, integer: row.integer });
  return groups;
}, []).filter((g) => g.keys.length > 0);

export function YearbookSettingsForm({ year, onSaved }: { year: number; onSaved: () => void }): React.JSX.Element {
  const settings = useApi('yearbook.settings.get', { year });
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useSave();
  const can = useCan();
  const figures = Form.useWatch('figures', form) as EnteredFigures | undefined;
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ unit: settings.data.unit, figures: settings.data.figures });
  }, [settings.data, form]);
  const notices = enteredSumNotices(figures ?? {});

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="yearbook-settings"
      disabled={!can('yearbook.settings.save')}
      onFinish={async (v) => {
        const entered = Object.fromEntries(Object.entries(v.figures ?? {}).map(([k, n]) => [k, n ?? null]));
        if (await save(() => api.call('yearbook.settings.save', { year, unit: v.unit, figures: entered }), '年报设置已保存')) {
          settings.reload();
          onSaved();
        }
      }}
    >
      <ErrorAlert error={error ?? settings.error} />
      <Typography.Title level={5}>填报单位</Typography.Title>
      <Row gutter={16}>
        {UNIT_FIELDS.map((f) => (
          <Col span={8} key={f.key}>
            <Form.Item name={['unit', f.key]} label={f.label} extra={f.extra}>
              <Input />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {GROUPS.map((g) => (
        <div key={g.label}>
          <Typography.Title level={5}>
            {g.label}（{year}年）
          </Typography.Title>
          <Row gutter={16}>
            {g.keys.map((f) => (
              <Col span={6} key={f.key}>
                <Form.Item name={['figures', f.key]} label={`${figureName(f.key)}（${f.unit}）`}>
                  <InputNumber min={0} precision={f.integer ? 0 : 2} style={{ width: '100%' }} aria-label={figureName(f.key)} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
      {notices.length > 0 && <Alert type="warning" showIcon title={`请核对：${notices.join('；')}。年报按填报数印出。`} style={{ marginBottom: 16 }} />}
      <Button htmlType="submit" loading={busy}>
        保存年报设置
      </Button>
    </Form>
  );
}
