// Which assessment standards this street office uses (考评 and the reports evaluate only these).
import { Button, Checkbox, Space } from 'antd';
import { useState } from 'react';
import type { StandardInfo } from '../../../../shared/api';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { useSave } from './useSave';
import { useCan } from '../../hooks/useAuth';

export function StandardsTab(): React.JSX.Element {
  const standards = useApi('standards.list', {});
  if (!standards.data) return <ErrorAlert error={standards.error} />;
  if (standards.data.length === 0) return <EmptyState title="没有可用的考评标准" hint="标准目录随软件提供，请确认安装完整。" />;
  return <StandardsForm standards={standards.data} />;
}

function StandardsForm({ standards }: { standards: StandardInfo[] }): React.JSX.Element {
  const [inUse, setInUse] = useState(() => standards.filter((s) => s.inUse).map((s) => s.id));
  const { busy, error, save } = useSave();
  const editable = useCan()('standards.setInUse');
  return (
    <Space orientation="vertical">
      <ErrorAlert error={error} />
      <Checkbox.Group value={inUse} onChange={(v) => setInUse(v as string[])} disabled={!editable}>
        <Space orientation="vertical">
          {standards.map((s) => (
            <Checkbox key={s.id} value={s.id}>
              {s.name}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      {editable && (
        <Button type="primary" loading={busy} onClick={() => save(() => api.call('standards.setInUse', { ids: inUse }))}>
          保存
        </Button>
      )}
    </Space>
  );
}
