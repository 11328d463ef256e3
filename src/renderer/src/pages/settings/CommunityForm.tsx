// Add or edit a community (its code is the 全宗号 in every 档号) and its profile figures. Changing an
// existing community's name or 全宗号 is its own act: confirmed first, then recorded in the audit log.
import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import type { Community } from '../../../../shared/domain';
import type { CommunityInput } from '../../../../shared/schemas';
import { COMMUNITY_TYPES } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toOptions } from '../../format';
import { useSave } from './useSave';

const FIGURES: [keyof CommunityInput, string, number][] = [
  ['households', '户数', 0],
  ['population', '人口', 0],
  ['areaKm2', '辖区面积（km²）', 2],
  ['residentUnits', '驻区单位数', 0],
  ['stationArea', '服务站面积（m²）', 1],
  ['weeklyHours', '每周服务时长（小时）', 1],
];

export function CommunityForm({ community, onClose, onSaved }: { community: Community | 'new' | null; onClose: () => void; onSaved: () => void }): React.JSX.Element {
  const [form] = Form.useForm<CommunityInput>();
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

  useEffect(() => {
    if (!community) return;
    form.resetFields();
    form.setFieldsValue(community === 'new' ? { type: '城市' } : community);
    clear();
  }, [community, form, clear]);

  return (
    <Modal
      open={community !== null}
      title={existing ? `编辑 ${existing.name}` : '添加社区'}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Form<CommunityInput>
        form={form}
        layout="vertical"
        onFinish={(v) => submit(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined ? null : x])) as CommunityInput)}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="name" label="社区名称" rules={[{ required: true, whitespace: true, message: '请填写社区名称' }]}>
            <Input autoFocus placeholder="如：桃源社区" />
          </Form.Item>
          <Form.Item name="code" label="社区代码（全宗号）" rules={[{ required: true, pattern: /^[A-Za-z0-9]{1,8}$/, message: '由 1–8 位字母和数字组成，如 S101' }]}>
            <Input placeholder="如：S101" />
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Radio.Group optionType="button" options={toOptions(COMMUNITY_TYPES)} />
          </Form.Item>
          <span />
          {FIGURES.map(([name, label, precision]) => (
            <Form.Item key={name} name={name} label={label}>
              <InputNumber min={0} precision={precision} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </div>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
