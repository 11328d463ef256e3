// A new password typed twice, at least 8 characters (the server checks it again).
import { Form, Input } from 'antd';
import { MIN_PASSWORD } from '../../../../shared/users';

export function PasswordFields({ name = 'password', label = '密码' }: { name?: string; label?: string }): React.JSX.Element {
  return (
    <>
      <Form.Item name={name} label={label} rules={[{ required: true, min: MIN_PASSWORD, message: `密码至少 ${MIN_PASSWORD} 个字符` }]} hasFeedback>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={`${name}Again`}
        label="再输入一次"
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: '请再输入一次密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) => (value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
