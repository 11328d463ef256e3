// Who is signed in, in the header: change one's password, lock the page, sign out.
import { LockOutlined, LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../hooks/useAuth';
import { PasswordModal } from './PasswordModal';

export function UserMenu(): React.JSX.Element | null {
  const { identity, lock, signOut } = useAuth();
  const [changing, setChanging] = useState(false);
  if (!identity) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setChanging(true) },
            { key: 'lock', icon: <LockOutlined />, label: '锁定', onClick: () => void lock() },
            { key: 'out', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="signed-in-user">
          {identity.display || identity.name}（{identity.role}）
        </Button>
      </Dropdown>
      <PasswordModal open={changing} onClose={() => setChanging(false)} onDone={() => setChanging(false)} />
    </>
  );
}
