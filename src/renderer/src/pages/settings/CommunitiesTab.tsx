// Communities and their profile figures; a row opens its roster (人员与组织).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import type { Community } from '../../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { useArchive } from '../../hooks/useArchive';
import { CommunityForm } from './CommunityForm';
import { RosterDrawer } from './RosterDrawer';
import { useCan } from '../../hooks/useAuth';

const num = (v: number | null): string => (v === null ? '—' : v.toLocaleString('zh-CN'));

export function CommunitiesTab(): React.JSX.Element {
  const { communities, reload } = useArchive();
  const [editing, setEditing] = useState<Community | 'new' | null>(null);
  const [roster, setRoster] = useState<Community | null>(null);
  const editable = useCan()('communities.save');
  return (
    <>
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          添加社区
        </Button>
      )}
      <Table<Community>
        size="small"
        rowKey="id"
        dataSource={communities}
        pagination={false}
        locale={{ emptyText: <EmptyState title="还没有社区" hint="点击“添加社区”，或在“数据导入”页导入社区概况表。" /> }}
        columns={[
          { title: '全宗号', dataIndex: 'code', width: 90 },
          { title: '社区名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'type', width: 70 },
          { title: '户数', dataIndex: 'households', width: 80, align: 'right', render: num },
          { title: '人口', dataIndex: 'population', width: 80, align: 'right', render: num },
          { title: '面积(km²)', dataIndex: 'areaKm2', width: 96, align: 'right', render: num },
          { title: '驻区单位', dataIndex: 'residentUnits', width: 90, align: 'right', render: num },
          { title: '服务站(m²)', dataIndex: 'stationArea', width: 100, align: 'right', render: num },
          { title: '周服务时长', dataIndex: 'weeklyHours', width: 100, align: 'right', render: num },
          {
            title: '操作',
            width: 170,
            render: (_: unknown, c) => (
              <>
                {editable && (
                  <Button size="small" type="link" onClick={() => setEditing(c)}>
                    编辑
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setRoster(c)}>
                  人员与组织
                </Button>
              </>
            ),
          },
        ]}
      />
      <CommunityForm
        community={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      <RosterDrawer community={roster} onClose={() => setRoster(null)} />
    </>
  );
}
