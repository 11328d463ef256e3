// Holds (冻结) on the record's detail: the hold in force, shown with its reason; 冻结 with a reason and
// 解除冻结 with a note (档案员). A held item cannot be destroyed or transferred.
import { Alert, App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import type { HoldInfo } from '../../../../shared/lifecycle';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useCan } from '../../hooks/useAuth';

const SETTLED = new Set(['已销毁', '已移交']);
const heldName = (h: { archivalCode: string | null; recordId: number }): string => h.archivalCode ?? `#${h.recordId}`;

/** A modal asking for one text (the reason of a hold, required; a release's note, optional). */
function TextModal(props: { open: boolean; title: string; label: string; placeholder: string; required: boolean; okText: string; onOk: (text: string) => Promise<void>; onClose: () => void }): React.JSX.Element {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = (): void => {
    setText('');
    setError(null);
    props.onClose();
  };
  const ok = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await props.onOk(text.trim());
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title={props.title} okText={props.okText} cancelText="取消" onOk={() => void ok()} onCancel={close} confirmLoading={busy} okButtonProps={{ disabled: props.required && !text.trim() }}>
      <ErrorAlert error={error} />
      <Input.TextArea aria-label={props.label} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={props.placeholder} />
    </Modal>
  );
}

/** 解除冻结 of any hold, from the record or the holds list. */
export function useReleaseHold(onDone: () => void): { ask: (hold: HoldInfo) => void; modal: React.JSX.Element } {
  const { message } = App.useApp();
  const [target, setTarget] = useState<HoldInfo | null>(null);
  const modal = (
    <TextModal
      open={target !== null}
      title={target ? `解除冻结：${heldName(target)}` : '解除冻结'}
      label="解除说明"
      placeholder="解除说明（可不填），如：案件已结案"
      required={false}
      okText="解除冻结"
      onClose={() => setTarget(null)}
      onOk={async (note) => {
        await api.call('holds.release', { recordId: target!.recordId, note: note || undefined });
        message.success(`已解除冻结：${heldName(target!)}`);
        onDone();
      }}
    />
  );
  return { ask: setTarget, modal };
}

/** The hold in force, with 解除冻结; or, for a filed item that may be held, 冻结. */
export function HoldControl({ record, hold, onChanged }: { record: ArchiveRecord; hold: HoldInfo | null | undefined; onChanged: () => void }): React.JSX.Element | null {
  const { message } = App.useApp();
  const can = useCan();
  const [holding, setHolding] = useState(false);
  const release = useReleaseHold(onChanged);
  if (hold) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          data-testid="hold-notice"
          title={`这件档案已冻结：${hold.reason}`}
          description={`${formatDate(hold.heldAt)} 由 ${hold.heldBy} 冻结。冻结期间不能销毁或移交。`}
          action={can('holds.release') ? <Button size="small" onClick={() => release.ask(hold)}>解除冻结</Button> : undefined}
          style={{ marginBottom: 16 }}
        />
        {release.modal}
      </>
    );
  }
  if (!record.archivalCode || record.voidedAt || SETTLED.has(record.status) || !can('holds.set')) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <Button onClick={() => setHolding(true)}>冻结</Button>
      <span style={{ color: '#595959', marginLeft: 8 }}>涉及未结案件、未清债务等事项的档案，冻结后不能销毁或移交。</span>
      <TextModal
        open={holding}
        title={`冻结：${record.archivalCode}`}
        label="冻结原因"
        placeholder="冻结原因（必填），如：涉及未结诉讼案件"
        required
        okText="冻结"
        onClose={() => setHolding(false)}
        onOk={async (reason) => {
          await api.call('holds.set', { recordId: record.id, reason });
          message.success(`已冻结：${record.archivalCode}`);
          onChanged();
        }}
      />
    </div>
  );
}
