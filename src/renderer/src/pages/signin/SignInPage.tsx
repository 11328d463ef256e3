// The sign-in page (and the lock screen after 30 idle minutes): the archive's name, user name and password.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../../hooks/useAuth';

interface Values {
  username: string;
  password: string;
}

export function SignInPage(): React.JSX.Element {
  const { info, notice, lockedFor, signIn } = useAuth();
  const [other, setOther] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locked = lockedFor !== null && !other;

  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await signIn(locked ? lockedFor : v.username, v.password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }} data-testid="sign-in">
        <Typography.Title level={3} style={{ marginTop: 0, letterSpacing: 2 }}>
          三务档案
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {info?.office?.name ?? '档案库'}
          {info?.mode === 'browser' ? ' · 浏览器模式' : ''}
        </Typography.Paragraph>
        {notice && <Alert type={locked ? 'warning' : 'info'} showIcon title={notice} style={{ marginBottom: 16 }} />}
        <ErrorAlert error={error} />
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} key={locked ? 'locked' : 'open'}>
          {locked ? (
            <Form.Item label="用户名" htmlFor="locked-username">
              <Input id="locked-username" prefix={<UserOutlined />} value={lockedFor} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
          )}
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={locked} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {locked ? '解锁' : '登录'}
          </Button>
        </Form>
        {locked && (
          <Button type="link" style={{ padding: 0, marginTop: 8 }} onClick={() => setOther(true)}>
            换一个账号登录
          </Button>
        )}
      </Card>
    </div>
  );
}
