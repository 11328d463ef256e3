// A decision on the chosen items of an open batch: keep with a new term, or destroy; with a reason.
// Until the batch is closed a decision can be made again.
import { App, Button, Card, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import type { Decision } from '../../../../shared/lifecycle';
import { RETENTIONS, type Retention } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toOptions } from '../../format';

export function DecisionBar({ batch, selected, onDecided }: { batch: number; selected: number[]; onDecided: () => void }): React.JSX.Element {
  const { message } = App.useApp();
  const [decision, setDecision] = useState<Decision>('destroy');
  const [retention, setRetention] = useState<Retention | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ready = selected.length > 0 && reason.trim() !== '' && (decision === 'destroy' || retention !== undefined);

  const decide = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.call('appraisal.decide', { batch, records: selected, decision, retention: decision === 'keep' ? retention : undefined, reason: reason.trim() });
      message.success(`已对 ${selected.length} 件档案作出鉴定意见`);
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="鉴定意见" data-testid="decision-bar">
      <Space wrap>
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as Decision)} optionType="button" options={[{ value: 'keep', label: '继续保存' }, { value: 'destroy', label: '拟销毁' }]} />
        {decision === 'keep' && <Select aria-label="新的保管期限" placeholder="新的保管期限" style={{ width: 130 }} value={retention} onChange={setRetention} options={toOptions(RETENTIONS)} />}
        <Input aria-label="鉴定理由" placeholder="鉴定理由（必填），如：已无查考利用价值" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 320 }} />
        <Button type="primary" disabled={!ready} loading={busy} onClick={() => void decide()}>
          对所选 {selected.length} 件作出鉴定意见
        </Button>
      </Space>
      <div style={{ color: '#595959', marginTop: 8 }}>在下表勾选档案后作出意见；结束鉴定前可以改。冻结的档案只能继续保存。</div>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Card>
  );
}
