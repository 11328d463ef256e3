// 设置 → 街道办事处 (district): the street offices the district expects packages from; one added here
// shows as 未报送 until its package comes.
import { Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';

export function DistrictOfficesTab(): React.JSX.Element {
  const offices = useApi('district.offices', {});
  const can = useCan();
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const [error, setError] = useState<unknown>(null);
  const add = async (v: { name: string; code?: string }): Promise<void> => {
    setError(null);
    try {
      await api.call('district.addOffice', v);
      form.resetFields();
      offices.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('district.addOffice') && (
        <Form form={form} layout="inline" onFinish={add}>
          <Form.Item name="name" label="街道名称" rules={[{ required: true, message: '请填写街道办事处的名称' }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="code" label="街道代码">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            登记街道办事处
          </Button>
        </Form>
      )}
      <ErrorAlert error={error ?? offices.error} />
      <Table size="small" rowKey="id" pagination={false} dataSource={offices.data ?? []} columns={[{ title: '街道办事处', dataIndex: 'name' }, { title: '街道代码', dataIndex: 'code' }]} />
    </Space>
  );
}
