// The street office's name and code (they head every report).
import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import type { StreetOffice } from '../../../../shared/domain';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useArchive } from '../../hooks/useArchive';
import { useSave } from './useSave';
import { useCan } from '../../hooks/useAuth';

export function OfficeTab(): React.JSX.Element {
  const { info, reload } = useArchive();
  const [form] = Form.useForm<StreetOffice>();
  const { busy, error, save } = useSave();
  const editable = useCan()('office.save');
  useEffect(() => form.setFieldsValue(info?.office ?? { name: '', code: '' }), [info, form]);

  return (
    <Form<StreetOffice>
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      disabled={!editable}
      onFinish={async (v) => {
        if (await save(() => api.call('office.save', v))) reload();
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="name" label="街道名称" rules={[{ required: true, whitespace: true, message: '请填写街道名称' }]}>
        <Input placeholder="如：幸福路街道" />
      </Form.Item>
      <Form.Item name="code" label="街道代码" extra="行政区划代码，可不填">
        <Input placeholder="如：659002" />
      </Form.Item>
      <div style={{ color: '#595959', marginBottom: 16 }}>档案库位置：{info?.archiveDir}</div>
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      )}
    </Form>
  );
}
