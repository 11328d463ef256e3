// The 档号 template: how the stored parts (全宗号, 门类, 年度, 保管期限, 问题, 件号) are written. The help
// lists exactly the placeholders the validator takes, and the example follows what is typed (checked
// by the same rule that saving applies).
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useCan } from '../../hooks/useAuth';
import { useUnsavedChanges } from '../../hooks/useUnsaved';
import { useDebounced } from '../../hooks/useDebounced';
import { useSave } from './useSave';

export function CodeTemplateTab(): React.JSX.Element {
  const current = useApi('codeTemplate.get', {});
  if (!current.data) return <ErrorAlert error={current.error} />;
  return <TemplateForm initial={current.data} />;
}

function TemplateForm({ initial }: { initial: { template: string; example: string; isDefault: boolean } }): React.JSX.Element {
  const [saved, setSaved] = useState(initial.template);
  const [template, setTemplate] = useState(initial.template);
  const { busy, error, save } = useSave();
  const editable = useCan()('codeTemplate.set');
  useUnsavedChanges(template !== saved);
  const typed = useDebounced(template, 200);
  const preview = useApi('codeTemplate.preview', { template: typed });
  const p = preview.data;
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }} disabled={!editable} onFinish={() => save(async () => setSaved((await api.call('codeTemplate.set', { template })).template))}>
      <ErrorAlert error={error} />
      <Form.Item label="档号模板" extra="修改后只影响之后归档的档案；已归档的档号不变。" validateStatus={p && p.problems.length > 0 ? 'error' : undefined} help={p && p.problems.length > 0 ? p.problems.join('；') : undefined}>
        <Input value={template} onChange={(e) => setTemplate(e.target.value)} style={{ fontFamily: 'monospace' }} aria-label="档号模板" />
      </Form.Item>
      <div style={{ marginBottom: 16 }} aria-live="polite">
        示例：<code data-testid="code-example">{p?.example ?? (p ? '（模板不可用）' : initial.example)}</code>
        {initial.isDefault && template === initial.template && <span style={{ color: '#595959' }}>（默认模板）</span>}
      </div>
      {p && (
        <Descriptions size="small" column={1} bordered title="可用的占位" style={{ marginBottom: 16 }} items={p.fields.map((f) => ({ key: f.name, label: <code>{`{${f.name}}`}</code>, children: f.meaning }))} />
      )}
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy} disabled={!p || p.problems.length > 0 || template === saved}>
          保存
        </Button>
      )}
      {!editable && <Alert type="info" showIcon title="档号模板由管理员设置。" />}
    </Form>
  );
}
