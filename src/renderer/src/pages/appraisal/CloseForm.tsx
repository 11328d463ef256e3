// Closing a batch: the appraisal group (its head first) and the opinion. Irreversible: kept items go
// back in force with their new term, the others wait for a 管理员 to approve their destruction, and
// the 鉴定意见书 and the draft 销毁清册 are filed as the office's own permanent records.
import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { AppraisalBatch } from '../../../../shared/lifecycle';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirmed } from '../../hooks/useConfirmed';

const names = (text: string): string[] =>
  text
    .split(/[、，,;；\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);

export function CloseForm({ batch, onClosed }: { batch: AppraisalBatch; onClosed: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const [group, setGroup] = useState('');
  const [opinion, setOpinion] = useState('');
  const action = useConfirmed();
  const undecided = batch.items - batch.decided;
  const ready = undecided === 0 && names(group).length > 0 && opinion.trim() !== '';

  const close = (): void =>
    action.confirm(
      {
        title: `结束第 ${batch.id} 批鉴定？`,
        content: `结束后鉴定意见不能再改：继续保存的 ${batch.keep} 件恢复“在保”，按新的保管期限重新计算到期年度；拟销毁的 ${batch.destroy} 件等待另一位管理员批准销毁。将生成鉴定意见书和销毁清册（草稿），作为本单位档案永久保存。`,
        okText: '结束鉴定',
      },
      async () => {
        await api.call('appraisal.close', { batch: batch.id, group: names(group), opinion: opinion.trim() });
        message.success(`第 ${batch.id} 批鉴定已结束，鉴定意见书和销毁清册已生成`);
        onClosed();
      },
    );

  return (
    <Card size="small" title="结束鉴定" data-testid="close-form">
      <Form layout="vertical">
        <Form.Item label="鉴定小组成员" required extra="组长写在第一位，以顿号或空格分隔，如：张三、李四、王五">
          <Input aria-label="鉴定小组成员" value={group} onChange={(e) => setGroup(e.target.value)} />
        </Form.Item>
        <Form.Item label="鉴定意见" required>
          <Input.TextArea aria-label="鉴定意见" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="如：经逐件审查，所列档案保管期限已满，已无查考利用价值，同意列入销毁清册。" />
        </Form.Item>
        <Button type="primary" disabled={!ready} onClick={close}>
          结束鉴定
        </Button>
        {undecided > 0 && <span style={{ color: '#595959', marginLeft: 12 }}>还有 {undecided} 件没有作出鉴定意见，全部作出后才能结束鉴定。</span>}
      </Form>
      <ErrorAlert error={action.error} onClose={action.clear} />
    </Card>
  );
}
