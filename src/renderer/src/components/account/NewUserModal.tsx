// A new account: user name, name shown in the history, role, password. The first account of an archive
// is its 管理员 (the role is fixed then).
import { Form, Input, Modal, Select } from 'antd';
import { ROLES, type Role, type UserInfo } from '../../../../shared/users';
import { api } from '../../api';
import { useSave } from '../../pages/settings/useSave';
import { ErrorAlert } from '../ErrorAlert';
import { PasswordFields } from './PasswordFields';

interface Values {
  name: string;
  display?: string;
  role: Role;
  password: string;
}

export function NewUserModal({ open, first = false, onClose, onCreated }: { open: boolean; first?: boolean; onClose: () => void; onCreated: (user: UserInfo, password: string) => Promise<void> | void }): React.JSX.Element {
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useSave();

  const submit = async (v: Values): Promise<void> => {
    const role = first ? '管理员' : v.role;
    const created = async () => {
      const user = await api.call('users.add', { name: v.name, display: v.display ?? '', role, password: v.password });
      await onCreated(user, v.password);
    };
    if (await save(created, `已创建账号 ${v.name.trim()}（${role}）`)) form.resetFields();
  };

  return (
    <Modal open={open} title={first ? '创建第一个管理员账号' : '新增用户'} okText="创建" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {first && <p>创建后，打开本档案库须先登录；管理员可在“设置 → 用户管理”中为其他人开设档案员、查阅账号。</p>}
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ role: '档案员' }} requiredMark={false}>
        <Form.Item name="name" label="用户名" extra="登录时输入，建议用拼音或工号；创建后不能修改" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="display" label="姓名" extra="操作记录中显示的名字">
          <Input />
        </Form.Item>
        {!first && (
          <Form.Item name="role" label="角色">
            <Select aria-label="角色" options={ROLES.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        )}
        <PasswordFields />
      </Form>
    </Modal>
  );
}
