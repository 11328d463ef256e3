// Approving a destruction (管理员, not the one who closed the appraisal): two distinct 监销人 and the
// day. Irreversible: the items become 已销毁 and their stored files are deleted; what describes them
// (目录, 校验值, 操作日志) stays, and the final 销毁清册 is kept permanently.
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { AppraisalBatch } from '../../../../shared/lifecycle';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../../hooks/useAuth';
import { useConfirmed } from '../../hooks/useConfirmed';
import { today } from './columns';

function approverHint(batch: AppraisalBatch, signedIn: string | undefined): string {
  if (!signedIn) return '销毁须由管理员账号批准：本档案库还没有用户账号，请先在“设置 → 用户”中建立管理员账号，由管理员登录后批准。';
  if (batch.closedBy === signedIn) return '您结束了这批鉴定，不能再批准销毁：请由另一位管理员登录后批准。';
  return '批准人须是登录的管理员本人，且不是结束鉴定的人。';
}

export function DestructionForm({ batch, onDestroyed }: { batch: AppraisalBatch; onDestroyed: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const { identity } = useAuth();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [date, setDate] = useState(today());
  const action = useConfirmed();
  const ready = identity !== null && first.trim() !== '' && second.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date);

  const approve = (): void =>
    action.confirm(
      {
        title: `批准销毁第 ${batch.id} 批鉴定的 ${batch.destroy} 件档案？`,
        content: `销毁后这些档案的状态为“已销毁”，电子文件从附件库中删除，不能恢复（其他在保档案引用的同一文件保留）。档案目录、校验值和操作日志保留，销毁清册永久保存。监销人：${first.trim()}、${second.trim()}；销毁日期：${date}。`,
        okText: '批准销毁',
        danger: true,
      },
      async () => {
        const r = await api.call('destruction.approve', { batch: batch.id, approver: identity!.name, supervisors: [first.trim(), second.trim()], date });
        message.success(`已销毁 ${r.destroyed} 件档案，移除文件 ${r.filesRemoved} 个${r.filesPending ? '（其余文件下次打开档案库时移除）' : ''}`);
        onDestroyed();
      },
    );

  return (
    <Card size="small" title="批准销毁" data-testid="destruction-form">
      <Form layout="vertical">
        <Form.Item label="批准人" extra={approverHint(batch, identity?.name)}>
          <Input aria-label="批准人" value={identity ? `${identity.display || identity.name}（${identity.name}）` : '—'} disabled />
        </Form.Item>
        <Space wrap>
          <Form.Item label="监销人一" required>
            <Input aria-label="监销人一" value={first} onChange={(e) => setFirst(e.target.value)} />
          </Form.Item>
          <Form.Item label="监销人二" required extra="两名监销人须是不同的人">
            <Input aria-label="监销人二" value={second} onChange={(e) => setSecond(e.target.value)} />
          </Form.Item>
          <Form.Item label="销毁日期" required extra={`不早于鉴定结束的日期（${batch.closedOn}），不晚于今天`}>
            <Input type="date" aria-label="销毁日期" value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Button danger type="primary" disabled={!ready} onClick={approve}>
          批准销毁
        </Button>
      </Form>
      <ErrorAlert error={action.error} onClose={action.clear} />
    </Card>
  );
}
