// 用户管理 (管理员): the accounts, their roles, new passwords, disabling and enabling.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLES, type Role, type UserInfo } from '../../../../shared/users';
import { api } from '../../api';
import { NewUserModal } from '../../components/account/NewUserModal';
import { PasswordModal } from '../../components/account/PasswordModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useAuth } from '../../hooks/useAuth';
import { formatDate } from '../../format';
import { useSave } from './useSave';

export function UsersTab(): React.JSX.Element {
  const users = useApi('users.list', {});
  const { identity } = useAuth();
  const { error, save } = useSave();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    if (await save(fn, done)) users.reload();
  };

  return (
    <>
      <ErrorAlert error={error ?? users.error} />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
        新增用户
      </Button>
      <Table<UserInfo>
        rowKey="name"
        size="small"
        pagination={false}
        loading={users.loading}
        dataSource={users.data ?? []}
        columns={[
          { title: '用户名', dataIndex: 'name', render: (n: string) => (n === identity?.name ? <>{n} <Tag>我</Tag></> : n) },
          { title: '姓名', dataIndex: 'display', render: (d: string) => d || '—' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: Role, u) => (
              <Select
                aria-label={`${u.name}的角色`}
                size="small"
                style={{ width: 100 }}
                value={role}
                options={ROLES.map((r) => ({ value: r, label: r }))}
                onChange={(r) => act(() => api.call('users.setRole', { name: u.name, role: r }), `${u.name} 的角色已改为${r}`)}
              />
            ),
          },
          {
            title: '状态',
            render: (_: unknown, u) =>
              !u.active ? <Tag>已停用</Tag> : u.lockedUntil ? <Tag color="orange">密码错误锁定至 {formatDate(u.lockedUntil)}</Tag> : <Tag color="green">在用</Tag>,
          },
          {
            title: '操作',
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setResetting(u.name)}>
                  重设密码
                </Button>
                {u.active ? (
                  <Popconfirm title={`停用 ${u.name}？停用后不能登录，操作记录保留。`} okText="停用" cancelText="取消" onConfirm={() => act(() => api.call('users.disable', { name: u.name }), `已停用 ${u.name}`)}>
                    <Button size="small" type="link" danger>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" onClick={() => act(() => api.call('users.enable', { name: u.name }), `已启用 ${u.name}`)}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          users.reload();
        }}
      />
      <PasswordModal
        open={resetting !== null}
        name={resetting ?? undefined}
        onClose={() => setResetting(null)}
        onDone={() => setResetting(null)}
      />
    </>
  );
}
