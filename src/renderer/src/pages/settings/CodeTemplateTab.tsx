// The 档号 template: how the stored parts (全宗号, 门类, 年度, 期限, 问题, 件号) are written.
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useSave } from './useSave';
import { useCan } from '../../hooks/useAuth';

export function CodeTemplateTab(): React.JSX.Element {
  const current = useApi('codeTemplate.get', {});
  if (!current.data) return <ErrorAlert error={current.error} />;
  return <TemplateForm initial={current.data} />;
}

function TemplateForm({ initial }: { initial: { template: string; example: string; isDefault: boolean } }): React.JSX.Element {
  const [template, setTemplate] = useState(initial.template);
  const [example, setExample] = useState(initial.example);
  const { busy, error, save } = useSave();
  const editable = useCan()('codeTemplate.set');
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }} disabled={!editable} onFinish={() => save(async () => setExample((await api.call('codeTemplate.set', { template })).example))}>
      <ErrorAlert error={error} />
      <Form.Item label="档号模板" extra="可用占位：{全宗号} {门类} {年度} {期限} {问题} {件号}（件号按 DA/T 22 补足 4 位）。修改后只影响之后归档的档案。">
        <Input value={template} onChange={(e) => setTemplate(e.target.value)} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <div style={{ marginBottom: 16 }}>
        示例：<code data-testid="code-example">{example}</code>
        {initial.isDefault && template === initial.template && <span style={{ color: '#888' }}>（默认模板）</span>}
      </div>
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      )}
    </Form>
  );
}
