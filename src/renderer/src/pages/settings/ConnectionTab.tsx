// 连接服务器: where this app's archive is kept — the folder on this computer, or a PostgreSQL server that
// several clerks share. The desktop can test a server, switch to it, and switch back.
import { CloudServerOutlined, DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { ServerProbeResult } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { useSave } from './useSave';

interface ServerForm {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
}

function serverUrl(v: ServerForm): string {
  const e = encodeURIComponent;
  return `postgres://${e(v.user)}${v.password ? `:${e(v.password)}` : ''}@${v.host.trim()}:${v.port}/${e(v.database.trim())}`;
}

const PROBE: Record<ServerProbeResult['state'], (office: string | null) => { type: 'success' | 'info' | 'error'; text: string }> = {
  archive: (office) => ({ type: 'success', text: `连接成功：服务器上已有${office ? `“${office}”的` : ''}档案库，可以连接。` }),
  empty: () => ({ type: 'info', text: '连接成功：这是一个空数据库，连接后将在其中新建档案库。' }),
  foreign: () => ({ type: 'error', text: '这个数据库里已有别的数据，不是三务档案库，不能使用。请换一个空数据库。' }),
};

export function ConnectionTab(): React.JSX.Element {
  const current = useApi('connection.get', {});
  const [form] = Form.useForm<ServerForm>();
  const [probe, setProbe] = useState<ServerProbeResult | null>(null);
  const { busy, error, save } = useSave();
  const can = useCan();
  const c = current.data;
  const onServer = c?.engine === 'postgres';
  // a new archive: everything the page holds belongs to the one that was open
  const restart = () => window.location.reload();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <ErrorAlert error={current.error ?? error} />
      <Card title="当前档案库">
        {c && (
          <Descriptions
            size="small"
            column={1}
            bordered
            data-testid="connection-current"
            items={[
              { key: 'kind', label: '存放位置', children: onServer ? <><CloudServerOutlined /> 数据库服务器（多人共用）</> : <><DesktopOutlined /> 本机档案文件夹</> },
              { key: 'where', label: onServer ? '服务器' : '文件夹', children: <code>{c.location}</code> },
            ]}
          />
        )}
      </Card>
      {c && !c.switchable && <Alert type="info" showIcon title="浏览器模式下，档案库在启动时已经确定，不能在这里更换。" />}
      {c?.switchable && can('connection.set') && (
        <Card title="连接服务器">
          <p>几位档案员共用一个档案库时，由管理员在服务器上安装 PostgreSQL 并建好数据库，各台电脑在这里填写同一个服务器。本机档案文件夹保留不动，可随时改回。</p>
          <Form form={form} layout="vertical" initialValues={{ host: 'localhost', port: 5432, database: 'sanwu', user: 'sanwu' }} onValuesChange={() => setProbe(null)}>
            <Space wrap>
              <Form.Item name="host" label="服务器地址" rules={[{ required: true, message: '请填写服务器地址' }]}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="port" label="端口" rules={[{ required: true, message: '请填写端口' }]}>
                <InputNumber min={1} max={65535} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name="database" label="数据库名" rules={[{ required: true, message: '请填写数据库名' }]}>
                <Input style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="user" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
                <Input style={{ width: 160 }} autoComplete="off" />
              </Form.Item>
              <Form.Item name="password" label="密码">
                <Input.Password style={{ width: 220 }} autoComplete="new-password" />
              </Form.Item>
            </Space>
            <Space>
              <Button
                loading={busy}
                onClick={async () => {
                  const v = await form.validateFields();
                  await save(async () => setProbe(await api.call('connection.test', { server: serverUrl(v) })), '已连接到服务器');
                }}
              >
                测试连接
              </Button>
              <Popconfirm
                title="连接后，本机将改用服务器上的档案库（本机档案文件夹保留不动）。继续？"
                okText="连接"
                cancelText="取消"
                onConfirm={async () => {
                  const v = await form.validateFields();
                  if (await save(() => api.call('connection.set', { server: serverUrl(v) }), '已改用服务器上的档案库')) restart();
                }}
              >
                <Button type="primary" disabled={probe?.state === 'foreign'}>
                  连接
                </Button>
              </Popconfirm>
              {onServer && (
                <Popconfirm
                  title="改回本机档案文件夹？服务器上的档案库不受影响。"
                  okText="改回"
                  cancelText="取消"
                  onConfirm={async () => {
                    if (await save(() => api.call('connection.set', { server: null }), '已改回本机档案文件夹')) restart();
                  }}
                >
                  <Button>改回本机档案文件夹</Button>
                </Popconfirm>
              )}
            </Space>
          </Form>
          {probe && <Alert style={{ marginTop: 12 }} type={PROBE[probe.state](probe.office).type} showIcon title={PROBE[probe.state](probe.office).text} />}
        </Card>
      )}
    </Space>
  );
}
