// Add or edit a community (its code is the 全宗号 in every 档号) and its profile figures, read by the
// import's rules (src/shared/fields): 0 is a figure, blank is none, and what cannot be read is refused.
// Changing an existing community's name or 全宗号 is its own act: confirmed first, then recorded.
import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import type { Community } from '../../../../shared/domain';
import { parseCount, parseDecimal } from '../../../../shared/fields/numbers';
import { COMMUNITY_LABELS as L, COMMUNITY_UNITS } from '../../../../shared/labels';
import type { CommunityInput } from '../../../../shared/schemas';
import { COMMUNITY_TYPES } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { parsedRule, parsedValue } from '../../forms/fieldRules';
import { useFormGuard } from '../../hooks/useUnsaved';
import { toOptions } from '../../format';
import { useSave } from './useSave';

type Figure = 'households' | 'population' | 'areaKm2' | 'residentUnits' | 'stationArea' | 'weeklyHours';
const count = (t: string) => parseCount(t);
const FIGURES: [Figure, (text: string) => ReturnType<typeof parseDecimal>][] = [
  ['households', count],
  ['population', count],
  ['areaKm2', parseDecimal],
  ['residentUnits', count],
  ['stationArea', parseDecimal],
  ['weeklyHours', parseDecimal],
];

type FormValues = Omit<CommunityInput, Figure> & Partial<Record<Figure, string>>;

const asText = (c: Community): FormValues => ({
  code: c.code,
  name: c.name,
  type: c.type,
  ...Object.fromEntries(FIGURES.map(([name]) => [name, c[name] === null ? undefined : String(c[name])])),
});

export function CommunityForm({ community, onClose, onSaved }: { community: Community | 'new' | null; onClose: () => void; onSaved: () => void }): React.JSX.Element {
  const [form] = Form.useForm<FormValues>();
  const { busy, error, save, clear } = useSave();
  const { modal } = App.useApp();
  const existing = community !== 'new' ? community : null;

  const submit = async (input: CommunityInput) => {
    if (!existing) {
      if (await save(() => api.call('communities.save', input))) onSaved();
      return;
    }
    const renamed = input.name !== existing.name || input.code !== existing.code;
    const write = async () => {
      if (renamed) await api.call('communities.rename', { id: existing.id, name: input.name, code: input.code, confirm: true });
      await api.call('communities.save', { ...input, id: existing.id });
    };
    if (!renamed) {
      if (await save(write)) onSaved();
      return;
    }
    const changes = [
      input.name !== existing.name ? `名称“${existing.name}”改为“${input.name}”` : '',
      input.code !== existing.code ? `全宗号 ${existing.code} 改为 ${input.code}（已归档的档案不能再改全宗号）` : '',
    ].filter(Boolean);
    modal.confirm({
      title: '确认更改社区名称或全宗号？',
      content: `将把${changes.join('，')}。这次更改会记入操作日志。`,
      okText: '确认更改',
      cancelText: '取消',
      onOk: async () => {
        if (await save(write)) onSaved();
      },
    });
  };

  const guardedClose = useFormGuard(form, community !== null, onClose);

  useEffect(() => {
    if (!community) return;
    form.resetFields();
    form.setFieldsValue(community === 'new' ? { type: '城市' } : asText(community));
    clear();
  }, [community, form, clear]);

  return (
    <Modal
      open={community !== null}
      title={existing ? `编辑 ${existing.name}` : '添加社区'}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={guardedClose}
    >
      <ErrorAlert error={error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        onFinish={(v) => submit({ code: v.code, name: v.name, type: v.type, ...Object.fromEntries(FIGURES.map(([name, parse]) => [name, parsedValue(parse, v[name])])) })}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="name" label={L.name} rules={[{ required: true, whitespace: true, message: '请填写社区名称' }]}>
            <Input autoFocus placeholder="如：桃源社区" />
          </Form.Item>
          <Form.Item name="code" label="社区代码（全宗号）" rules={[{ required: true, pattern: /^[A-Za-z0-9]{1,8}$/, message: '由 1–8 位字母和数字组成，如 S101' }]}>
            <Input placeholder="如：S101" />
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Radio.Group optionType="button" options={toOptions(COMMUNITY_TYPES)} />
          </Form.Item>
          <span />
          {FIGURES.map(([name, parse]) => (
            <Form.Item key={name} name={name} label={`${L[name]}（${COMMUNITY_UNITS[name]}）`} rules={[parsedRule(parse)]}>
              <Input autoComplete="off" placeholder="不填表示未知；0 也是一个数" />
            </Form.Item>
          ))}
        </div>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
