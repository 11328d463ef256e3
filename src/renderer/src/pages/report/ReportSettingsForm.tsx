// The work report's 公文 settings: 发文字号, 签发人, 主送机关, and whether it is sealed (GB/T 9704
// signature layout). Kept in the archive; every report uses them.
import { Button, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import type { ReportSettings } from '../../../../shared/report';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useSave } from '../settings/useSave';

export function ReportSettingsForm(): React.JSX.Element {
  const settings = useApi('report.settings.get', {});
  const [form] = Form.useForm<ReportSettings>();
  const { busy, error, save } = useSave();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Form<ReportSettings>
      form={form}
      layout="vertical"
      data-testid="report-settings"
      style={{ maxWidth: 480 }}
      onFinish={async (v) => {
        if (await save(() => api.call('report.settings.save', v))) settings.reload();
      }}
    >
      <ErrorAlert error={error ?? settings.error} />
      <Form.Item name="docNumber" label="发文字号" extra="如：幸街发〔2026〕3号；不填则留空，由文书登记后手写">
        <Input placeholder="幸街发〔2026〕3号" maxLength={40} />
      </Form.Item>
      <Form.Item name="signer" label="签发人" extra="上报的报告须标注签发人；不填则留空待签">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="addressee" label="主送机关" rules={[{ required: true, whitespace: true, message: '请填写主送机关' }]}>
        <Input placeholder="区民政局" maxLength={60} />
      </Form.Item>
      <Form.Item name="sealed" label="加盖印章" valuePropName="checked" extra="盖章的报告在落款处留出印章位置，成文日期右空四字">
        <Switch />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        保存报告设置
      </Button>
    </Form>
  );
}
