// The retention schedule (事项 → 保管期限): defaults from RETENTION.md, each editable.
import { Select, Table, Tag } from 'antd';
import type { RetentionRule } from '../../../../shared/api';
import { RETENTIONS, type Retention } from '../../../../shared/vocabulary';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AffairTag } from '../../components/StatusTags';
import { toOptions } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useSave } from './useSave';
import { useCan } from '../../hooks/useAuth';

export function RetentionTab(): React.JSX.Element {
  const rules = useApi('retention.list', {});
  const { error, save } = useSave();
  const editable = useCan()('retention.set');
  const change = async (kind: string, retention: Retention): Promise<void> => {
    if (await save(() => api.call('retention.set', { kind, retention }), `已把“${kind}”的保管期限改为${retention}`)) rules.reload();
  };
  return (
    <>
      <div style={{ color: '#595959', marginBottom: 12 }}>修改只影响之后登记或导入的档案；已有档案的保管期限在档案详情中单独修改。</div>
      <ErrorAlert error={error ?? rules.error} />
      <Table<RetentionRule>
        size="small"
        rowKey="kind"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        virtual
        scroll={{ y: 560 }}
        columns={[
          { title: '类别', dataIndex: 'affair', width: 80, render: (a: string) => <AffairTag affair={a} /> },
          { title: '事项', dataIndex: 'kind' },
          {
            title: '保管期限',
            dataIndex: 'retention',
            width: 160,
            render: (v: Retention, r) => (
              <Select aria-label={`${r.kind}保管期限`} size="small" style={{ width: 120 }} value={v} disabled={!editable} onChange={(x) => change(r.kind, x)} options={toOptions(RETENTIONS)} />
            ),
          },
          { title: '来源', dataIndex: 'isDefault', width: 90, render: (d: boolean) => (d ? <Tag>默认</Tag> : <Tag color="blue">已调整</Tag>) },
        ]}
      />
    </>
  );
}
