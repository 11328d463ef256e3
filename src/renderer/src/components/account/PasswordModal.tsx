// A new password: one's own (the old one proves it) or, for a 管理员, another account's.
import { Form, Input, Modal } from 'antd';
import { api } from '../../api';
import { useSave } from '../../pages/settings/useSave';
import { ErrorAlert } from '../ErrorAlert';
import { PasswordFields } from './PasswordFields';

interface Values {
  oldPassword?: string;
  password: string;
}

/** `name`: another account's (set by a 管理员); absent: one's own. */
export function PasswordModal({ open, name, onClose, onDone }: { open: boolean; name?: string; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useSave();

  const submit = async (v: Values): Promise<void> => {
    const saved = await save(
      () => (name ? api.call('users.setPassword', { name, password: v.password }) : api.call('auth.changePassword', { oldPassword: v.oldPassword ?? '', newPassword: v.password })),
      name ? `已重设 ${name} 的密码` : '密码已修改',
    );
    if (!saved) return;
    form.resetFields();
    onDone();
  };

  return (
    <Modal open={open} title={name ? `重设“${name}”的密码` : '修改我的密码'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {name && <p>重设后该账号在各处的登录都会失效，须用新密码重新登录；因密码错误而锁定的账号也随之解锁。</p>}
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {!name && (
          <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请填写原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        )}
        <PasswordFields label="新密码" />
      </Form>
    </Modal>
  );
}
