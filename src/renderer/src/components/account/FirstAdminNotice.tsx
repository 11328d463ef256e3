// On an archive without accounts: a notice (never a blocking dialog) offering to create the first 管理员.
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../hooks/useAuth';
import { NewUserModal } from './NewUserModal';

const DISMISSED = 'sanwu.firstAdminNoticeDismissed';

export function FirstAdminNotice(): React.JSX.Element | null {
  const { info, signIn } = useAuth();
  const [open, setOpen] = useState(false);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) === '1');
  if (!info || info.accounts || dismissed) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="first-admin-notice"
        style={{ marginBottom: 16 }}
        title="此档案库还没有用户账号：能打开本程序的人都能查看和修改档案，操作记录只记本机用户名。"
        description="建议创建一个管理员账号；之后每个人用自己的账号登录，操作记录写明是谁做的。"
        action={
          <Button size="small" type="primary" onClick={() => setOpen(true)}>
            创建管理员账号
          </Button>
        }
        closable={{
          onClose: () => {
            sessionStorage.setItem(DISMISSED, '1');
            setDismissed(true);
          },
        }}
      />
      <NewUserModal
        open={open}
        first
        onClose={() => setOpen(false)}
        onCreated={async (user, password) => {
          setOpen(false);
          await signIn(user.name, password);
        }}
      />
    </>
  );
}
